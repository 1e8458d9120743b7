import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HeadlineFigures } from '@/components/admin/dashboard/figures';
import { RangeForm, rangeLabel } from '@/components/admin/range-form';
import { pageFormats } from '@/components/admin/page-formats';
import { PrintButton, PrintedAt } from '@/components/admin/reports/print-button';
import { ReportChart } from '@/components/admin/reports/report-chart';
import { ReportFacts, ReportTableView } from '@/components/admin/reports/report-table';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { firstParam } from '@/components/ui/pager';
import { REPORT_NAMES, reportView, type ReportName, type ReportView, type SalesSummary } from '@/lib/analytics';
import { currentDisplayPreferences, requireStaff } from '@/lib/auth';
import { listLocations } from '@/lib/inventory';
import { businessDayOf } from '@/lib/platform/business-day';
import { AppError } from '@/lib/platform/errors';
import { businessDayRule } from '@/lib/tenancy';
import { BackLink } from '@/components/admin/back-link';

type Params = Record<string, string | string[] | undefined>;
const isReport = (name: string): name is ReportName => (REPORT_NAMES as readonly string[]).includes(name);
const RANKED: ReportName[] = ['top-products', 'top-categories'];

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  const { name } = await params;
  const t = await getTranslations('admin.reports');
  const tt = await getTranslations('admin.titles');
  return { title: isReport(name) ? t(`info.${name}.title`) : tt('report') };
}

/** The report, or what is wrong with the range in the URL (shown instead of figures). */
async function load(...args: Parameters<typeof reportView>): Promise<{ view: ReportView } | { problems: { path: string; message: string }[] }> {
  try {
    return { view: await reportView(...args) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'bad_request') return { problems: (err.details as { path: string; message: string }[] | undefined) ?? [{ path: 'query', message: err.message }] };
    throw err;
  }
}

const exportHref = (name: string, query: Record<string, string | undefined>) =>
  `/api/v1/analytics/reports/${name}/export?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])))}`;

/**
 * One report for a range of business days and a location (URL: from, to, location, and by for the
 * item and category lists): its headline figures, a chart, its tables with totals, a CSV of each
 * table (the same columns, lib/analytics report-tables.ts) and a print view.
 */
export default async function ReportPage({ params, searchParams }: { params: Promise<{ name: string }>; searchParams: Promise<Params> }) {
  const ctx = await requireStaff('reports:read');
  const { name } = await params;
  if (!isReport(name)) notFound();
  const query = await searchParams;
  const [t, tt, f, { locale }] = await Promise.all([getTranslations('admin.reports'), getTranslations('admin.titles'), pageFormats(), currentDisplayPreferences()]);
  const input = { from: firstParam(query.from), to: firstParam(query.to), locationId: firstParam(query.location), by: RANKED.includes(name) ? firstParam(query.by) : undefined };
  const [loaded, rule, locations] = await Promise.all([load(ctx, name, input, locale), businessDayRule(ctx), listLocations(ctx)]);
  const today = businessDayOf(new Date(), rule).date;
  const view = 'view' in loaded ? loaded.view : null;
  const info = { title: t(`info.${name}.title`), question: t(`info.${name}.question`) };
  const by = input.by === 'quantity' ? 'quantity' : 'net';
  const keep: Record<string, string> = RANKED.includes(name) && by === 'quantity' ? { by } : {};
  const location = view?.locationId ?? input.locationId ?? '';
  const locationName = view?.locationId ? (locations.find((l) => l.id === view.locationId)?.name ?? t('oneLocation')) : t('allLocations');
  const format = { currency: ctx.tenant.currency, timeZone: ctx.tenant.timeZone, f };
  const csv = (sheet?: string) => view && exportHref(name, { from: view.from, to: view.to, locationId: view.locationId ?? undefined, ...keep, sheet });

  return (
    <div className="max-w-7xl space-y-6 print:max-w-none print:space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <BackLink href="/admin/reports">{tt('reports')}</BackLink>
          <p className="hidden text-sm font-semibold print:block">{ctx.tenant.name}</p>
          <h1 className="text-2xl font-bold">{info.title}</h1>
          <p className="text-slate-600 print:hidden">{info.question}</p>
          {view && (
            <p className="mt-1 text-sm text-slate-700" data-testid="report-range">
              {rule.dayStartsAt !== '00:00'
                ? t('rangeLineFrom', { range: rangeLabel(f, view.from, view.to, true), location: locationName, timeZone: ctx.tenant.timeZone, startsAt: rule.dayStartsAt })
                : t('rangeLine', { range: rangeLabel(f, view.from, view.to, true), location: locationName, timeZone: ctx.tenant.timeZone })}
            </p>
          )}
          <PrintedAt timeZone={ctx.tenant.timeZone} />
        </div>
        {view && (
          <div className="flex flex-wrap gap-2 print:hidden">
            <a href={csv()!} download className={buttonClass('secondary')}>
              {t('downloadCsv')}
            </a>
            <PrintButton />
          </div>
        )}
      </header>

      <RangeForm path={`/admin/reports/${name}`} from={view?.from ?? input.from ?? today} to={view?.to ?? input.to ?? today} today={today} location={location} locations={locations} keep={keep}>
        {'problems' in loaded && (
          <Alert tone="error">
            <p>{t('badRange')}</p>
            <ul className="mt-1 list-disc pl-5">
              {loaded.problems.map((p) => (
                <li key={p.path + p.message}>
                  {{ from: t('problemFrom'), to: t('problemTo'), locationId: t('problemLocation'), by: t('rankBy') }[p.path] ?? p.path}: {p.message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </RangeForm>

      {view && (
        <>
          {RANKED.includes(name) && (
            <nav aria-label={t('rankBy')} className="flex flex-wrap items-center gap-2 text-sm print:hidden">
              <span className="font-medium text-slate-600">{t('rankByColon')}</span>
              {(['net', 'quantity'] as const).map((b) => (
                <Link
                  key={b}
                  href={`/admin/reports/${name}?${new URLSearchParams({ from: view.from, to: view.to, ...(view.locationId ? { location: view.locationId } : {}), ...(b === 'quantity' ? { by: b } : {}) })}`}
                  aria-current={by === b ? 'true' : undefined}
                  className={buttonClass(by === b ? 'primary' : 'secondary')}
                >
                  {b === 'net' ? t('netSales') : t('unitsKept')}
                </Link>
              ))}
            </nav>
          )}

          {view.report === 'sales-summary' && (
            <HeadlineFigures
              summary={view.data as SalesSummary}
              currency={ctx.tenant.currency}
              comparedWith={rangeLabel(f, view.data.previous.from, view.data.previous.to)}
            />
          )}
          <ReportFacts facts={view.facts} format={format} />

          <div className="print:hidden">
            <ReportChart view={view} by={by} timeZone={ctx.tenant.timeZone} />
          </div>

          {view.tables.map((table, i) => (
            <section key={table.id} aria-labelledby={`table-${table.id}`} className="space-y-2 print:break-inside-auto">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`table-${table.id}`} className="text-lg font-semibold">
                  {table.title}
                </h2>
                {i > 0 && table.rows.length > 0 && (
                  <a href={csv(table.id)!} download className="text-sm font-semibold text-brand-700 underline print:hidden">
                    {t('downloadCsv')}
                    <span className="sr-only">{t('downloadCsvOf', { table: table.title.toLowerCase() })}</span>
                  </a>
                )}
              </div>
              {table.note && <p className="text-sm text-slate-600">{table.note}</p>}
              <ReportTableView table={table} format={format} caption={t('caption', { report: info.title, table: table.title, range: rangeLabel(f, view.from, view.to, true) })} />
            </section>
          ))}
        </>
      )}
    </div>
  );
}
