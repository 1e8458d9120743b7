import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { OrderFilters } from '@/components/admin/orders/order-filters';
import { OrdersTable } from '@/components/admin/orders/orders-table';
import { exportHref, ORDERS_PAGE_SIZE, ordersHref, readOrderFilters } from '@/components/admin/orders/search-params';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { Pager, pageParam } from '@/components/ui/pager';
import { can, listStaff, requireStaff } from '@/lib/auth';
import { getShift, listRefusedSales, searchOrders } from '@/lib/orders';
import { NeedsAttention } from '@/components/register/orders/needs-attention';
import { writeOffRefusedSaleAction } from '../../register/orders/actions';
import { addDays, businessDayOf } from '@/lib/platform/business-day';
import { idParam } from '@/lib/platform/validation';
import { listTables } from '@/lib/restaurant';
import { businessDayRule } from '@/lib/tenancy';
import { pageFormats } from '@/components/admin/page-formats';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('orders') };
}

/** Every order of the business: filters in the URL (business days in the store's time zone), 25 a page, CSV downloads of the same search. */
export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('order:read');
  const params = await searchParams;
  // Links from before the order page existed (?order=<id>) go to it.
  const legacy = idParam.safeParse(params.order);
  if (legacy.success) redirect(`/admin/orders/${legacy.data}`);
  const page = pageParam(params.page);
  const { values, errors, search, filtered } = readOrderFilters(params, ctx.tenant.currency, page);

  const [found, staff, tables, rule, shift, refused] = await Promise.all([
    search ? searchOrders(ctx, search) : Promise.resolve(null),
    listStaff(ctx),
    listTables(ctx),
    businessDayRule(ctx),
    search?.shift ? getShift(ctx, search.shift) : Promise.resolve(null),
    listRefusedSales(ctx, { status: 'open', limit: 200 }),
  ]);
  const t = await getTranslations('admin.orders');
  const f = await pageFormats();
  const today = businessDayOf(new Date(), rule).date;
  const weekAgo = addDays(today, -6);
  const shiftWords =
    shift && t('shiftWords', { register: shift.registerName, when: f.dateTime(shift.openedAt, ctx.tenant.timeZone), name: staff.find((s) => s.id === shift.openedBy)?.name ?? t('formerStaff') });
  const count = found ? t('count', { count: found.total }) : '';

  return (
    <div className="max-w-7xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">{t('intro', { timeZone: ctx.tenant.timeZone })}</p>
        </div>
        {search && can(ctx.role, 'reports:read') && (
          <nav aria-label={t('downloadCsv')} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-600">{t('downloadCsvColon')}</span>
            <a href={exportHref('orders', search)} download className={buttonClass('secondary')}>
              {t('csvOrders')}
            </a>
            <a href={exportHref('lines', search)} download className={buttonClass('secondary')}>
              {t('csvLines')}
            </a>
            <a href={exportHref('payments', search)} download className={buttonClass('secondary')}>
              {t('csvPayments')}
            </a>
          </nav>
        )}
      </header>

      {refused.data.length > 0 && (
        <NeedsAttention sales={refused.data} timeZone={ctx.tenant.timeZone} canResolve={can(ctx, 'offline:resolve')} writeOffAction={writeOffRefusedSaleAction} />
      )}

      <OrderFilters
        key={JSON.stringify(values)} // a new search (a link, "Clear filters") resets what was typed
        values={values}
        errors={errors}
        staff={staff.map((s) => ({ id: s.id, name: s.active ? s.name : t('inactive', { name: s.name }) }))}
        tables={tables}
        currency={ctx.tenant.currency}
        today={today}
        weekAgo={weekAgo}
        shift={shiftWords || null}
      />

      {!found ? (
        <Alert tone="error">{t('badFilters')}</Alert>
      ) : found.total === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="orders-empty">
          {filtered ? (
            <>
              {t('noMatch')}{' '}
              <Link href="/admin/orders" className="font-semibold text-brand-700 underline">
                {t('showEvery')}
              </Link>
            </>
          ) : (
            t('noOrders')
          )}
        </div>
      ) : found.data.length === 0 ? (
        <Alert tone="info">
          {t('onlyCount', { count: found.total })}{' '}
          <Link href={ordersHref(values)} className="font-semibold underline">
            {t('firstPage')}
          </Link>
        </Alert>
      ) : (
        <section aria-label={t('found')} className="space-y-3">
          <p className="text-sm text-slate-600" role="status">
            {count}
          </p>
          <OrdersTable
            orders={found.data}
            timeZone={ctx.tenant.timeZone}
            staffNames={Object.fromEntries(staff.map((s) => [s.id, s.name]))}
            tableNames={Object.fromEntries(tables.map((x) => [x.id, x.name]))}
            caption={t('caption', { count: found.total })}
            formats={f}
          />
          <Pager page={page} pageSize={ORDERS_PAGE_SIZE} total={found.total} href={(p) => ordersHref(values, { page: p > 1 ? p : undefined })} label={t('pages')} />
        </section>
      )}
    </div>
  );
}
