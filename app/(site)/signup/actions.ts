'use server';

import { headers } from 'next/headers';
import { getLocale, getTranslations } from 'next-intl/server';
import type { SignUpState } from '@/components/site/sign-up-form';
import { clientIp, createSignInHandoff, takeSignUpAttempt } from '@/lib/auth';
import { businessSignUpSchema, signUpWithDefaults } from '@/lib/onboarding';
import { config } from '@/lib/platform/config';
import { fieldErrorsOf, toFormState } from '@/lib/platform/errors';
import { formWords } from '@/lib/platform/field-words';
import { isLocale } from '@/lib/platform/locale';
import { requestIdFrom, runWithContext } from '@/lib/platform/request-context';
import { tenantHost } from '@/lib/tenancy';

/**
 * Creates the business, its owner and its first-day defaults (lib/onboarding), then hands the browser to the new store's own host.
 * A few sign-ups per network and hour (each costs a password hash and a tenant).
 */
export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const parsed = businessSignUpSchema.safeParse(Object.fromEntries(formData));
  // The page's language (English off a store's host, docs/i18n.md), for the field messages too.
  const locale = await getLocale();
  const say = formWords(isLocale(locale) ? locale : 'en');
  if (!parsed.success) {
    return {
      error: (await getTranslations('site'))('checkFields'),
      fieldErrors: fieldErrorsOf(parsed.error.issues, (path) => String(path[0]), say.issue),
    };
  }
  const h = await headers();
  return runWithContext({ requestId: requestIdFrom(h) }, async () => {
    try {
      await takeSignUpAttempt(clientIp(h));
      const { tenant, owner } = await signUpWithDefaults(parsed.data);
      const token = await createSignInHandoff(tenant.id, owner.id);
      const protocol = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
      const host = tenantHost(tenant.slug, config().ROOT_DOMAIN, h.get('host'));
      return { ok: (await getTranslations('site'))('businessReady'), redirectTo: `${protocol}://${host}/welcome#token=${token}` };
    } catch (err) {
      return toFormState(err, say);
    }
  });
}
