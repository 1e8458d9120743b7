import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SignUpForm } from '@/components/site/sign-up-form';
import { signUpAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('site'))('createBusiness') };
}

export default async function SignUpPage() {
  const t = await getTranslations('site');
  return (
    <main className="mx-auto max-w-xl px-6 py-12">
      <Link href="/" className="text-xl font-bold text-brand-700">
        Tillwise
      </Link>
      <h1 className="mt-8 text-3xl font-bold tracking-tight">{t('createBusiness')}</h1>
      <p className="mt-2 text-slate-600">
        {t('signUpIntro')}
      </p>
      <SignUpForm signUpAction={signUpAction} />
    </main>
  );
}
