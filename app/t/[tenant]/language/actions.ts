'use server';

import { ownLocaleSchema, setOwnLocale, staffAction, type FormState } from '@/lib/auth';

/**
 * The language switch of the register, kitchen, floor and admin: the signed-in person's own
 * interface language ("" follows the store's). Everyone signed in may use it ('register:use' is
 * every role's); it changes nothing but their own row.
 */
export async function setLanguageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const value = formData.get('locale');
  return staffAction('register:use', ownLocaleSchema, { locale: typeof value === 'string' && value !== '' ? value : null }, async (ctx, { locale }) => {
    await setOwnLocale(ctx, locale);
    return 'Language saved.';
  });
}
