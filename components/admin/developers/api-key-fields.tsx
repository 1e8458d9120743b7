'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, TextField } from '@/components/ui/field';

/** The scope's message key: `orders:read` → `orders_read` (next-intl keys take no colon). */
export const scopeMessageKey = (scope: string) => `scope.${scope.replace(/[^a-z]/g, '_')}` as 'scope.orders_read';

/** What a form shows in the fields: the key being edited, or nothing for a new one. */
export type ApiKeySettingsDefaults = {
  name: string;
  scopes: readonly string[];
  /** The expiry's day (YYYY-MM-DD) in the business's time zone, '' for none. */
  expiresOn: string;
  /** '' for the default limit. */
  rateLimitPerMinute: string;
};

/** The one scope picker (the create and edit forms both use it): a checkbox per scope with what it allows. */
export function ScopePicker({ scopes, selected = [], error }: { scopes: readonly string[]; selected?: readonly string[]; error?: string }) {
  const t = useTranslations('developers');
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">{t('create.scopes')}</legend>
      {error && <p className="text-sm text-red-700">{error}</p>}
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {scopes.map((scope) => (
          <CheckboxField key={scope} name="scopes" value={scope} label={scope} hint={t(scopeMessageKey(scope))} defaultChecked={selected.includes(scope)} />
        ))}
      </div>
    </fieldset>
  );
}

/** Name, expiry, rate limit and scopes: the fields of a key, as the create and edit forms send them to their actions. */
export function ApiKeySettingsFields({
  scopes,
  defaultRateLimit,
  defaults,
  fieldErrors: fe,
}: {
  scopes: readonly string[];
  defaultRateLimit: number;
  defaults?: ApiKeySettingsDefaults;
  fieldErrors: Record<string, string>;
}) {
  const t = useTranslations('developers');
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label={t('create.name')} name="name" required maxLength={80} autoComplete="off" defaultValue={defaults?.name} error={fe.name} hint={t('create.nameHint')} />
        <TextField label={t('create.expiresOn')} name="expiresOn" type="date" defaultValue={defaults?.expiresOn} error={fe.expiresOn} hint={t('create.expiresHint')} />
        <TextField
          label={t('create.rateLimit')}
          name="rateLimitPerMinute"
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          placeholder={String(defaultRateLimit)}
          defaultValue={defaults?.rateLimitPerMinute}
          error={fe.rateLimitPerMinute}
          hint={t('create.rateLimitHint', { limit: defaultRateLimit })}
        />
      </div>
      <ScopePicker scopes={scopes} selected={defaults?.scopes} error={fe.scopes} />
    </>
  );
}
