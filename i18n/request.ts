import { getRequestConfig } from 'next-intl/server';
import { currentDisplayPreferences } from '@/lib/auth';
import { MESSAGES, messageErrors } from '@/lib/platform/i18n';

/**
 * next-intl's request configuration, without i18n routing: the locale is never in the URL (a
 * tenant is a subdomain, proxy.ts rewrites it to app/t/[tenant]/…). It is the signed-in person's
 * choice or their tenant's (lib/auth currentDisplayPreferences, one read per render, cached), and
 * times are on the tenant's wall clock. Route handlers never call this: /api/v1 stays locale-free.
 */
export default getRequestConfig(async () => {
  const { locale, timeZone } = await currentDisplayPreferences();
  return { locale, timeZone, messages: MESSAGES[locale], ...messageErrors };
});
