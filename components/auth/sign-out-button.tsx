'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

/** Signs out through next-auth (which revokes the session server-side), then shows sign-in. */
export function SignOutButton({ variant = 'ghost' }: { variant?: ButtonVariant }) {
  const t = useTranslations('common');
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant={variant}
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign('/signin');
      }}
    >
      {pending ? t('signingOut') : t('signOut')}
    </Button>
  );
}
