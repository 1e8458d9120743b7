import { createTranslator, type AbstractIntlMessages } from 'use-intl/core';
import en from '@/messages/en.json';
import my from '@/messages/my.json';
import type { Locale } from './locale';

/**
 * The message catalogues (messages/<locale>.json, ICU syntax) and a translator for code that
 * renders outside React: receipts, their emails, kitchen tickets' server side. Pages and
 * components use next-intl (`getTranslations` / `useTranslations`), configured from these same
 * catalogues in i18n/request.ts. How to add a string: docs/i18n.md.
 */
export const MESSAGES: Record<Locale, AbstractIntlMessages> = { en, my };
export type Messages = typeof en;

/** Only a test switches this on: a missing key or a bad argument then throws instead of showing the key. */
let strict = false;
export function throwOnMissingMessages(on: boolean): void {
  strict = on;
}

/** next-intl's onError/getMessageFallback for every provider: English text never silently stands in for a missing key in tests. */
export const messageErrors = {
  onError(error: Error) {
    if (strict) throw error;
    console.error(error.message);
  },
  getMessageFallback({ namespace, key }: { namespace?: string; key: string }) {
    return namespace ? `${namespace}.${key}` : key;
  },
};

/** `t` of one namespace in `locale` ("receipt", "email"), for server code that builds HTML or text. */
export function translatorFor<N extends keyof Messages & string>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale] as Messages, namespace, ...messageErrors });
}
