import { currentDisplayPreferences } from '@/lib/auth';
import { formatsFor, type Formats } from '@/lib/platform/formats';

/**
 * The admin server components' `useFormats()`: money, moments and days in this render's language
 * and the tenant's currency display (the same one read the layout makes, cached per render).
 */
export async function pageFormats(): Promise<Formats> {
  const { locale, currencyDisplay } = await currentDisplayPreferences();
  return formatsFor(locale, currencyDisplay);
}
