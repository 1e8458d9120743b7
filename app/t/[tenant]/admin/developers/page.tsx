import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApiKeyCreateForm } from '@/components/admin/developers/api-key-create-form';
import { ApiKeyEditForm } from '@/components/admin/developers/api-key-edit-form';
import { ApiKeyTable, type ApiKeyRowView } from '@/components/admin/developers/api-key-table';
import { currentDisplayPreferences, DEFAULT_RATE_LIMIT_PER_MINUTE, listApiKeys, requireStaff, SCOPES } from '@/lib/auth';
import { businessDayOf } from '@/lib/platform/business-day';
import { dateTimeFormat } from '@/lib/platform/format-time';
import { createApiKeyAction, revokeApiKeyAction, updateApiKeyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('developers') };
}

/** API keys (docs/api.md): the owner lists, creates (the secret shown once), edits (`?edit=<id>`) and revokes them. */
export default async function DevelopersPage({ searchParams }: { searchParams: Promise<{ edit?: string | string[] }> }) {
  const ctx = await requireStaff('apikeys:manage');
  const { edit } = await searchParams;
  const [keys, { locale }, t] = await Promise.all([listApiKeys(ctx), currentDisplayPreferences(), getTranslations('developers')]);
  const format = dateTimeFormat(ctx.tenant.timeZone, 'dateTime', locale);
  const rows: ApiKeyRowView[] = keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    rateLimitPerMinute: k.rateLimitPerMinute,
    status: k.status,
    createdAt: format.format(k.createdAt),
    lastUsedAt: k.lastUsedAt ? format.format(k.lastUsedAt) : null,
    expiresAt: k.expiresAt ? format.format(k.expiresAt) : null,
  }));
  const editing = keys.find((k) => k.id === edit && k.status !== 'revoked');
  return (
    <div className="max-w-6xl space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="max-w-3xl text-slate-600">{t('intro')}</p>
        <p>
          <a href="/developers" className="font-semibold text-brand-700 underline">
            {t('reference')}
          </a>
        </p>
        <p>
          <Link href="/admin/developers/webhooks" className="font-semibold text-brand-700 underline">
            {t('webhooksLink')}
          </Link>
        </p>
      </header>
      {editing && (
        <ApiKeyEditForm
          key={editing.id}
          apiKey={{
            id: editing.id,
            prefix: editing.prefix,
            name: editing.name,
            scopes: editing.scopes,
            expiresOn: editing.expiresAt ? businessDayOf(editing.expiresAt, { timeZone: ctx.tenant.timeZone, dayStartsAt: '00:00' }).date : '',
            rateLimitPerMinute: editing.rateLimitPerMinute === DEFAULT_RATE_LIMIT_PER_MINUTE ? '' : String(editing.rateLimitPerMinute),
          }}
          scopes={SCOPES}
          defaultRateLimit={DEFAULT_RATE_LIMIT_PER_MINUTE}
          updateApiKeyAction={updateApiKeyAction}
        />
      )}
      <ApiKeyCreateForm scopes={SCOPES} defaultRateLimit={DEFAULT_RATE_LIMIT_PER_MINUTE} createApiKeyAction={createApiKeyAction} />
      <ApiKeyTable keys={rows} revokeApiKeyAction={revokeApiKeyAction} />
    </div>
  );
}
