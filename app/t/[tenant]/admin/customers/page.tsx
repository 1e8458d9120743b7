import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CustomerForm } from '@/components/admin/customers/customer-form';
import { LoyaltyForm } from '@/components/admin/customers/loyalty-form';
import { can, requireStaff } from '@/lib/auth';
import { customerSearchQuery, getLoyaltySettings, searchCustomers } from '@/lib/customers';
import { minorToDecimal } from '@/lib/platform/money';
import { pageFormats } from '@/components/admin/page-formats';
import { controlClass } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button';
import { createCustomerAction, loyaltyAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('customers') };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('customer:read');
  const raw = await searchParams;
  const query = customerSearchQuery.parse({ q: typeof raw.q === 'string' ? raw.q : '', limit: 50 });
  const [{ data, total }, loyalty] = await Promise.all([searchCustomers(ctx, query), getLoyaltySettings(ctx)]);
  const currency = ctx.tenant.currency;
  const t = await getTranslations('admin.customers');
  const f = await pageFormats();
  const formatMoney = f.money;

  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">
          {loyalty.earning ? t('earning', { points: loyalty.earnPoints, amount: formatMoney(loyalty.earnPerAmount, currency) }) : t('noLoyalty')}
          {loyalty.rewards ? t('rewards', { points: loyalty.rewardPoints, amount: formatMoney(loyalty.rewardValue, currency) }) : ''}
        </p>
      </header>

      <form role="search" className="flex max-w-xl gap-2" action="/admin/customers">
        <label htmlFor="customer-search" className="sr-only">
          {t('searchLabel')}
        </label>
        <input id="customer-search" name="q" type="search" defaultValue={query.q} placeholder={t('searchPlaceholder')} className={controlClass} />
        <button type="submit" className={buttonClass('secondary')}>
          {t('search')}
        </button>
      </form>

      <section aria-labelledby="customer-list" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <h2 id="customer-list" className="sr-only">
          {t('title')}
        </h2>
        {data.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">
            {query.q ? t('noMatch', { query: query.q }) : t('noCustomers')}
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t('name')}</th>
                <th scope="col" className="px-4 py-3">{t('phone')}</th>
                <th scope="col" className="hidden px-4 py-3 md:table-cell">{t('tags')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('points')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.map((c) => (
                <tr key={c.id} data-testid="customer-row">
                  <td className="px-4 py-3">
                    <Link href={`/admin/customers/${c.id}`} className="font-medium text-brand-700 underline">
                      {c.name}
                    </Link>
                    {c.email && <p className="text-slate-500">{c.email}</p>}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{c.phone ?? '—'}</td>
                  <td className="hidden px-4 py-3 md:table-cell">{c.tags.join(', ') || '—'}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{f.number(c.pointsBalance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {total > data.length && <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-600">{t('showing', { shown: data.length, total })}</p>}
      </section>

      {can(ctx.role, 'customer:write') && (
        <section aria-labelledby="add-customer" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="add-customer" className="text-lg font-semibold">
            {t('addTitle')}
          </h2>
          <CustomerForm action={createCustomerAction} submitLabel={t('addButton')} />
        </section>
      )}

      {can(ctx.role, 'settings:write') && (
        <section aria-labelledby="loyalty" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="loyalty" className="text-lg font-semibold">
            {t('loyaltyTitle')}
          </h2>
          <p className="text-sm text-slate-600">{t('loyaltyIntro')}</p>
          <LoyaltyForm
            action={loyaltyAction}
            initial={{
              earnPoints: loyalty.earnPoints,
              earnPerAmount: minorToDecimal(loyalty.earnPerAmount, currency),
              rewardPoints: loyalty.rewardPoints,
              rewardValue: minorToDecimal(loyalty.rewardValue, currency),
              currency,
            }}
          />
        </section>
      )}
    </div>
  );
}
