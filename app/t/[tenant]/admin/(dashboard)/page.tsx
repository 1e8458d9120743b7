import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { alertText } from '@/components/admin/dashboard/alert-text';
import { SalesByDayChart, SalesByHourChart, StaffChart, TenderMixChart, TopChart } from '@/components/admin/dashboard/charts';
import { HeadlineFigures } from '@/components/admin/dashboard/figures';
import { FirstDayChecklistPanel } from '@/components/admin/dashboard/first-day-checklist';
import { LiveRefresh } from '@/components/admin/dashboard/live-refresh';
import { longDate, RangeForm, rangeLabel } from '@/components/admin/range-form';
import { Alert } from '@/components/ui/alert';
import { firstParam } from '@/components/ui/pager';
import { pageFormats } from '@/components/admin/page-formats';
import type { Formats } from '@/lib/platform/formats';
import { can, requireStaff } from '@/lib/auth';
import { firstDayChecklist } from '@/lib/onboarding';
import { businessDayOf } from '@/lib/platform/business-day';
import { businessDayRule } from '@/lib/tenancy';
import { dashboardData, type DashboardData } from './dashboard-data';
import { dismissChecklistAction, removeSamplesAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('dashboard') };
}


/**
 * The owner's home: the business at a glance for a range of business days (today by default)
 * and a location, each figure against the same days a week earlier, the charts, and what needs
 * attention now. Live: a sale, refund or void anywhere re-renders it (LiveRefresh).
 */
export default async function Dashboard({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('reports:read');
  const params = await searchParams;
  const [t, f] = await Promise.all([getTranslations('admin.dashboard'), pageFormats()]);
  const [data, rule, checklist] = await Promise.all([
    dashboardData(ctx, { from: firstParam(params.from), to: firstParam(params.to), locationId: firstParam(params.location) }),
    businessDayRule(ctx),
    firstDayChecklist(ctx),
  ]);
  const { figures, locations } = data;
  const currency = ctx.tenant.currency;
  const money = (minor: number) => f.money(minor, currency);
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
          <h1 className="text-2xl font-bold">{isToday ? t('today') : rangeLabel(f, figures.from, figures.to)}</h1>
          <p className="text-slate-600">{ctx.tenant.name}</p>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
            {[
              [t('storeAddress'), ctx.tenant.slug],
              [t('currency'), currency],
              [t('timeZone'), ctx.tenant.timeZone],
              [t('dayStartsAt'), figures.dayStartsAt],
            ].map(([term, value]) => (
              <div key={term} className="flex gap-1">
                <dt>{t('term', { term: String(term) })}</dt>
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
        {figures.rangeError && <Alert tone="error">{t('rangeError', { error: figures.rangeError })}</Alert>}
      </RangeForm>

      <AlertsPanel alerts={data.alerts} date={figures.to} isToday={figures.to === today} currency={currency} f={f} />

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="sr-only">
          {t('figures')}
        </h2>
        <HeadlineFigures summary={summary} currency={currency} comparedWith={rangeLabel(f, summary.previous.from, summary.previous.to)} />
        {summary.orders.value === 0 && (
          <p className="mt-3 text-sm text-slate-600">
            {t.rich(isToday ? 'noOrdersToday' : 'noOrdersRange', {
              link: (chunks) => (
                <Link href="/register" className="font-semibold text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </section>

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="charts-heading" className="space-y-4">
          <h2 id="charts-heading" className="text-lg font-semibold">
            {t('sales')}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <SalesByHourChart rows={figures.byHour} currency={currency} />
            <SalesByDayChart rows={figures.byDay} currency={currency} />
            <TenderMixChart rows={figures.tenders} currency={currency} />
            <StaffChart rows={figures.byStaff.map((r) => ({ staffId: r.staffId, name: r.name ?? t('formerStaff'), sales: r.sales, orders: r.orders, tips: r.tips }))} currency={currency} />
            <TopChart
              title={t('topProducts')}
              currency={currency}
              byNet={ranked(figures.topProducts.byNet, (r) => r.variantId, productName)}
              byQuantity={ranked(figures.topProducts.byQuantity, (r) => r.variantId, productName)}
            />
            <TopChart
              title={t('topCategories')}
              currency={currency}
              byNet={ranked(figures.topCategories.byNet, (r) => r.categoryId ?? 'none', (r) => r.name ?? (r.categoryId ? t('deletedCategory') : t('noCategory')))}
              byQuantity={ranked(figures.topCategories.byQuantity, (r) => r.categoryId ?? 'none', (r) => r.name ?? (r.categoryId ? t('deletedCategory') : t('noCategory')))}
            />
          </div>
        </section>

        <aside aria-label={t('rightNow')} className="space-y-4">
          <Panel title={t('cardPayments')}>
            <CardService state={data.cardService.state} openedAt={data.cardService.openedAt} timeZone={ctx.tenant.timeZone} f={f} t={t} />
          </Panel>
          <Panel title={t('openOrders')} href="/register/orders?status=open,placed" linkText={t('seeThem')}>
            {data.openOrders.counts.open + data.openOrders.counts.placed === 0 ? (
              <p className="text-sm text-slate-600">{t('allPaid')}</p>
            ) : (
              <>
                <p className="text-sm">
                  {t.rich('openCounts', { open: data.openOrders.counts.open, placed: data.openOrders.counts.placed, strong: (chunks) => <strong>{chunks}</strong> })}
                </p>
                <ul className="mt-2 divide-y divide-slate-100 text-sm">
                  {data.openOrders.recent.map((o) => (
                    <li key={o.id} className="flex justify-between py-1.5">
                      <Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 underline">
                        #{o.number}
                        {o.customerName ? ` · ${o.customerName}` : ''}
                      </Link>
                      <span className="tabular-nums">{t('due', { amount: money(o.total - o.paidTotal) })}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
          <Panel title={t('tablesOccupied')} href="/floor" linkText={t('floor')}>
            {data.occupiedTables.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noTablesSeated')}</p>
            ) : (
              <>
                <p className="text-sm">
                  {t.rich('seated', { tables: data.occupiedTables.length, covers: data.occupiedTables.reduce((n, table) => n + table.covers, 0), strong: (chunks) => <strong>{chunks}</strong> })}
                </p>
                <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                  {data.occupiedTables.map((table) => (
                    <li key={table.id} className="rounded-md bg-amber-50 px-2 py-1 text-amber-900">
                      {table.name} · {f.number(table.covers)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
          <Panel title={t('lowStock')} href="/admin/stock?view=low" linkText={t('allLowStock')}>
            {data.lowStock.data.length === 0 ? (
              <p className="text-sm text-slate-600">{t('noLowStock')}</p>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {data.lowStock.data.map((l) => (
                  <li key={l.variantId} className="flex justify-between gap-3 py-1.5">
                    <Link href={`/admin/stock/items/${l.variantId}`} className="truncate text-brand-700 underline">
                      {l.item ? productName(l.item) : t('unknownItem')}
                    </Link>
                    <span className={`tabular-nums ${l.quantity <= 0 ? 'font-semibold text-red-700' : 'text-amber-800'}`}>
                      {f.number(l.quantity)}
                      {l.lowStockThreshold !== null ? ` / ${f.number(l.lowStockThreshold)}` : ''}
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
async function AlertsPanel({ alerts, date, isToday, currency, f }: { alerts: DashboardData['alerts']; date: string; isToday: boolean; currency: string; f: Formats }) {
  const [t, words] = await Promise.all([getTranslations('admin.dashboard'), getTranslations('admin.alerts')]);
  const day = longDate(f, date);
  if (alerts.length === 0) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600" data-testid="alerts">
        {isToday ? t('nothingUnusualToday') : t('nothingUnusualOn', { day })}
      </p>
    );
  }
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid="alerts">
      <h2 id="alerts-heading" className="font-semibold text-amber-950">
        {isToday ? t('needsLookToday') : t('needsLookOn', { day })}
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {alerts.map((a) => (
          <li key={`${a.kind}-${a.staffId ?? a.shiftId ?? ''}`} className="flex flex-wrap items-baseline justify-between gap-2">
            <span className={a.severity === 'high' ? 'font-semibold text-red-800' : 'text-amber-950'}>{alertText(a, currency, words, f)}</span>
            <Link href={a.link} className="font-semibold text-brand-700 underline">
              {a.orders?.length === 1 ? t('openOrder') : t('seeOrders')}
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

function CardService({ state, openedAt, timeZone, f, t }: {
  state: 'closed' | 'open' | 'half_open';
  openedAt: string | null;
  timeZone: string;
  f: Formats;
  t: Awaited<ReturnType<typeof getTranslations<'admin.dashboard'>>>;
}) {
  const since = openedAt ? f.dateTime(openedAt, timeZone, 'time') : null;
  if (state === 'closed') return <p className="text-sm text-emerald-800">{t('cardsWorking')}</p>;
  if (state === 'half_open') return <p className="text-sm text-amber-800">{since ? t('cardsRecoveringSince', { since }) : t('cardsRecovering')}</p>;
  return <p className="text-sm font-semibold text-red-700">{since ? t('cardsDownSince', { since }) : t('cardsDown')}</p>;
}
