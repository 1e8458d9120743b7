'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  return (
    <form
      className="mt-8 space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        setPending(true);
        setError(undefined);
        const result = await signIn('credentials', {
          email: String(form.get('email') ?? ''),
          password: String(form.get('password') ?? ''),
          redirect: false,
        });
        if (result?.ok && !result.error) {
          window.location.assign(callbackUrl); // full load: server components read the new cookie
          return;
        }
        setPending(false);
        setError(result?.error === 'CredentialsSignin' ? 'Wrong email or password.' : (result?.error ?? 'Sign-in failed.'));
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
