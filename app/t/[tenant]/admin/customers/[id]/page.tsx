import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CustomerForm } from '@/components/admin/customers/customer-form';
import { EraseCustomerForm } from '@/components/admin/customers/erase-form';
import { can, requireStaff } from '@/lib/auth';
import { customerProfile } from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';
import { pageFormats } from '@/components/admin/page-formats';
import { STATUS_KEY } from '@/components/register/orders/format';
import { idParam } from '@/lib/platform/validation';
import { eraseCustomerAction, updateCustomerAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('customer') };
}

const LEDGER_WORDS = { earn: 'earned', redeem: 'redeemed', reverse: 'reversed' } as const;

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaff('customer:read');
  const id = idParam.safeParse((await params).id);
  if (!id.success) notFound();
  const profile = await customerProfile(ctx, id.data).catch((err) => {
    if (err instanceof AppError && err.code === 'not_found') notFound();
    throw err;
  });
  const { customer, orders, totals, pointsLedger } = profile;
  const t = await getTranslations('admin.customers');
  const to = await getTranslations('orders');
  const f = await pageFormats();
  const money = (minor: number) => f.money(minor, ctx.tenant.currency);
  const when = { format: (at: Date) => f.dateTime(at, ctx.tenant.timeZone) };
  const erased = customer.erasedAt !== null;

  return (
    <div className="max-w-5xl space-y-8">
      <header className="space-y-1">
        <p>
          <Link href="/admin/customers" className="text-sm text-brand-700 underline">
            {t('backToCustomers')}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{customer.name}</h1>
        <p className="text-slate-600">
          {erased ? t('erasedAt', { when: when.format(customer.erasedAt!) }) : [customer.phone, customer.email].filter(Boolean).join(' · ') || t('noContact')}
          {customer.tags.length > 0 && ` · ${customer.tags.join(', ')}`}
        </p>
        {customer.note && <p className="text-slate-700">“{customer.note}”</p>}
      </header>

      <dl className="grid gap-3 sm:grid-cols-4">
        {[
          ['orders', t('orders'), f.number(totals.orders)],
          ['spent', t('spent'), money(totals.spent - totals.refunded)],
          ['points', t('points'), f.number(customer.pointsBalance)],
          ['last-order', t('lastOrder'), totals.lastOrderAt ? when.format(totals.lastOrderAt) : '—'],
        ].map(([id, label, value]) => (
          <div key={id} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`customer-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="history" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <h2 id="history" className="px-4 pt-4 text-lg font-semibold">
          {t('history')}
        </h2>
        {orders.length === 0 ? (
          <p className="px-4 py-6 text-slate-600">{t('noOrders')}</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t('order')}</th>
                <th scope="col" className="px-4 py-3">{t('when')}</th>
                <th scope="col" className="px-4 py-3">{t('status')}</th>
                <th scope="col" className="px-4 py-3 text-right">{t('total')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {orders.map((o) => (
                <tr key={o.id}>
                  <td className="px-4 py-3">
                    <Link href={`/admin/orders/${o.id}`} className="text-brand-700 underline">
                      #{o.number}
                    </Link>
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{when.format(o.createdAt)}</td>
                  <td className="px-4 py-3">{to(STATUS_KEY[o.status as keyof typeof STATUS_KEY])}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {money(o.total)}
                    {o.refundedTotal > 0 && <span className="block text-xs text-slate-500">{t('refunded', { amount: money(o.refundedTotal) })}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="points" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <h2 id="points" className="px-4 pt-4 text-lg font-semibold">
          {t('ledger')}
        </h2>
        {pointsLedger.length === 0 ? (
          <p className="px-4 py-6 text-slate-600">{t('noPoints')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {pointsLedger.map((e) => (
              <li key={e.id} className="flex justify-between gap-4 px-4 py-3">
                <span>
                  {t(LEDGER_WORDS[e.kind])} · <Link href={`/admin/orders/${e.orderId}`} className="text-brand-700 underline">{t('orderLink')}</Link>
                  <span className="block text-xs text-slate-500">{when.format(e.createdAt)}</span>
                </span>
                <span className="tabular-nums font-medium">{e.points > 0 ? `+${f.number(e.points)}` : f.number(e.points)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {!erased && can(ctx.role, 'customer:write') && (
        <section aria-labelledby="edit" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="edit" className="text-lg font-semibold">
            {t('details')}
          </h2>
          <CustomerForm action={updateCustomerAction} initial={customer} submitLabel={t('save')} />
        </section>
      )}

      {!erased && can(ctx.role, 'customer:privacy') && (
        <section aria-labelledby="privacy" className="space-y-3 rounded-xl border border-red-200 bg-white p-4">
          <h2 id="privacy" className="text-lg font-semibold">
            {t('personalData')}
          </h2>
          <p className="text-sm text-slate-600">{t('privacyIntro')}</p>
          <a href={`/api/v1/customers/${customer.id}/export`} className="inline-flex min-h-11 items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50" download>
            {t('export')}
          </a>
          <EraseCustomerForm action={eraseCustomerAction} customerId={customer.id} />
        </section>
      )}
    </div>
  );
}
