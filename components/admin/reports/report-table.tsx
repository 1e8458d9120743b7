import type { Cell, CellKind, ReportFact, ReportTable } from '@/lib/analytics';
import { longDate } from '@/components/admin/range-form';
import { tableScrollClass } from '@/components/ui/table';
import { useTranslations } from 'next-intl';
import type { Formats } from '@/lib/platform/formats';

type Format = { currency: string; timeZone: string; f: Formats };
const NUMERIC: ReadonlySet<CellKind> = new Set(['money', 'count', 'number', 'percent']);

/** A report cell for people: money in the tenant's currency, shares as "12.5 %", times on the store's clock. */
export function formatCell(cell: Cell, kind: CellKind, { currency, timeZone, f }: Format): string {
  if (cell === null || cell === '') return '—';
  switch (kind) {
    case 'money':
      return f.money(Number(cell), currency);
    case 'count':
      return f.number(Number(cell));
    case 'percent': {
      const bp = Number(cell);
      return `${f.number(Number((bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)))} %`;
    }
    case 'date':
      return longDate(f, String(cell));
    case 'time':
      return f.dateTime(String(cell), timeZone);
    case 'hour':
      return `${String(cell).padStart(2, '0')}:00`;
    default:
      return String(cell);
  }
}

const align = (kind: CellKind) => (NUMERIC.has(kind) ? 'text-right tabular-nums' : 'text-left');

/**
 * One table of a report (lib/analytics report-tables.ts: the CSV has the same columns), with its
 * totals line. Scrolls sideways on a narrow screen; on paper it is never clipped (the print CSS
 * lets it wrap, and the header row repeats on each page).
 */
export function ReportTableView({ table, format, caption }: { table: ReportTable; format: Format; caption: string }) {
  const t = useTranslations('admin.reports');
  if (table.rows.length === 0) {
    return (
      <p role="status" className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-slate-600">
        {t('nothingInRange')}
      </p>
    );
  }
  return (
    <div className={`${tableScrollClass} print:overflow-visible print:rounded-none print:border-0`}>
      <table className="w-full text-sm print:text-[10pt]">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase print:bg-transparent">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-semibold print:px-1.5 ${align(c.kind)}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.rows.map((row, i) => (
            <tr key={i} className="break-inside-avoid">
              {row.map((cell, j) => {
                const column = table.columns[j]!;
                const Tag = j === 0 ? 'th' : 'td';
                return (
                  <Tag key={column.key} scope={j === 0 ? 'row' : undefined} className={`px-3 py-2 print:px-1.5 print:py-1 ${j === 0 ? 'font-medium' : ''} ${align(column.kind)} ${cell === null ? 'text-slate-400' : ''}`}>
                    {formatCell(cell, column.kind, format)}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
        {table.totals && (
          <tfoot className="border-t-2 border-slate-300 font-semibold print:table-row-group">
            <tr className="break-inside-avoid">
              {table.columns.map((column, j) => {
                const value = table.totals!.values[j] ?? null;
                if (j === 0)
                  return (
                    <th key={column.key} scope="row" className="px-3 py-2 text-left print:px-1.5">
                      {table.totals!.label}
                    </th>
                  );
                return (
                  <td key={column.key} className={`px-3 py-2 print:px-1.5 ${align(column.kind)}`}>
                    {value === null ? '' : formatCell(value, column.kind, format)}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** A report's headline figures. */
export function ReportFacts({ facts, format }: { facts: ReportFact[]; format: Format }) {
  if (facts.length === 0) return null;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4 print:gap-2">
      {facts.map((f) => (
        <div key={f.key} className="rounded-xl border border-slate-200 bg-white p-4 print:p-2">
          <dt className="text-sm text-slate-600">{f.label}</dt>
          <dd className="mt-1 text-xl font-bold tabular-nums print:text-base" data-figure={f.key}>
            {formatCell(f.value, f.kind, format)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
