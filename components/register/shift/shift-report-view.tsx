'use client';

import { useId, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFormats } from '@/components/ui/formats';
import { Button } from '@/components/ui/button';
import { printHtml, reportLayout, shiftReportHtml, type ReportRow, type ShiftT } from './report-sections';
import type { ReportData } from './types';

function Row({ row }: { row: ReportRow }) {
  const tone = row.tone === 'short' ? 'text-red-700' : row.tone === 'over' ? 'text-amber-800' : '';
  return (
    <div className={`flex justify-between gap-4 py-1 ${row.strong ? 'font-semibold' : ''} ${tone}`}>
      <dt className="min-w-0 break-words">{row.label}</dt>
      <dd className="shrink-0 tabular-nums">{row.value}</dd>
    </div>
  );
}

/**
 * The X report (shift so far) or Z report (closed shift) on screen, with Print (80 mm) and,
 * for an X report, Refresh. The rows come from reportLayout, the same as the printout.
 */
export function ShiftReportView({
  report,
  currency,
  timeZone,
  businessName,
  onRefresh,
  refreshing = false,
  children,
}: {
  report: ReportData;
  currency: string;
  timeZone: string;
  businessName: string;
  onRefresh?: () => void;
  refreshing?: boolean;
  children?: ReactNode;
}) {
  const headingId = useId();
  const t = useTranslations('shift');
  const words = { t: t as unknown as ShiftT, f: useFormats() };
  const layout = reportLayout(report, currency, timeZone, words);
  const kind = report.closedAt ? 'z' : 'x';
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-5" data-testid={report.closedAt ? 'z-report' : 'x-report'}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold">
            {layout.title}
          </h2>
          <p className="text-sm text-slate-600">
            {layout.meta.map((m) => (m.kind === 'register' ? m.value : t('metaItem', { label: m.label, value: m.value }))).join(' · ')}
          </p>
        </div>
        <div className="flex gap-2">
          {onRefresh && (
            <Button variant="secondary" onClick={onRefresh} disabled={refreshing} aria-label={t('refreshReport', { kind })}>
              {refreshing ? t('refreshing') : t('refresh')}
            </Button>
          )}
          <Button variant="secondary" onClick={() => printHtml(shiftReportHtml(reportLayout(report, currency, timeZone, words), businessName))}>
            {t('print')}<span className="sr-only">{t('printThe', { kind })}</span>
          </Button>
        </div>
      </div>
      <div className="mt-4 grid gap-x-8 gap-y-4 sm:grid-cols-2">
        {layout.sections.map((section) => (
          <div key={section.title}>
            <h3 className="border-b border-slate-200 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{section.title}</h3>
            {section.rows.length === 0 ? (
              <p className="py-1 text-sm text-slate-500">{section.empty}</p>
            ) : (
              <dl className="text-sm">
                {section.rows.map((row, i) => (
                  <Row key={`${row.label}-${i}`} row={row} />
                ))}
              </dl>
            )}
          </div>
        ))}
      </div>
      {children}
    </section>
  );
}
