'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { signInResultMessage, type SignInMessage } from './sign-in-errors';

/**
 * Signs in through one of next-auth's credentials providers without a redirect, exposing
 * pending and error state for the form; on success the page is loaded afresh, so server
 * components read the new session cookie.
 */
export function useCredentialsSignIn(provider: 'credentials' | 'pin', onSuccess: () => void, initialError?: SignInMessage) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function submit(credentials: Record<string, string>) {
    setPending(true);
    setError(undefined);
    const result = await signIn(provider, { ...credentials, redirect: false });
    // `ok` alone decides: on success next-auth reads `error` from the callback URL, which
    // defaults to this page's own address — and so to whatever `?error=` a link put there.
    if (result?.ok) {
      onSuccess();
      return;
    }
    setPending(false);
    setError(signInResultMessage(result?.error));
  }

  return { error, pending, submit };
}
