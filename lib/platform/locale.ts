/**
 * The languages Tillwise speaks and how each is written by Intl. A person's interface language
 * is their own choice (users.locale) or else their tenant's (tenant_settings.locale); receipts
 * and receipt emails are always in the tenant's. Imports nothing: client components use it too.
 */
export const LOCALES = ['en', 'my'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The BCP 47 tag Intl formats with: British English (day month year, 24-hour clock), Burmese of Myanmar (Myanmar digits). */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', my: 'my-MM' };

/** Each language named in itself, for the language switch (a reader of the other language still finds theirs). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', my: 'မြန်မာ' };

/** How money reads (tenant_settings.currency_display): 'code' "MMK 2,500", 'local' "2,500 Ks" (lib/platform/money.ts). */
export const CURRENCY_DISPLAYS = ['code', 'local'] as const;
export type CurrencyDisplay = (typeof CURRENCY_DISPLAYS)[number];
