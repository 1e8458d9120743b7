import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { WelcomeHandoff } from '@/components/auth/welcome-handoff';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site'))('welcomeTitle'), referrer: 'no-referrer' };
}

/** Lands a new owner from sign-up (root domain) signed in on their store's own host. */
export default function WelcomePage() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 py-12 text-center">
      <WelcomeHandoff />
    </main>
  );
}
