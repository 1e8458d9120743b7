import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { CustomerForm } from '@/components/admin/customers/customer-form';
import { LoyaltyForm } from '@/components/admin/customers/loyalty-form';
import { can, requireStaff } from '@/lib/auth';
import { customerSearchQuery, getLoyaltySettings, searchCustomers } from '@/lib/customers';
import { formatMoney, minorToDecimal } from '@/lib/platform/money';
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

  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold">Customers</h1>
        <p className="text-slate-600">
          {loyalty.earning
            ? `${loyalty.earnPoints} point${loyalty.earnPoints === 1 ? '' : 's'} for every ${formatMoney(loyalty.earnPerAmount, currency)} paid`
            : 'No loyalty points yet'}
          {loyalty.rewards ? ` · ${loyalty.rewardPoints} points take ${formatMoney(loyalty.rewardValue, currency)} off` : ''}
        </p>
      </header>

      <form role="search" className="flex max-w-xl gap-2" action="/admin/customers">
        <label htmlFor="customer-search" className="sr-only">
          Search by phone or name
        </label>
        <input id="customer-search" name="q" type="search" defaultValue={query.q} placeholder="Phone or name" className={controlClass} />
        <button type="submit" className={buttonClass('secondary')}>
          Search
        </button>
      </form>

      <section aria-labelledby="customer-list" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <h2 id="customer-list" className="sr-only">
          Customers
        </h2>
        {data.length === 0 ? (
          <p className="px-4 py-8 text-center text-slate-600">
            {query.q ? `No customer matches “${query.q}”.` : 'No customers yet. Add one below, or at the register when you ring up a sale.'}
          </p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Phone</th>
                <th scope="col" className="hidden px-4 py-3 md:table-cell">Tags</th>
                <th scope="col" className="px-4 py-3 text-right">Points</th>
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
                  <td className="px-4 py-3 text-right tabular-nums">{c.pointsBalance}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {total > data.length && <p className="border-t border-slate-100 px-4 py-3 text-sm text-slate-600">Showing {data.length} of {total}; search to narrow it down.</p>}
      </section>

      {can(ctx.role, 'customer:write') && (
        <section aria-labelledby="add-customer" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="add-customer" className="text-lg font-semibold">
            Add a customer
          </h2>
          <CustomerForm action={createCustomerAction} submitLabel="Add customer" />
        </section>
      )}

      {can(ctx.role, 'settings:write') && (
        <section aria-labelledby="loyalty" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="loyalty" className="text-lg font-semibold">
            Loyalty scheme
          </h2>
          <p className="text-sm text-slate-600">Points are earned when an order is paid and taken back when it is refunded. A reward is redeemed at the register as the order discount.</p>
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
