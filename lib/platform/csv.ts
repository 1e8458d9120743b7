import Papa from 'papaparse';
import { reportError } from './errors';

/**
 * CSV the one way: quoting by papaparse (RFC 4180: CRLF lines, quotes doubled, a cell with a
 * comma, quote or line break quoted), formula-like text escaped here, big exports streamed.
 *
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is written
 * with one `'` in front and quoted, which makes it text (OWASP's advice for CSV injection).
 * Apostrophes already in front count too, so an import can take exactly one off again: a value
 * that really begins with `'=` comes back as it was. Numbers this code formatted itself (money
 * as decimals, counts) are columns marked `numeric` and are never escaped: "-4.50" must stay a
 * number a spreadsheet can add up.
 */
export const FORMULA = /^'*[=+\-@\t\r]/;
export const escapeFormula = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);
export const unescapeFormula = (cell: string) => (cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);
const escaped = (cell: unknown) => typeof cell === 'string' && cell.startsWith("'") && FORMULA.test(cell.slice(1));
const NUMBER = /^-?\d+(\.\d+)?$/;

export type CsvValue = string | number | boolean | null | undefined;
export type CsvColumn<T> = {
  header: string;
  value: (row: T) => CsvValue;
  /** The value is a number (a decimal or a count): written as it is, never formula-escaped. */
  numeric?: boolean;
};

function cell(value: CsvValue, numeric: boolean | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return numeric && NUMBER.test(text) ? text : escapeFormula(text);
}

/** CSV text for `rows`, with the header line first when `header` (no line break at the end). */
export function csvText<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], header = true): string {
  const cells = rows.map((row) => columns.map((c) => cell(c.value(row), c.numeric)));
  return Papa.unparse(header ? [columns.map((c) => c.header), ...cells] : cells, { quotes: (value: unknown) => escaped(value), escapeFormulae: false, newline: '\r\n' });
}

/**
 * A CSV file as a byte stream: a UTF-8 byte-order mark (so spreadsheets read Myanmar and other
 * non-Latin text right; papaparse strips it), the header line at once, then one chunk per page
 * of `pages`, each read only when the reader wants more (pull), so memory holds one page however
 * long the file. A failure mid-way is logged once and errors the stream: the download is cut off
 * and the browser reports it failed, rather than ending as a file that looks complete.
 */
export function csvStream<T>(pages: AsyncIterable<readonly T[]>, columns: readonly CsvColumn<T>[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvText([], columns)}\r\n`));
    },
    async pull(controller) {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) return controller.close();
          if (next.value.length === 0) continue;
          return controller.enqueue(encoder.encode(`${csvText(next.value, columns, false)}\r\n`));
        }
      } catch (err) {
        reportError(err);
        controller.error(err);
      }
    },
    async cancel() {
      await iterator.return?.(); // the client went away: let the source close its cursor
    },
  });
}

/** A CSV download: `attachment` with a plain ASCII file name. */
export function csvResponse(body: ReadableStream<Uint8Array> | string, filename: string): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '-');
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${safe}"`, 'cache-control': 'no-store' },
  });
}
