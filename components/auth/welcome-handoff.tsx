'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { signInResultMessage, signInText } from './sign-in-errors';

/**
 * Redeems the one-time sign-up token from the URL fragment (never sent to any server log or
 * referrer) through next-auth's `handoff` provider, then opens the admin.
 */
export function WelcomeHandoff() {
  const t = useTranslations('site');
  const ts = useTranslations('signin');
  const [error, setError] = useState<string>();
  const started = useRef(false); // the token is single-use: never redeem it twice

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setError(t('linkIncomplete'));
      return;
    }
    signIn('handoff', { token, redirect: false }).then((result) => {
      if (result?.ok && !result.error) window.location.assign('/admin');
      else setError(result?.error ? signInText(signInResultMessage(result.error), ts) : t('linkExpired'));
    });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the token is redeemed once, whatever t is

  if (error) {
    return (
      <div role="alert">
        <h1 className="text-2xl font-bold">{t('couldNotSignIn')}</h1>
        <p className="mt-2 text-slate-600">{error}</p>
        <Link href="/signin" className="mt-6 inline-block font-semibold text-brand-700 underline">
          {t('signInManually')}
        </Link>
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite">
      <h1 className="text-2xl font-bold">{t('readyTitle')}</h1>
      <p className="mt-2 text-slate-600">{t('signingIn')}</p>
    </div>
  );
}
