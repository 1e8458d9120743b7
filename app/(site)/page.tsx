import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { FindStoreForm } from '@/components/site/find-store-form';

export default function LandingPage() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <header className="flex items-center justify-between">
        <span className="text-xl font-bold text-brand-700">Tillwise</span>
        <Link href="/signup" className={buttonClass('primary')}>
          Start free
        </Link>
      </header>

      <section className="mt-16 grid gap-10 md:grid-cols-2 md:items-center">
        <div>
          <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            The till that keeps up with a lunch rush.
          </h1>
          <p className="mt-4 text-lg text-slate-600">
            Sell from any tablet or laptop browser, take cash and card, track stock as it moves, and see what sold —
            for cafés, tea shops, restaurants and retail stores.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/signup" className={buttonClass('primary')}>
              Create your business
            </Link>
          </div>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">Already on Tillwise?</h2>
          <p className="mt-1 text-sm text-slate-600">Go to your store&apos;s own address to sign in.</p>
          <FindStoreForm />
        </div>
      </section>

      <section className="mt-16 grid gap-6 sm:grid-cols-3" aria-label="Features">
        {[
          ['Fast register', 'Keyboard, touch and barcode scanner; parks orders, splits payments, prints receipts.'],
          ['Stock you can trust', 'Every sale, delivery and count in one ledger, per location, with low-stock alerts.'],
          ['Your own data', 'Each business lives on its own address with strict isolation, roles and an audit log.'],
        ].map(([title, text]) => (
          <div key={title} className="rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="font-semibold">{title}</h3>
            <p className="mt-1 text-sm text-slate-600">{text}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
