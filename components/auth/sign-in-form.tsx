'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useCredentialsSignIn } from './use-credentials-sign-in';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const { error, pending, submit } = useCredentialsSignIn('credentials', () => window.location.assign(callbackUrl), initialError);

  return (
    <form
      className="mt-8 space-y-4"
      // Submitted before hydration, the default GET would put the password in the URL.
      method="post"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        void submit({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') });
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
