import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvResponse, csvStream, csvText, escapeFormula, unescapeFormula, type CsvColumn } from '@/lib/platform/csv';
import { readStream } from '../helpers';

type Row = { name: string; amount: string };
const columns: CsvColumn<Row>[] = [
  { header: 'name', value: (r) => r.name },
  { header: 'amount', value: (r) => r.amount, numeric: true },
];

const parse = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

async function* pagesOf<T>(pages: T[][]): AsyncGenerator<T[]> {
  for (const page of pages) yield page;
}


describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks so they come back as they were', () => {
    const awkward = ['a, b', 'say "hi"', 'two\nlines', 'cr\r\nlf', ' padded ', 'plain'];
    const text = csvText(awkward.map((name) => ({ name, amount: '1.00' })), columns);
    expect(text.split('\r\n')[0]).toBe('name,amount');
    expect(text).toContain('"say ""hi"""');
    expect(parse(text).slice(1).map((r) => r[0])).toEqual(awkward);
  });

  it('keeps Myanmar text exactly', () => {
    const text = csvText([{ name: 'မင်္ဂလာပါ', amount: '2500' }], columns);
    expect(text).toBe('name,amount\r\nမင်္ဂလာပါ,2500');
    expect(parse(text)[1]).toEqual(['မင်္ဂလာပါ', '2500']);
  });

  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'=already"])('escapes the formula-like text %j with one apostrophe, quoted, and an import takes it off again', (cell) => {
    const text = csvText([{ name: cell, amount: '0' }], columns);
    const [, row] = parse(text);
    expect(row![0]).toBe(`'${cell}`);
    expect(text.split('\r\n')[1]!.startsWith(`"'`)).toBe(true);
    expect(unescapeFormula(row![0]!)).toBe(cell);
  });

  it('leaves text that only contains formula characters alone', () => {
    expect(escapeFormula('a=b')).toBe('a=b');
    expect(escapeFormula("it's")).toBe("it's");
    expect(csvText([{ name: 'A-1 @ 5', amount: '0' }], columns)).toBe('name,amount\r\nA-1 @ 5,0');
  });

  it('writes numbers of numeric columns as numbers (a refund stays -4.50), and escapes anything else found there', () => {
    const text = csvText(
      [
        { name: 'refund', amount: '-4.50' },
        { name: 'odd', amount: '=HYPERLINK("x")' },
      ],
      columns,
    );
    const [, refund, odd] = parse(text);
    expect(refund).toEqual(['refund', '-4.50']);
    expect(odd![1]).toBe(`'=HYPERLINK("x")`);
  });

  it('writes empty cells for null and undefined', () => {
    expect(csvText([{ name: null, amount: undefined } as unknown as Row], columns)).toBe('name,amount\r\n,');
  });
});

describe('csvStream', () => {
  it('streams a byte-order mark and the header first, then one chunk per page', async () => {
    const pages = Array.from({ length: 30 }, (_, p) => Array.from({ length: 100 }, (_, i) => ({ name: `row ${p * 100 + i}`, amount: `${i}.00` })));
    const { chunks, text } = await readStream(csvStream(pagesOf(pages), columns));
    expect(chunks).toBe(31);
    expect(text.startsWith('\uFEFFname,amount\r\n')).toBe(true);
    const rows = Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3000);
    expect(rows[0]).toEqual({ name: 'row 0', amount: '0.00' });
    expect(rows[2999]).toEqual({ name: 'row 2999', amount: '99.00' });
  });

  it('reads a page only when the reader asks for more', async () => {
    let read = 0;
    async function* counted() {
      for (let p = 0; p < 100; p++) {
        read++;
        yield [{ name: `page ${p}`, amount: '1' }];
      }
    }
    const reader = csvStream(counted(), columns).getReader();
    await reader.read(); // the header
    await reader.read(); // the first page
    expect(read).toBeLessThan(5); // pull-based: not the other ~100 pages
    await reader.cancel();
  });

  it('is only the header when there are no rows', async () => {
    expect((await readStream(csvStream(pagesOf<Row>([[], []]), columns))).text).toBe('\uFEFFname,amount\r\n');
  });

  it('errors the stream (a cut-off download) when reading a page fails mid-way', async () => {
    async function* failing() {
      yield [{ name: 'first', amount: '1' }];
      throw new Error('database went away');
    }
    await expect(readStream(csvStream(failing(), columns))).rejects.toThrow('database went away');
  });

  it('answers as an attachment with a safe file name', async () => {
    const res = csvResponse('a,b', 'demo orders/2026"x.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="demo-orders-2026-x.csv"');
  });
});
