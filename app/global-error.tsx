'use client';

import './globals.css';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';
import { translatorFor } from '@/lib/platform/i18n';
import { isLocale, type Locale } from '@/lib/platform/locale';

/**
 * The language of the page that failed: the root layout wrote it in `<html lang>`, which is
 * still in the document when this first renders; else the browser's own language. (This page
 * replaces the root layout, so next-intl's provider is gone: it translates for itself.)
 */
function failedPageLocale(): Locale {
  if (typeof document === 'undefined') return 'en';
  const lang = document.documentElement.lang;
  if (isLocale(lang)) return lang;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('my')) ? 'my' : 'en';
}

/**
 * When even the root layout failed: this replaces it, so it brings its own document and the
 * global styles (Next's default here is an unstyled "This page couldn't load").
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  const [locale] = useState(failedPageLocale);
  const t = translatorFor(locale, 'errors');
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <title>{t('globalTitle')}</title>
        <StatusPage
          status={t('somethingWrong')}
          tone="error"
          title={t('globalHeading')}
          actions={
            <>
              <Button onClick={() => retry()}>{t('tryAgain')}</Button>
              {/* A full load, not a client navigation: the app around this page is what failed. */}
              <a href="/" className="font-semibold text-brand-700 underline">
                {t('goHome')}
              </a>
            </>
          }
        >
          <p>{t('globalBody')}</p>
          {digest && <p className="text-xs text-slate-500">{t('reference', { digest })}</p>}
        </StatusPage>
      </body>
    </html>
  );
}
