'use client';

import { createContext, useContext } from 'react';
import { formatsFor, type Formats } from '@/lib/platform/formats';
import type { CurrencyDisplay, Locale } from '@/lib/platform/locale';

const FormatsContext = createContext<{ locale: Locale; currencyDisplay: CurrencyDisplay }>({ locale: 'en', currencyDisplay: 'code' });

/** The root layout's: the render's language and the tenant's currency display, for every client component below. */
export function FormatsProvider({ locale, currencyDisplay, children }: { locale: Locale; currencyDisplay: CurrencyDisplay; children: React.ReactNode }) {
  return <FormatsContext.Provider value={{ locale, currencyDisplay }}>{children}</FormatsContext.Provider>;
}

/** Money, moments, days and numbers as this page's reader reads them (lib/platform/formats.ts). */
export function useFormats(): Formats {
  const { locale, currencyDisplay } = useContext(FormatsContext);
  return formatsFor(locale, currencyDisplay);
}
