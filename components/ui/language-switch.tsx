'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { LOCALE_NAMES, LOCALES, type Locale } from '@/lib/platform/locale';
import { useFormAction, useRefreshWhenSaved, type FormAction } from './use-form-action';

/**
 * The signed-in person's interface language: English, မြန်မာ, or the store's (which the owner
 * sets in Settings). Choosing submits at once; the page renders again in the new language. Each
 * language is named in itself, so a reader of the other one still finds theirs.
 */
export function LanguageSwitch({ chosen, storeLocale, action }: { chosen: Locale | null; storeLocale: Locale; action: FormAction }) {
  const t = useTranslations('language');
  const { state, pending, onSubmit } = useFormAction(action, null);
  const form = useRef<HTMLFormElement>(null);
  useRefreshWhenSaved(state);
  return (
    // relative: the sr-only label is absolutely placed, and must stay inside the staff header's
    // sideways-scrolling row on a phone rather than widen the page (e2e/register-phone.spec.ts).
    <form ref={form} onSubmit={onSubmit} className="relative flex items-center">
      <label htmlFor="language-switch" className="sr-only">
        {t('label')}
      </label>
      <select
        id="language-switch"
        name="locale"
        data-testid="language-switch"
        defaultValue={chosen ?? ''}
        disabled={pending}
        onChange={() => form.current?.requestSubmit()}
        className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        <option value="">{t('store', { language: LOCALE_NAMES[storeLocale] })}</option>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </form>
  );
}
