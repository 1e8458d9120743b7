'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { SignInMessage } from './sign-in-errors';
import { useCredentialsSignIn } from './use-credentials-sign-in';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: SignInMessage }) {
  const t = useTranslations('signin');
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
      {error && <Alert tone="error">{'key' in error ? t(error.key) : error.text}</Alert>}
      <TextField label={t('email')} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </Button>
    </form>
  );
}
