import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApiKeyCreateForm } from '@/components/admin/developers/api-key-create-form';
import { ApiKeyTable, type ApiKeyRowView } from '@/components/admin/developers/api-key-table';
import { currentDisplayPreferences, DEFAULT_RATE_LIMIT_PER_MINUTE, listApiKeys, requireStaff, SCOPES } from '@/lib/auth';
import { dateTimeFormat } from '@/lib/platform/format-time';
import { createApiKeyAction, revokeApiKeyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('developers') };
}

/** API keys (docs/api.md): the owner lists, creates (the secret shown once) and revokes them. */
export default async function DevelopersPage() {
  const ctx = await requireStaff('apikeys:manage');
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
      <ApiKeyCreateForm scopes={SCOPES} defaultRateLimit={DEFAULT_RATE_LIMIT_PER_MINUTE} createApiKeyAction={createApiKeyAction} />
      <ApiKeyTable keys={rows} revokeApiKeyAction={revokeApiKeyAction} />
    </div>
  );
}
