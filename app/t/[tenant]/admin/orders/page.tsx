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
import { getShift, searchOrders } from '@/lib/orders';
import { addDays, businessDayOf } from '@/lib/platform/business-day';
import { idParam } from '@/lib/platform/validation';
import { listTables } from '@/lib/restaurant';
import { businessDayRule } from '@/lib/tenancy';
import { formatDateTime } from '@/lib/platform/format-time';

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

  const [found, staff, tables, rule, shift] = await Promise.all([
    search ? searchOrders(ctx, search) : Promise.resolve(null),
    listStaff(ctx),
    listTables(ctx),
    businessDayRule(ctx),
    search?.shift ? getShift(ctx, search.shift) : Promise.resolve(null),
  ]);
  const today = businessDayOf(new Date(), rule).date;
  const weekAgo = addDays(today, -6);
    const shiftWords = shift && `Shift ${shift.registerName}, opened ${formatDateTime(shift.openedAt, ctx.tenant.timeZone)} by ${staff.find((s) => s.id === shift.openedBy)?.name ?? 'a former staff member'}`;
  const count = found ? (found.total === 1 ? '1 order' : `${found.total.toLocaleString('en')} orders`) : '';

  return (
    <div className="max-w-7xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Orders</h1>
          <p className="text-slate-600">Newest first. Days run in {ctx.tenant.timeZone}. Open an order for its receipt, payments, refunds and timeline.</p>
        </div>
        {search && can(ctx.role, 'reports:read') && (
          <nav aria-label="Download CSV" className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-slate-600">Download CSV:</span>
            <a href={exportHref('orders', search)} download className={buttonClass('secondary')}>
              Orders
            </a>
            <a href={exportHref('lines', search)} download className={buttonClass('secondary')}>
              Order lines
            </a>
            <a href={exportHref('payments', search)} download className={buttonClass('secondary')}>
              Payments
            </a>
          </nav>
        )}
      </header>

      <OrderFilters
        key={JSON.stringify(values)} // a new search (a link, "Clear filters") resets what was typed
        values={values}
        errors={errors}
        staff={staff.map((s) => ({ id: s.id, name: s.active ? s.name : `${s.name} (inactive)` }))}
        tables={tables}
        currency={ctx.tenant.currency}
        today={today}
        weekAgo={weekAgo}
        shift={shiftWords || null}
      />

      {!found ? (
        <Alert tone="error">Some filters are not right; check the highlighted fields.</Alert>
      ) : found.total === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="orders-empty">
          {filtered ? (
            <>
              No orders match these filters.{' '}
              <Link href="/admin/orders" className="font-semibold text-brand-700 underline">
                Show every order
              </Link>
            </>
          ) : (
            'No orders yet. Sales rung up at the register show here.'
          )}
        </div>
      ) : found.data.length === 0 ? (
        <Alert tone="info">
          There are only {count} for these filters.{' '}
          <Link href={ordersHref(values)} className="font-semibold underline">
            Go to the first page
          </Link>
        </Alert>
      ) : (
        <section aria-label="Orders found" className="space-y-3">
          <p className="text-sm text-slate-600" role="status">
            {count}
          </p>
          <OrdersTable
            orders={found.data}
            timeZone={ctx.tenant.timeZone}
            staffNames={Object.fromEntries(staff.map((s) => [s.id, s.name]))}
            tableNames={Object.fromEntries(tables.map((t) => [t.id, t.name]))}
            caption={`${count}, newest first`}
          />
          <Pager page={page} pageSize={ORDERS_PAGE_SIZE} total={found.total} href={(p) => ordersHref(values, { page: p > 1 ? p : undefined })} label="Order pages" />
        </section>
      )}
    </div>
  );
}
