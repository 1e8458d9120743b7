import type { Metadata } from 'next';
import Link from 'next/link';
import { SalesByDayChart, SalesByHourChart, StaffChart, TenderMixChart, TopChart } from '@/components/admin/dashboard/charts';
import { HeadlineFigures } from '@/components/admin/dashboard/figures';
import { FirstDayChecklistPanel } from '@/components/admin/dashboard/first-day-checklist';
import { LiveRefresh } from '@/components/admin/dashboard/live-refresh';
import { longDate, RangeForm, rangeLabel } from '@/components/admin/range-form';
import { Alert } from '@/components/ui/alert';
import { firstParam } from '@/components/ui/pager';
import { can, requireStaff } from '@/lib/auth';
import { firstDayChecklist } from '@/lib/onboarding';
import { businessDayOf } from '@/lib/platform/business-day';
import { formatMoney } from '@/lib/platform/money';
import { businessDayRule } from '@/lib/tenancy';
import { dashboardData, type DashboardData } from './dashboard-data';
import { formatDateTime } from '@/lib/platform/format-time';
import { dismissChecklistAction, removeSamplesAction } from './actions';

export const metadata: Metadata = { title: 'Dashboard' };


/**
 * The owner's home: the business at a glance for a range of business days (today by default)
 * and a location, each figure against the same days a week earlier, the charts, and what needs
 * attention now. Live: a sale, refund or void anywhere re-renders it (LiveRefresh).
 */
export default async function Dashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('reports:read');
  const params = await searchParams;
  const [data, rule, checklist] = await Promise.all([
    dashboardData(ctx, { from: firstParam(params.from), to: firstParam(params.to), locationId: firstParam(params.location) }),
    businessDayRule(ctx),
    firstDayChecklist(ctx),
  ]);
  const { figures, locations } = data;
  const currency = ctx.tenant.currency;
  const money = (minor: number) => formatMoney(minor, currency);
  const today = businessDayOf(new Date(), rule).date;
  const location = figures.locationId ?? '';
  const { summary } = figures;
  const isToday = figures.from === today && figures.to === today;
  const ranked = <R extends { net: number; quantity: number }>(rows: R[], key: (r: R) => string, name: (r: R) => string) =>
    rows.map((r) => ({ key: key(r), name: name(r), net: r.net, quantity: r.quantity }));
  const productName = (r: { productName: string; variantName: string }) => (r.variantName && r.variantName !== 'Default' ? `${r.productName} (${r.variantName})` : r.productName);

  return (
    <div className="max-w-7xl space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{isToday ? 'Today' : rangeLabel(figures.from, figures.to)}</h1>
          <p className="text-slate-600">{ctx.tenant.name}</p>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
            {[
              ['Store address', ctx.tenant.slug],
              ['Currency', currency],
              ['Time zone', ctx.tenant.timeZone],
              ['Day starts at', figures.dayStartsAt],
            ].map(([term, value]) => (
              <div key={term} className="flex gap-1">
                <dt>{term}:</dt>
                <dd className="font-medium text-slate-700">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        <LiveRefresh />
      </header>

      {checklist && (
        <FirstDayChecklistPanel
          checklist={checklist}
          canDismiss={can(ctx.role, 'settings:write')}
          canRemoveSamples={can(ctx.role, 'catalog:write')}
          dismissAction={dismissChecklistAction}
          removeSamplesAction={removeSamplesAction}
        />
      )}

      <RangeForm path="/admin" from={figures.from} to={figures.to} today={today} location={location} locations={locations}>
        {figures.rangeError && <Alert tone="error">{figures.rangeError} Showing today instead.</Alert>}
      </RangeForm>

      <AlertsPanel alerts={data.alerts} date={figures.to} isToday={figures.to === today} />

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="sr-only">
          Figures
        </h2>
        <HeadlineFigures summary={summary} currency={currency} comparedWith={rangeLabel(summary.previous.from, summary.previous.to)} />
        {summary.orders.value === 0 && (
          <p className="mt-3 text-sm text-slate-600">
            No paid orders {isToday ? 'yet today' : 'in this range'}.{' '}
            <Link href="/register" className="font-semibold text-brand-700 underline">
              Open the register
            </Link>{' '}
            to make a sale; it shows here as soon as it is paid.
          </p>
        )}
      </section>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="charts-heading" className="space-y-4">
          <h2 id="charts-heading" className="text-lg font-semibold">
            Sales
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <SalesByHourChart rows={figures.byHour} currency={currency} />
            <SalesByDayChart rows={figures.byDay} currency={currency} />
            <TenderMixChart rows={figures.tenders} currency={currency} />
            <StaffChart rows={figures.byStaff.map((r) => ({ staffId: r.staffId, name: r.name ?? 'Former staff', sales: r.sales, orders: r.orders, tips: r.tips }))} currency={currency} />
            <TopChart
              title="Top products"
              currency={currency}
              byNet={ranked(figures.topProducts.byNet, (r) => r.variantId, productName)}
              byQuantity={ranked(figures.topProducts.byQuantity, (r) => r.variantId, productName)}
            />
            <TopChart
              title="Top categories"
              currency={currency}
              byNet={ranked(figures.topCategories.byNet, (r) => r.categoryId ?? 'none', (r) => r.name ?? (r.categoryId ? 'Deleted category' : 'No category'))}
              byQuantity={ranked(figures.topCategories.byQuantity, (r) => r.categoryId ?? 'none', (r) => r.name ?? (r.categoryId ? 'Deleted category' : 'No category'))}
            />
          </div>
        </section>

        <aside aria-label="Right now" className="space-y-4">
          <Panel title="Card payments">
            <CardService state={data.cardService.state} openedAt={data.cardService.openedAt} timeZone={ctx.tenant.timeZone} />
          </Panel>
          <Panel title="Open orders" href="/register/orders?status=open,placed" linkText="See them">
            {data.openOrders.counts.open + data.openOrders.counts.placed === 0 ? (
              <p className="text-sm text-slate-600">Every order is paid or closed.</p>
            ) : (
              <>
                <p className="text-sm">
                  <strong>{data.openOrders.counts.open}</strong> parked or open tabs · <strong>{data.openOrders.counts.placed}</strong> waiting for payment
                </p>
                <ul className="mt-2 divide-y divide-slate-100 text-sm">
                  {data.openOrders.recent.map((o) => (
                    <li key={o.id} className="flex justify-between py-1.5">
                      <Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 underline">
                        #{o.number}
                        {o.customerName ? ` · ${o.customerName}` : ''}
                      </Link>
                      <span className="tabular-nums">{money(o.total - o.paidTotal)} due</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
          <Panel title="Tables occupied" href="/floor" linkText="Floor">
            {data.occupiedTables.length === 0 ? (
              <p className="text-sm text-slate-600">No tables are seated.</p>
            ) : (
              <>
                <p className="text-sm">
                  <strong>{data.occupiedTables.length}</strong> tables · <strong>{data.occupiedTables.reduce((n, t) => n + t.covers, 0)}</strong> covers
                </p>
                <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                  {data.occupiedTables.map((t) => (
                    <li key={t.id} className="rounded-md bg-amber-50 px-2 py-1 text-amber-900">
                      {t.name} · {t.covers}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
          <Panel title="Low stock" href="/admin/stock?view=low" linkText="All low stock">
            {data.lowStock.data.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing is at or below its low-stock level.</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {data.lowStock.data.map((l) => (
                  <li key={l.variantId} className="flex justify-between gap-3 py-1.5">
                    <Link href={`/admin/stock/items/${l.variantId}`} className="truncate text-brand-700 underline">
                      {l.item ? productName(l.item) : 'Unknown item'}
                    </Link>
                    <span className={`tabular-nums ${l.quantity <= 0 ? 'font-semibold text-red-700' : 'text-amber-800'}`}>
                      {l.quantity}
                      {l.lowStockThreshold !== null ? ` / ${l.lowStockThreshold}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </aside>
      </div>
    </div>
  );
}

/** What looks unusual on `date`, each with its figures in words and a link to the orders or shift behind it. */
function AlertsPanel({ alerts, date, isToday }: { alerts: DashboardData['alerts']; date: string; isToday: boolean }) {
  const day = isToday ? 'today' : longDate(date);
  if (alerts.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600" data-testid="alerts">
        Nothing unusual {isToday ? 'so far today' : `on ${day}`}: refunds, voids, drawers and sales are within their usual range.
      </p>
    );
  }
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid="alerts">
      <h2 id="alerts-heading" className="font-semibold text-amber-950">
        Needs a look {isToday ? 'today' : `on ${day}`}
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {alerts.map((a) => (
          <li key={`${a.kind}-${a.staffId ?? a.shiftId ?? ''}`} className="flex flex-wrap items-baseline justify-between gap-2">
            <span className={a.severity === 'high' ? 'font-semibold text-red-800' : 'text-amber-950'}>{a.title}</span>
            <Link href={a.link} className="font-semibold text-brand-700 underline">
              {a.orders?.length === 1 ? 'Open the order' : 'See the orders'}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Panel({ title, href, linkText, children }: { title: string; href?: string; linkText?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="font-semibold">{title}</h2>
        {href && (
          <Link href={href} className="text-sm font-semibold text-brand-700 underline">
            {linkText}
          </Link>
        )}
      </div>
      {children}
    </section>
  );
}

function CardService({ state, openedAt, timeZone }: { state: 'closed' | 'open' | 'half_open'; openedAt: string | null; timeZone: string }) {
  const since = openedAt ? formatDateTime(openedAt, timeZone, 'time') : null;
  if (state === 'closed') return <p className="text-sm text-emerald-800">Working normally.</p>;
  if (state === 'half_open') return <p className="text-sm text-amber-800">Recovering: the next card payment tests the connection{since ? ` (down since ${since})` : ''}.</p>;
  return <p className="text-sm font-semibold text-red-700">Down{since ? ` since ${since}` : ''}: take cash; cards are refused without charging.</p>;
}
