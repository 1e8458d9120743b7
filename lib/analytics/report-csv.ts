import { localDateTime } from '@/lib/platform/calendar';
import { csvStream, type CsvColumn } from '@/lib/platform/csv';
import { minorToDecimal } from '@/lib/platform/money';
import type { Cell, CellKind, ReportTable } from './report-tables';

/**
 * A report table as CSV (lib/platform/csv.ts: RFC 4180, a BOM, formula-like text escaped),
 * streamed a page of rows at a time. The headers are the columns' keys; money is a decimal of
 * the tenant's currency (MMK "2500", USD "4.50"), shares a percentage with two decimals
 * ("12.50"), times the tenant's wall clock, hours "08:00". Numeric columns are written as they
 * are (never escaped: "-4.50" must stay a number); text columns are escaped. The totals line
 * the page shows is left out: a spreadsheet adds up a column itself, and a total among the
 * rows would be counted twice.
 */
const PAGE_ROWS = 500;
const NUMERIC: ReadonlySet<CellKind> = new Set(['money', 'count', 'number', 'percent']);

const hourText = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

function csvCell(cell: Cell, kind: CellKind, currency: string, timeZone: string): string | number | null {
  if (cell === null) return null;
  switch (kind) {
    case 'money':
      return minorToDecimal(Number(cell), currency);
    case 'percent':
      return (Number(cell) / 100).toFixed(2);
    case 'time':
      return localDateTime(new Date(String(cell)), timeZone);
    case 'hour':
      return hourText(Number(cell));
    default:
      return cell;
  }
}

async function* pagesOf<T>(rows: readonly T[]): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < rows.length; i += PAGE_ROWS) yield rows.slice(i, i + PAGE_ROWS);
}

export function tableCsv(table: ReportTable, currency: string, timeZone: string): ReadableStream<Uint8Array> {
  const columns: CsvColumn<Cell[]>[] = table.columns.map((c, i) => ({
    header: c.key,
    numeric: NUMERIC.has(c.kind),
    value: (row) => csvCell(row[i] ?? null, c.kind, currency, timeZone),
  }));
  return csvStream(pagesOf(table.rows), columns);
}
