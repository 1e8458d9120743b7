import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/site/sign-up-form';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create your business' };

export default function SignUpPage() {
  return (
    <main className="mx-auto max-w-xl px-6 py-12">
      <Link href="/" className="text-xl font-bold text-brand-700">
        Tillwise
      </Link>
      <h1 className="mt-8 text-3xl font-bold tracking-tight">Create your business</h1>
      <p className="mt-2 text-slate-600">
        You get your own store address, an owner account, and a register you can open on any tablet.
      </p>
      <SignUpForm signUpAction={signUpAction} />
    </main>
  );
}
