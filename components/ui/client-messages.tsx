import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { CLIENT_NAMESPACES, pickMessages, type ClientArea } from '@/i18n/client-messages';

/**
 * The messages `area`'s client components use, and no others, for everything under it: a
 * provider nested in the root layout's replaces its messages (i18n/client-messages.ts).
 */
export async function ClientMessages({ area, children }: { area: ClientArea; children: React.ReactNode }) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[area]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
