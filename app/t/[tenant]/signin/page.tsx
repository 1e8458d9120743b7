import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { signInErrorMessage } from '@/components/auth/sign-in-errors';
import { firstParam } from '@/components/ui/pager';
import { PinSignInForm } from '@/components/register/idle-lock';
import { currentStaff, lockedRegister, safeCallbackPath } from '@/lib/auth';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signin'))('title') };
}


export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('signin');
  const current = await currentStaff();
  const params = await searchParams;
  const next = safeCallbackPath(firstParam(params.callbackUrl));
  if (current?.ctx) redirect(next);
  // A register that locked itself and was reloaded: its PIN screen first (the password still works below).
  const locked = current && (await lockedRegister(current.tenant));
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center px-6 py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Tillwise</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{current?.tenant.name}</h1>
      {locked && (
        <div className="mt-6 [&>form]:w-full [&>form]:ring-1 [&>form]:ring-slate-200">
          <PinSignInForm titleId="locked-register" staff={locked.staff} signedInId={locked.lockedUserId} intro={t('lockedIntro')} />
        </div>
      )}
      <p className="mt-2 text-slate-600">{t('intro')}</p>
      <SignInForm callbackUrl={next} initialError={signInErrorMessage(firstParam(params.error))} />
    </main>
  );
}
