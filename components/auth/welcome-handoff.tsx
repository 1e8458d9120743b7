'use client';

import { signIn } from 'next-auth/react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';

/**
 * Redeems the one-time sign-up token from the URL fragment (never sent to any server log or
 * referrer) through next-auth's `handoff` provider, then opens the admin.
 */
export function WelcomeHandoff() {
  const [error, setError] = useState<string>();
  const started = useRef(false); // the token is single-use: never redeem it twice

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
    window.history.replaceState(null, '', window.location.pathname);
    if (!token) {
      setError('This sign-in link is incomplete.');
      return;
    }
    signIn('handoff', { token, redirect: false }).then((result) => {
      if (result?.ok && !result.error) window.location.assign('/admin');
      else setError(result?.error ?? 'This sign-in link has expired.');
    });
  }, []);

  if (error) {
    return (
      <div role="alert">
        <h1 className="text-2xl font-bold">We could not sign you in automatically</h1>
        <p className="mt-2 text-slate-600">{error}</p>
        <Link href="/signin" className="mt-6 inline-block font-semibold text-brand-700 underline">
          Sign in with your email and password
        </Link>
      </div>
    );
  }
  return (
    <div role="status" aria-live="polite">
      <h1 className="text-2xl font-bold">Your business is ready</h1>
      <p className="mt-2 text-slate-600">Signing you in…</p>
    </div>
  );
}
