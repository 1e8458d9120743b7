import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { dayParam, dayStart, nextDay, statusFilter } from '@/components/register/orders/format';
import { OrderDetail, OrderList, StatusChips } from '@/components/register/orders/order-views';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Pager, pageParam, query } from '@/components/ui/pager';
import { requireStaff } from '@/lib/auth';
import { listLocations } from '@/lib/inventory';
import { businessDate, listOrders, loadOrderDetail, staffNames } from '@/lib/orders';
import { refundOrderAction, voidOrderAction } from '../../register/orders/actions';

export const metadata: Metadata = { title: 'Orders' };

const PAGE_SIZE = 25;

/** Every order of the business, any date: a date range in the store's time zone, a status, 25 a page. */
export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('order:read');
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);

  const filter = statusFilter(one('status'));
  const from = dayParam(one('from'));
  const to = dayParam(one('to'));
  const badRange = Boolean(from && to && from > to);
  const badDate = (one('from') && !from) || (one('to') && !to);
  const page = pageParam(params.page);
  const selectedId = one('order');

  const [orders, names, locations] = await Promise.all([
    badRange
      ? Promise.resolve({ data: [], total: 0 })
      : listOrders(ctx, {
          status: filter.statuses.join(',') || undefined,
          from: from ? dayStart(from, ctx.tenant.timeZone).toISOString() : undefined,
          to: to ? new Date(dayStart(nextDay(to), ctx.tenant.timeZone).getTime() - 1).toISOString() : undefined,
          skip: (page - 1) * PAGE_SIZE,
          limit: PAGE_SIZE,
        }),
    staffNames(ctx),
    listLocations(ctx),
  ]);
  const detail = await loadOrderDetail(ctx, selectedId, names);

  const base = { from, to, status: filter.key === 'all' ? undefined : filter.key };
  const href = (extra: Record<string, string | number | undefined>) => `/admin/orders${query({ ...base, ...extra })}`;
  const pageParamOf = page > 1 ? page : undefined;
  const today = businessDate(ctx.tenant.timeZone);
  const weekAgo = businessDate(ctx.tenant.timeZone, new Date(Date.now() - 6 * 24 * 3600 * 1000));
  const day = (d: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const range = from && to ? (from === to ? `on ${day(from)}` : `from ${day(from)} to ${day(to)}`) : from ? `since ${day(from)}` : to ? `up to ${day(to)}` : '';

  return (
    <div className="max-w-7xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Orders</h1>
        <p className="text-slate-600">
          {range ? `Orders ${range}` : 'Every order'}, newest first (dates in {ctx.tenant.timeZone}). Open one for its receipt, to refund it or to void it.
        </p>
      </header>

      <div className="space-y-3">
        <Form action="/admin/orders" className="flex flex-wrap items-end gap-3" aria-label="Date range">
          {base.status && <input type="hidden" name="status" value={base.status} />}
          <div className="w-44">
            <TextField label="From" name="from" type="date" defaultValue={from ?? ''} max={today} />
          </div>
          <div className="w-44">
            <TextField label="To" name="to" type="date" defaultValue={to ?? ''} max={today} />
          </div>
          <button type="submit" className={buttonClass('secondary')}>
            Show
          </button>
          <Link href={`/admin/orders${query({ status: base.status, from: today, to: today })}`} className={buttonClass('ghost')}>
            Today
          </Link>
          <Link href={`/admin/orders${query({ status: base.status, from: weekAgo, to: today })}`} className={buttonClass('ghost')}>
            Last 7 days
          </Link>
          {(from || to) && (
            <Link href={`/admin/orders${query({ status: base.status })}`} className={buttonClass('ghost')}>
              All dates
            </Link>
          )}
        </Form>
        {badRange && <Alert tone="error">The “From” date is after the “To” date.</Alert>}
        {badDate && <Alert tone="error">A date was not understood and is ignored; pick it from the calendar.</Alert>}
        <StatusChips active={filter.key} href={(key) => `/admin/orders${query({ from, to, status: key === 'all' ? undefined : key })}`} />
      </div>

      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        {!badRange && (
          <section aria-label="Order list" className="space-y-3">
            <p className="text-sm text-slate-600" role="status">
              {orders.total === 1 ? '1 order' : `${orders.total.toLocaleString('en')} orders`}
            </p>
            <OrderList
              orders={orders.data}
              selectedId={detail?.order.id}
              href={(id) => href({ page: pageParamOf, order: id })}
              timeZone={ctx.tenant.timeZone}
              showDate
              staffNames={names}
              locationNames={locations.length > 1 ? Object.fromEntries(locations.map((l) => [l.id, l.name])) : undefined}
              empty={filter.key === 'all' ? `No orders ${range || 'yet'}.` : `No orders ${range ? `${range} ` : ''}are “${filter.label.toLowerCase()}”.`}
            />
            <Pager page={page} pageSize={PAGE_SIZE} total={orders.total} href={(p) => href({ page: p > 1 ? p : undefined })} label="Order pages" />
          </section>
        )}
        {(selectedId || detail) && (
          <section aria-label="Order detail" className="order-first 2xl:order-none">
            {detail ? (
              <OrderDetail
                data={detail}
                timeZone={ctx.tenant.timeZone}
                role={ctx.role}
                closeHref={href({ page: pageParamOf })}
                atRegister={false}
                refundOrderAction={refundOrderAction}
                voidOrderAction={voidOrderAction}
              />
            ) : (
              <Alert tone="error">That order was not found.</Alert>
            )}
          </section>
        )}
      </div>
    </div>
  );
}
