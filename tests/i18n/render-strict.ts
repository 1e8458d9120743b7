import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { NextIntlClientProvider } from 'next-intl';
import { expect } from 'vitest';
import { FormatsProvider } from '@/components/ui/formats';
import { MESSAGES } from '@/lib/platform/i18n';
import type { CurrencyDisplay, Locale } from '@/lib/platform/locale';

/**
 * `screen` rendered as the server renders it in `locale`, with next-intl's `onError` throwing: a
 * key missing from the catalogue, or a message given the wrong arguments, fails the test.
 */
export function renderStrict(locale: Locale, screen: ReactNode, options: { currencyDisplay?: CurrencyDisplay; timeZone?: string } = {}): string {
  const errors: Error[] = [];
  const html = renderToString(
    createElement(NextIntlClientProvider, {
      locale,
      messages: MESSAGES[locale],
      timeZone: options.timeZone ?? 'Asia/Yangon',
      onError: (e: Error) => {
        errors.push(e);
        throw e;
      },
      children: createElement(FormatsProvider, { locale, currencyDisplay: options.currencyDisplay ?? 'local', children: screen }),
    }),
  );
  expect(errors).toEqual([]);
  return html;
}
