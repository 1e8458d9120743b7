import type { Locale } from '@/lib/platform/locale';
import type en from '@/messages/en.json';

// next-intl checks every key and ICU argument against the English catalogue at compile time.
declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
