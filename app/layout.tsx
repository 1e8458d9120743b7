import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { connection } from 'next/server';
// Noto Sans Myanmar, served by the app (the CSS pipeline copies the woff2 into the build):
// Burmese never falls back to boxes on a kiosk, a Linux tablet or a print frame (docs/i18n.md).
import '@fontsource/noto-sans-myanmar/myanmar-400.css';
import '@fontsource/noto-sans-myanmar/myanmar-700.css';
import './globals.css';
import { FormatsProvider } from '@/components/ui/formats';
import { CLIENT_NAMESPACES, pickMessages } from '@/i18n/client-messages';
import { currentDisplayPreferences } from '@/lib/auth';

export const metadata: Metadata = {
  title: { default: 'Tillwise', template: '%s · Tillwise' },
  description: 'Point of sale for small restaurants and shops.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#147f49' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts must carry that request's CSP nonce (proxy.ts),
  // which a page prerendered at build time could not know.
  await connection();
  // The reader's language (their choice, else their tenant's) and the tenant's money display.
  const { locale, currencyDisplay } = await currentDisplayPreferences();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {/* Only what client components outside the admin and staff screens use; their layouts send their own (i18n/client-messages.ts). */}
        <NextIntlClientProvider messages={pickMessages(await getMessages(), CLIENT_NAMESPACES.root)}>
          <FormatsProvider locale={locale} currencyDisplay={currencyDisplay}>
            {children}
          </FormatsProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
