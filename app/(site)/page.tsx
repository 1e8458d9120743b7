import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { FindStoreForm } from '@/components/site/find-store-form';

const FEATURES = [
  ['featureRegisterTitle', 'featureRegisterText'],
  ['featureStockTitle', 'featureStockText'],
  ['featureDataTitle', 'featureDataText'],
] as const;

export default async function LandingPage() {
  const t = await getTranslations('site');
  return (
    <main className="mx-auto max-w-5xl px-6 py-12">
      <header className="flex items-center justify-between">
        <span className="text-xl font-bold text-brand-700">Tillwise</span>
        <Link href="/signup" className={buttonClass('primary')}>
          {t('startFree')}
        </Link>
      </header>

      <section className="mt-16 grid gap-10 md:grid-cols-2 md:items-center">
        <div>
          <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            {t('heroTitle')}
          </h1>
          <p className="mt-4 text-lg text-slate-600">
            {t('heroText')}
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/signup" className={buttonClass('primary')}>
              {t('createBusiness')}
            </Link>
          </div>
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold">{t('alreadyOn')}</h2>
          <p className="mt-1 text-sm text-slate-600">{t('goToAddress')}</p>
          <FindStoreForm />
        </div>
      </section>

      <section className="mt-16 grid gap-6 sm:grid-cols-3" aria-label={t('features')}>
        {FEATURES.map(([title, text]) => (
          <div key={title} className="rounded-xl border border-slate-200 bg-white p-5">
            <h3 className="font-semibold">{t(title)}</h3>
            <p className="mt-1 text-sm text-slate-600">{t(text)}</p>
          </div>
        ))}
      </section>
    </main>
  );
}
