'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ApiKeySettingsFields, type ApiKeySettingsDefaults } from './api-key-fields';

/**
 * Changes a key's name, scopes, expiry or rate limit (its secret stays: docs/api.md). The same
 * fields as the create form, filled with the key's settings; the expiry is only sent on when its
 * day was changed (an expired key's old day would otherwise be refused as past).
 */
export function ApiKeyEditForm({
  apiKey,
  scopes,
  defaultRateLimit,
  updateApiKeyAction,
}: {
  apiKey: ApiKeySettingsDefaults & { id: string; prefix: string };
  scopes: readonly string[];
  defaultRateLimit: number;
  updateApiKeyAction: FormAction;
}) {
  const t = useTranslations('developers');
  const { state, pending, onSubmit } = useFormAction(updateApiKeyAction, null);
  return (
    <section id="edit-key" aria-labelledby="edit-key-heading" className="rounded-xl border border-brand-200 bg-white p-5">
      <h2 id="edit-key-heading" className="text-lg font-semibold">
        {t('edit.heading', { name: apiKey.name })}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('edit.intro', { key: `tw_live_${apiKey.prefix}_…` })}</p>
      <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <input type="hidden" name="id" value={apiKey.id} />
        <input type="hidden" name="expiresOnWas" value={apiKey.expiresOn} />
        <ApiKeySettingsFields scopes={scopes} defaultRateLimit={defaultRateLimit} defaults={apiKey} fieldErrors={state?.fieldErrors ?? {}} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t('edit.saving') : t('edit.submit')}
          </Button>
          <Link href="/admin/developers" className="font-semibold text-brand-700 underline">
            {t('edit.close')}
          </Link>
        </div>
      </form>
    </section>
  );
}
