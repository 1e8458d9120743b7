import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Form from 'next/form';
import Link from 'next/link';
import { IdleLock } from '@/components/register/idle-lock';
import { HeaderLink, StaffHeader } from '@/components/register/staff-header';
import { SwitchStaff } from '@/components/register/switch-staff';
import { STATUS_FILTER_KEY, STATUS_FILTERS, statusFilter, type OrderStatus, type StatusFilterKey } from '@/components/register/orders/format';
import { OrderDetail, OrderList, StatusChips } from '@/components/register/orders/order-views';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { Pager, pageParam, query } from '@/components/ui/pager';
import { staffToSwitchTo, requireStaff, can } from '@/lib/auth';
import { defaultLocation } from '@/lib/inventory';
import { countOrdersByStatus, listOrders, listRefusedSales, loadOrderDetail, registerTips, staffNames } from '@/lib/orders';
import { NeedsAttention } from '@/components/register/orders/needs-attention';
import { businessDayOf, businessDayRange } from '@/lib/platform/business-day';
import { businessDayRule, getTenantSettings } from '@/lib/tenancy';
import { refundOrderAction, reringRefusedSaleAction, voidOrderAction, writeOffRefusedSaleAction } from './actions';
import { formatDateTime } from '@/lib/platform/format-time';
import { setLanguageAction } from '../../language/actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('orders') };
}

const PAGE_SIZE = 20;

/**
 * Today's orders at this location (the tenant's business day, newest first): filter by
 * status, find by number, open one for its receipt, a refund or a void.
 */
export default async function RegisterOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('order:read');
  const tn = await getTranslations('nav');
  const t = await getTranslations('orders');
  const params = await searchParams;
  const one = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);

  const filter = statusFilter(one('status'));
  const q = one('q')?.trim().replace(/^#/, '').slice(0, 10) || undefined;
  const number = q && /^\d+$/.test(q) ? Number(q) : undefined;
  const page = pageParam(params.page);
  const selectedId = one('order');

  const rule = await businessDayRule(ctx);
  const today = businessDayOf(new Date(), rule).date;
  const location = await defaultLocation(ctx);
  const todays = { from: businessDayRange(today, today, rule).from.toISOString(), location: location?.id, number };
  const [matching, byStatus, names, pinStaff, settings, refused] = await Promise.all([
    listOrders(ctx, { ...todays, status: filter.statuses.join(',') || undefined, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    countOrdersByStatus(ctx, todays),
    staffNames(ctx),
    staffToSwitchTo(ctx, null),
    getTenantSettings(ctx),
    listRefusedSales(ctx, { status: 'open', limit: 200 }),
  ]);
  const switchable = pinStaff.filter((s) => s.id !== ctx.userId);
  const detail = await loadOrderDetail(ctx, selectedId, names);

  const total = (statuses: readonly OrderStatus[]) => statuses.reduce((sum, status) => sum + (byStatus[status] ?? 0), 0);
  const counts = Object.fromEntries(
    STATUS_FILTERS.map((f) => [f.key, f.key === 'all' ? total(Object.keys(byStatus) as OrderStatus[]) : total(f.statuses)]),
  ) as Record<StatusFilterKey, number>;

  const base = { status: filter.key === 'all' ? undefined : filter.key, q };
  const href = (extra: Record<string, string | number | undefined>) => `/register/orders${query({ ...base, ...extra })}`;
  const dayLabel = formatDateTime(new Date(), ctx.tenant.timeZone, 'weekdayDate');

  const empty =
    q !== undefined
      ? number === undefined
        ? t('searchByNumber')
        : filter.key === 'all'
          ? t('noOrderNumber', { number })
          : t('noOrderNumberIn', { number, filter: t(STATUS_FILTER_KEY[filter.key]) })
      : filter.key === 'all'
        ? t('noOrdersYet')
        : t('noOrdersAre', { filter: t(STATUS_FILTER_KEY[filter.key]).toLowerCase() });

  return (
    <div className="flex min-h-dvh flex-col lg:h-dvh">
      <StaffHeader title={tn('orders')} languageAction={setLanguageAction} tenantName={ctx.tenant.name} timeZone={ctx.tenant.timeZone} user={ctx}>
        <SwitchStaff staff={switchable} tenantId={ctx.tenantId} signedIn={{ id: ctx.userId, name: ctx.name, role: ctx.role }} />
        {can(ctx.role, 'register:use') && <HeaderLink href="/register">{tn('register')}</HeaderLink>}
        {can(ctx.role, 'shift:operate') && <HeaderLink href="/register/shift">{tn('shift')}</HeaderLink>}
        {can(ctx.role, 'admin:access') && <HeaderLink href="/admin/orders">{tn('allOrders')}</HeaderLink>}
      </StaffHeader>
      <main className="grid flex-1 gap-0 lg:min-h-0 lg:grid-cols-[minmax(0,25rem)_minmax(0,1fr)]">
        <section aria-labelledby="orders-title" className="space-y-4 border-slate-200 px-4 py-5 lg:overflow-y-auto lg:border-r">
          <div>
            <h1 id="orders-title" className="text-2xl font-bold">
              {t('todaysOrders')}
            </h1>
            <p className="text-sm text-slate-600">
              {dayLabel}
              {location && ` · ${location.name}`}
            </p>
          </div>
          {refused.data.length > 0 && (
            <NeedsAttention
              sales={refused.data}
              timeZone={ctx.tenant.timeZone}
              canResolve={can(ctx, 'offline:resolve')}
              writeOffAction={writeOffRefusedSaleAction}
              reringAction={reringRefusedSaleAction}
            />
          )}
          <Form action="/register/orders" className="flex items-end gap-2" role="search" aria-label={t('findAnOrder')}>
            {base.status && <input type="hidden" name="status" value={base.status} />}
            <div className="flex-1 space-y-1">
              <label htmlFor="order-number" className="block text-sm font-medium text-slate-700">
                {t('orderNumber')}
              </label>
              <input id="order-number" name="q" type="search" inputMode="numeric" defaultValue={q ?? ''} placeholder={t('numberExample')} autoComplete="off" className={controlClass} />
            </div>
            <button type="submit" className={buttonClass('secondary')}>
              {t('find')}
            </button>
            {q && (
              <Link href={`/register/orders${query({ status: base.status })}`} className={buttonClass('ghost')}>
                {t('clear')}
              </Link>
            )}
          </Form>
          <StatusChips active={filter.key} counts={counts} href={(key) => `/register/orders${query({ status: key === 'all' ? undefined : key, q })}`} />
          <OrderList
            orders={matching.data}
            selectedId={detail?.order.id}
            href={(id) => href({ page: page > 1 ? page : undefined, order: id })}
            timeZone={ctx.tenant.timeZone}
            showDate={false}
            staffNames={names}
            empty={empty}
          />
          <Pager page={page} pageSize={PAGE_SIZE} total={matching.total} href={(p) => href({ page: p > 1 ? p : undefined })} label={t('orderPages')} />
        </section>
        <section aria-label={t('orderDetail')} className="bg-slate-50 px-4 py-5 lg:overflow-y-auto">
          {selectedId && !detail && <Alert tone="error">{t('notFound')}</Alert>}
          {detail ? (
            <OrderDetail
              data={detail}
              timeZone={ctx.tenant.timeZone}
              role={ctx.role}
              closeHref={href({ page: page > 1 ? page : undefined })}
              atRegister
              tips={registerTips(settings)}
              refundOrderAction={refundOrderAction}
              voidOrderAction={voidOrderAction}
            />
          ) : (
            !selectedId && (
              <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-16 text-center text-slate-600">
                {t('chooseAnOrder')}
              </p>
            )
          )}
        </section>
      </main>
      <IdleLock minutes={settings.idleLockMinutes} staff={pinStaff} signedInId={ctx.userId} />
    </div>
  );
}
