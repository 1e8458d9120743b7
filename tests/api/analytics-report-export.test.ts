import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as exportRoute from '@/app/api/v1/analytics/reports/[name]/export/route';
import * as reportRoute from '@/app/api/v1/analytics/reports/[name]/route';
import { REPORT_NAMES, type ReportData, type ReportName } from '@/lib/analytics';
import { createProduct } from '@/lib/catalog/service';
import { productInputSchema } from '@/lib/catalog/schemas';
import { dispatchPending } from '@/lib/events';
import { closeShift, createOrder, createOrderSchema, getOrder, openShift, payOrder, refundOrder, voidOrder } from '@/lib/orders';
import { minorToDecimal } from '@/lib/platform/money';
import { apiRequest, contextOf, createTenant, json, readStream, segment, type TestStaff, type TestTenant } from '../helpers';
import { clockAt, setUpShop, type Shop } from '../analytics/fixtures';

/**
 * GET /api/v1/analytics/reports/<name>/export: each report's CSV parses back (papaparse) to the
 * figures its JSON report gives — money as decimals of the tenant's currency, text escaped,
 * numbers not — for a shop with a few sales, a refund, a void and a closed shift. Another
 * business's session on its own host gets none of these rows.
 */
let a: Shop;
let b: TestTenant;
let today: string;
const secrets: string[] = [];
const FORMULA_ITEM = '=SUM(A1)';
const MYANMAR_ITEM = 'လက်ဖက်ရည်'; // milk tea

const usd = (minor: number) => minorToDecimal(minor, 'USD');
const percent = (basisPoints: number) => (basisPoints / 100).toFixed(2);
const rowsOfCsv = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

async function download(t: TestTenant, as: TestStaff | undefined, name: string, query = '', host = t.tenant) {
  return exportRoute.GET(await apiRequest('GET', `/api/v1/analytics/reports/${name}/export${query ? `?${query}` : ''}`, { host, as }), segment({ name }));
}
async function csvOf(t: TestTenant, name: string, query = '') {
  const res = await download(t, t.owner, name, query);
  expect(res.status, `${name}?${query}`).toBe(200);
  return rowsOfCsv((await readStream(res)).text);
}
async function jsonOf<K extends ReportName>(name: K, query = ''): Promise<ReportData[K]> {
  const res = await json(await reportRoute.GET(await apiRequest('GET', `/api/v1/analytics/reports/${name}?${query}`, { host: a.t.tenant, as: a.t.owner }), segment({ name })));
  expect(res.status).toBe(200);
  return res.body.data;
}

// "Today" is the default range: the clock stands at noon (UTC, the shops' zone), so every sale,
// refund and void lands on the day the reports read, whenever the suite runs.
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt('2026-03-14T12:00:00Z');
});
afterAll(() => {
  vi.useRealTimers();
});

beforeAll(async () => {
  a = await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true });
  b = await createTenant();
  const product = async (name: string, price: number) =>
    (await createProduct(contextOf(a.t), productInputSchema.parse({ name, trackStock: false, variants: [{ sku: `${price}-${a.t.tenant.slug}`, price }] }))).variants[0]!.id;
  const [formula, myanmar] = [await product(FORMULA_ITEM, 250), await product(MYANMAR_ITEM, 300)];

  const shift = await openShift(a.cashier, { registerName: 'Front till', openingFloat: 5000 });
  const sale = await createOrder(
    a.cashier,
    createOrderSchema.parse({
      type: 'takeaway',
      lines: [
        { variantId: a.tea.variantId, quantity: 2 },
        { variantId: a.cake.variantId, quantity: 1 },
        { variantId: formula, quantity: 1 },
        { variantId: myanmar, quantity: 3 },
      ],
    }),
  );
  await payOrder(a.cashier, sale, { tender: 'cash', tendered: 5000 }, shift.id);
  const second = await createOrder(a.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: myanmar, quantity: 1, discount: { kind: 'percent', basisPoints: 1000 } }] }));
  await payOrder(a.cashier, second, { tender: 'cash', tendered: 300 }, shift.id);
  const tea = (await getOrder({ tenantId: a.t.tenant.id }, sale)).lines.find((l) => l.variantId === a.tea.variantId)!;
  const refund = await refundOrder(a.manager, sale, { reason: 'Too sweet', restock: false, lines: [{ lineId: tea.id, quantity: 1 }], approval: null });
  const voided = await createOrder(a.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: a.cake.variantId, quantity: 1 }] }));
  await voidOrder(a.manager, voided, { reason: 'Customer left', approval: null });
  await closeShift(a.cashier, shift.id, 6000);
  await dispatchPending();
  today = (await jsonOf('sales-summary')).from;
  expect(today).toBe('2026-03-14'); // the default range is the pinned clock's business day
  secrets.push(sale, second, voided, refund.refundId, shift.id, a.location, a.t.cashier.id, a.t.manager.id, 'Too sweet', 'Customer left', 'Front till', 'Tea', 'SUM(A1)', MYANMAR_ITEM);
}, 120_000);

/**
 * What each report's main CSV must hold, written from its JSON independently of the tables module:
 * the rows in order, with the columns named here (a CSV has more).
 */
const EXPECTED: { [K in ReportName]: (data: ReportData[K]) => Record<string, string>[] } = {
  'sales-summary': (s) =>
    (['value', 'previous', 'change'] as const).map((w, i) => ({
      period: ['This period', 'A week earlier', 'Change'][i]!,
      gross: usd(s.gross[w]),
      discounts: usd(s.discounts[w]),
      refunds: usd(s.refunds[w]),
      net: usd(s.net[w]),
      tax: usd(s.tax[w]),
      orders: String(s.orders[w]),
      average_ticket: usd(s.averageTicket[w]),
      items: String(s.items[w]),
      covers: String(s.covers[w]),
      voids: String(s.voids[w]),
    })),
  'sales-by-hour': (rows) => rows.map((r) => ({ hour: `${String(r.hour).padStart(2, '0')}:00`, orders: String(r.orders), gross: usd(r.gross), refunds: usd(r.refunds), net: usd(r.net), tax: usd(r.tax) })),
  'sales-by-day': (rows) => rows.map((r) => ({ date: r.date, orders: String(r.orders), net: usd(r.net), refunds: usd(r.refunds), average_ticket: usd(r.averageTicket), voids: String(r.voids), void_amount: usd(r.voidAmount) })),
  'tender-mix': (rows) => rows.map((r) => ({ tender: r.tender === 'cash' ? 'Cash' : r.tender, payments: String(r.payments), taken: usd(r.taken), refunded: usd(r.refunded), net: usd(r.net), share_percent: percent(r.shareBasisPoints) })),
  'top-products': (rows) =>
    rows.map((r) => ({ item: r.productName.startsWith('=') ? `'${r.productName}` : r.productName, sold: String(r.sold), quantity: String(r.quantity), discounts: usd(r.discounts), refunds: usd(r.refunds), net: usd(r.net), tax: usd(r.tax) })),
  'top-categories': (rows) => rows.map((r) => ({ category: r.name ?? 'No category', sold: String(r.sold), net: usd(r.net), tax: usd(r.tax) })),
  'sales-by-staff': (rows) => rows.map((r) => ({ staff: r.name!, orders: String(r.orders), sales: usd(r.sales), refund_count: String(r.refundCount), refunds: usd(r.refunds), voids: String(r.voids) })),
  'refunds-and-voids': (d) =>
    d.refunds.entries.map((r) => ({ order_number: String(r.orderNumber), amount: usd(r.amount), items: String(r.items), reason: r.reason, refunded_by: d.staffNames[r.refundedBy]!, approved_by: '', sold_by: d.staffNames[r.sellerId]! })),
  discounts: (d) => d.byDay.map((r) => ({ date: r.date, orders: String(r.orders), discounted_orders: String(r.discountedOrders), discounts: usd(r.discounts) })),
  taxes: (d) => d.rates.map((r) => ({ rate_percent: percent(r.rateBasisPoints), taxable: usd(r.taxable), tax: usd(r.tax), refund_tax: usd(r.refundTax), net_taxable: usd(r.netTaxable), net_tax: usd(r.netTax) })),
  'drawer-over-short': (d) =>
    d.shifts.map((s) => ({ register: s.registerName, opened_by: d.staffNames[s.openedBy]!, opening_float: usd(s.openingFloat), expected_cash: usd(s.expectedCash), counted_cash: usd(s.countedCash), difference: usd(s.difference) })),
};

describe('GET /api/v1/analytics/reports/<name>/export', () => {
  it.each(REPORT_NAMES)('the %s CSV parses back to the figures of the JSON report', async (name) => {
    const data = await jsonOf(name, name.startsWith('top-') ? 'limit=100' : '');
    const expected = (EXPECTED[name] as (d: unknown) => Record<string, string>[])(data);
    expect(expected.length, 'the shop has figures for this report').toBeGreaterThan(0);
    expect(await csvOf(a.t, name)).toMatchObject(expected);
  });

  it('has the figures the shop made: every item, the refund, the void, the short drawer', async () => {
    const items = await csvOf(a.t, 'top-products');
    expect(items.map((r) => [r.item, r.sold, r.net])).toEqual([
      [MYANMAR_ITEM, '4', '11.70'], // 4 × 3.00 less 10 % off one
      ['Tea', '2', '4.00'], // two sold, one refunded
      [`'${FORMULA_ITEM}`, '1', '2.50'],
      ['Cake', '1', '1.00'],
    ]);
    const voids = await csvOf(a.t, 'refunds-and-voids', 'sheet=voids');
    expect(voids).toMatchObject([{ amount: '1.00', items: '1', reason: 'Customer left', voided_by: 'Mo Manager', sold_by: 'Cas Cashier' }]);
    const reasons = await csvOf(a.t, 'refunds-and-voids', 'sheet=reasons');
    expect(reasons).toEqual([
      { kind: 'Refund', reason: 'Too sweet', count: '1', amount: '4.00' },
      { kind: 'Void', reason: 'Customer left', count: '1', amount: '1.00' },
    ]);
    const [drawer] = await csvOf(a.t, 'drawer-over-short');
    // 50.00 float + 20.50 + 2.70 taken = 73.20 expected (the refund was not given from this drawer); 60.00 counted.
    expect(drawer).toMatchObject({ register: 'Front till', expected_cash: '73.20', counted_cash: '60.00', difference: '-13.20', closed_by: 'Cas Cashier' });
    expect(drawer!.closed_at).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`)); // the store's wall clock
  });

  it('escapes formula-like text, keeps Myanmar text, and never escapes numbers', async () => {
    const res = await download(a.t, a.t.owner, 'top-products', 'by=quantity');
    const { text } = await readStream(res);
    expect(text.startsWith('\uFEFFitem,sold,refunded_quantity,quantity,gross,discounts,service_charge,refunds,net,tax,cost_of_goods,gross_profit,margin_percent,uncosted_items,uncosted_sales\r\n')).toBe(true);
    expect(text).toContain(`"'=SUM(A1)",1,0,1,2.50,0.00,0.00,0.00,2.50,0.00,0.00,0.00,,1,2.50\r\n`); // quoted text; numbers bare; no cost: no margin
    expect(text).toContain(`${MYANMAR_ITEM},4,0,4,12.00,0.30,0.00,0.00,11.70,0.00,0.00,0.00,,4,11.70\r\n`);
    expect(rowsOfCsv(text).map((r) => r.item)).toEqual([MYANMAR_ITEM, 'Tea', `'${FORMULA_ITEM}`, 'Cake']); // by units kept, ties by net
    const { text: drawers } = await readStream(await download(a.t, a.t.owner, 'drawer-over-short'));
    expect(drawers).toMatch(/,-13\.20\r\n$/); // a shortage stays a number
  });

  it('streams an attachment named for the business, the report and the range', async () => {
    const res = await download(a.t, a.t.manager, 'sales-by-day', `from=${today}&to=${today}&locationId=${a.location}`);
    expect(res.status).toBe(200);
    expect(res.body).toBeInstanceOf(ReadableStream);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${a.t.tenant.slug}-sales-by-day-${today}-${today}.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { chunks, text } = await readStream(res);
    expect(chunks).toBe(2); // the header line, then the page of rows
    expect(rowsOfCsv(text)).toMatchObject([{ date: today, orders: '2' }]);
    const voids = await download(a.t, a.t.manager, 'refunds-and-voids', 'sheet=voids');
    expect(voids.headers.get('content-disposition')).toBe(`attachment; filename="${a.t.tenant.slug}-refunds-and-voids-voids-${today}-${today}.csv"`);
  });

  it('answers an unknown report 404, a bad range or table 400, with the error shape', async () => {
    const unknown = await json(await download(a.t, a.t.owner, 'salaries'));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } });
    const cases: [string, string, string[]][] = [
      ['sales-summary', 'from=2025-02-30', ['from']],
      ['sales-by-day', 'from=2025-03-02&to=2025-03-01', ['to']],
      ['taxes', 'from=2024-01-01&to=2025-06-30', ['to']],
      ['top-products', 'locationId=main&by=price', ['by', 'locationId']],
      ['refunds-and-voids', 'sheet=salaries', ['sheet']],
    ];
    for (const [name, query, fields] of cases) {
      const { status, body } = await json(await download(a.t, a.t.owner, name, query));
      expect(status, query).toBe(400);
      expect(body.error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
      expect(body.error.details.map((d: { path: string }) => d.path).sort(), query).toEqual(fields);
    }
  });

  it('needs reports:read on this business’s own host: a cashier 403, nobody 401, another business’s session 401', async () => {
    expect((await download(a.t, a.t.cashier, 'sales-summary')).status).toBe(403);
    expect((await download(a.t, undefined, 'sales-summary')).status).toBe(401);
    expect((await download(a.t, b.owner, 'sales-summary')).status).toBe(401);
    expect((await download(b, a.t.owner, 'sales-summary')).status).toBe(401);
  });
});

describe('another business', () => {
  it('exports none of this business’s rows on its own host, for every report and table, even naming its location', async () => {
    for (const name of REPORT_NAMES) {
      for (const query of ['', `locationId=${a.location}`, ...(name === 'refunds-and-voids' ? ['sheet=voids', 'sheet=reasons', 'sheet=people'] : []), ...(name === 'discounts' ? ['sheet=items'] : [])]) {
        const res = await download(b, b.owner, name, query);
        expect(res.status, `${name}?${query}`).toBe(200);
        const { text } = await readStream(res);
        for (const secret of secrets) expect(text, `${name}?${query} leaks ${secret}`).not.toContain(secret);
        // Rows where the report always has some (every hour, every day, the periods): all zero.
        const numbers = rowsOfCsv(text).flatMap((r) => Object.entries(r).filter(([k]) => !['hour', 'date', 'from', 'to', 'period', 'margin_percent'].includes(k)).map(([, v]) => v));
        expect(numbers.every((v) => /^0(\.00)?$/.test(v)), `${name}?${query}`).toBe(true);
        // Nothing sold with a known cost: no margin at all, not a margin of 0 %.
        expect(rowsOfCsv(text).every((r) => (r.margin_percent ?? '') === ''), `${name}?${query}`).toBe(true);
      }
    }
  });
});
