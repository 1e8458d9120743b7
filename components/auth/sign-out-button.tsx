'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button, type ButtonVariant } from '@/components/ui/button';

/** Signs out through next-auth (which revokes the session server-side), then shows sign-in. */
export function SignOutButton({ variant = 'ghost' }: { variant?: ButtonVariant }) {
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
      {pending ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
