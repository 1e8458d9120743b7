'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ApiKeySettingsFields } from './api-key-fields';

export type CreateKeyState = { secret?: string; prefix?: string; error?: string; fieldErrors?: Record<string, string> } | null;

/** Name, scopes, optional expiry and rate limit; on success the secret, shown this once, with a copy button. */
export function ApiKeyCreateForm({ scopes, defaultRateLimit, createApiKeyAction }: { scopes: readonly string[]; defaultRateLimit: number; createApiKeyAction: FormAction<CreateKeyState> }) {
  const t = useTranslations('developers');
  const { state, pending, onSubmit } = useFormAction(createApiKeyAction, null);
  const form = useRef<HTMLFormElement>(null);
  const [copied, setCopied] = useState(false);
  const fe = state?.fieldErrors ?? {};
  useEffect(() => {
    if (!state?.secret) return;
    form.current?.reset();
    setCopied(false);
  }, [state]);

  return (
    <section aria-labelledby="create-key" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="create-key" className="text-lg font-semibold">
        {t('create.heading')}
      </h2>
      {state?.secret && (
        <div className="mt-4 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" role="status">
          <p className="font-semibold text-amber-900">{t('created.heading')}</p>
          <p className="text-sm text-amber-900">{t('created.body')}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code aria-label={t('created.label')} data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 font-mono text-sm ring-1 ring-amber-200">
              {state.secret}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={() => void navigator.clipboard?.writeText(state.secret!).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? t('created.copied') : t('created.copy')}
            </Button>
          </div>
        </div>
      )}
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        <ApiKeySettingsFields scopes={scopes} defaultRateLimit={defaultRateLimit} fieldErrors={fe} />
        <Button type="submit" disabled={pending}>
          {pending ? t('create.creating') : t('create.submit')}
        </Button>
      </form>
    </section>
  );
}
