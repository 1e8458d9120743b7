import { sql } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as orderItem from '@/app/api/v1/orders/[id]/route';
import * as exportRoute from '@/app/api/v1/orders/export/route';
import { receiveStock } from '@/lib/inventory';
import { businessDate, checkout, createOrderSchema, loadOrderDetail, orderTimeline } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { decimalToMinor } from '@/lib/platform/money';
import { seedOrderHistory } from '@/scripts/seed/seed-history';
import { apiRequest, createStockedProduct, createTenant, json, mainLocation, noParams, contextOf, sessionContextOf, readStream, rowsOf, segment, sessionTokenFor, type TestStaff, type TestTenant } from '../helpers';

/**
 * GET /api/v1/orders/export: the order search as CSV (orders, lines, payments), streamed, money
 * as decimals of the tenant's currency; parsed back with papaparse to the figures a direct SQL
 * over the order tables gives. Another business's session sees nothing of this one's.
 */
let shop: TestTenant; // USD, two weeks of seeded history: hundreds of orders, split tenders, refunds, voids
let cafe: TestTenant; // MMK, a few orders rung up here
let other: TestTenant;
const DAYS = 12;
let from: string;
let to: string;

const daysAgo = (n: number) => new Date(Date.parse(`${businessDate('UTC')}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function download(t: TestTenant, as: TestStaff | string | undefined, query: string, host = t.tenant) {
  const res = await exportRoute.GET(await apiRequest('GET', `/api/v1/orders/export?${query}`, { host, as }), noParams);
  return res;
}


const rowsOfCsv = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
const minor = (rows: Record<string, string>[], column: string, currency = 'USD') => rows.reduce((sum, r) => sum + decimalToMinor(r[column]!, currency)!, 0);

/** The figures straight from the order tables, as the owner's own SQL would get them. */
async function direct(t: TestTenant) {
  const [figures] = rowsOf<Record<string, number>>(
    await withTenant(t.tenant.id, (tx) =>
      tx.execute(sql`
        select
          (select count(*)::int from orders where business_date between ${from} and ${to}) as orders,
          (select coalesce(sum(total), 0)::int from orders where business_date between ${from} and ${to}) as total,
          (select count(*)::int from order_lines l join orders o on o.id = l.order_id where o.business_date between ${from} and ${to}) as lines,
          (select coalesce(sum(l.quantity), 0)::int from order_lines l join orders o on o.id = l.order_id where o.business_date between ${from} and ${to}) as quantity,
          (select coalesce(sum(l.total), 0)::int from order_lines l join orders o on o.id = l.order_id where o.business_date between ${from} and ${to}) as line_total,
          (select coalesce(sum(paid_total - refunded_total), 0)::int from orders where business_date between ${from} and ${to}) as net_paid,
          (select count(*)::int from orders o where o.business_date between ${from} and ${to}
             and exists (select 1 from payments p where p.order_id = o.id and p.tender = 'card' and p.status = 'captured')) as card_orders`),
    ),
  );
  return figures!;
}

beforeAll(async () => {
  [shop, cafe, other] = await Promise.all([createTenant(), createTenant({ currency: 'MMK', timeZone: 'Asia/Yangon' }), createTenant()]);
  await Promise.all([mainLocation(shop), mainLocation(other)]);
  await createStockedProduct(shop, { name: 'Hammer', variants: 2 });
  await createStockedProduct(shop, { name: 'Nails' });
  const history = await seedOrderHistory(shop.tenant.id, { days: DAYS, seed: 3, profile: 'shop', timeZone: 'UTC', currency: 'USD', staff: [shop.owner, shop.manager, shop.cashier], ordersPerDay: { min: 50, max: 60 } });
  expect(history.orders).toBeGreaterThan(500); // more than one export page
  from = daysAgo(DAYS);
  to = daysAgo(1);

  const location = await mainLocation(cafe);
  const tea = (await createStockedProduct(cafe, { name: 'လက်ဖက်ရည်' })).variants[0]!.id; // milk tea, 100 MMK
  await receiveStock(contextOf(cafe), { locationId: location, supplier: null, note: null, lines: [{ variantId: tea, quantity: 100 }] });
  const ctx = await sessionContextOf(cafe, cafe.manager);
  for (const customerName of ['မင်္ဂလာပါ', '=HYPERLINK("http://evil.test","click")', 'Ko Aung, table by the door']) {
    await checkout(ctx, createOrderSchema.parse({ type: 'takeaway', customerName, lines: [{ variantId: tea, quantity: 25 }], payments: [{ tender: 'cash', tendered: 5000 }] }));
  }
}, 180_000);

describe('GET /api/v1/orders/export', () => {
  it('streams the orders of a range as an attachment, in several chunks, with the figures of a direct SQL', async () => {
    const res = await download(shop, shop.manager, `kind=orders&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${shop.tenant.slug}-orders-${from}-to-${to}.csv"`);
    const { chunks, text } = await readStream(res);
    expect(chunks).toBeGreaterThan(2); // the header, then a chunk per page of 500 orders
    const rows = rowsOfCsv(text);
    const figures = await direct(shop);
    expect(rows).toHaveLength(figures.orders!);
    expect(minor(rows, 'total')).toBe(figures.total);
    expect(minor(rows, 'paid') - minor(rows, 'refunded')).toBe(figures.net_paid);
    expect(rows.filter((r) => r.tenders!.split('|').includes('card'))).toHaveLength(figures.card_orders!);
    expect(new Set(rows.map((r) => r.order_id)).size).toBe(rows.length); // each order once
    expect(rows.every((r) => r.business_date! >= from && r.business_date! <= to)).toBe(true);
    expect(rows.map((r) => r.order_time)).toEqual(rows.map((r) => r.order_time).sort()); // oldest first
    expect(rows[0]).toMatchObject({ currency: 'USD', staff: expect.stringMatching(/Olive Owner|Mo Manager|Cas Cashier/), total: expect.stringMatching(/^\d+\.\d{2}$/) });
  });

  it('exports the lines and the payments of the same orders, adding up to the same money', async () => {
    const figures = await direct(shop);
    const lines = rowsOfCsv((await readStream(await download(shop, shop.owner, `kind=lines&from=${from}&to=${to}`))).text);
    expect(lines).toHaveLength(figures.lines!);
    expect(lines.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(figures.quantity);
    expect(minor(lines, 'total')).toBe(figures.line_total);

    const money = rowsOfCsv((await readStream(await download(shop, shop.owner, `kind=payments&from=${from}&to=${to}`))).text);
    const settled = money.filter((r) => (r.kind === 'payment' && r.status === 'captured') || (r.kind === 'refund' && r.status === 'succeeded'));
    expect(minor(settled, 'amount')).toBe(figures.net_paid);
    expect(money.some((r) => r.kind === 'refund' && r.amount!.startsWith('-'))).toBe(true); // money back is negative, not escaped
    expect(money.filter((r) => r.kind === 'payment' && r.tender === 'card').every((r) => r.cash_tendered === '')).toBe(true);
  });

  it('applies the search’s filters: one tender, one person', async () => {
    const figures = await direct(shop);
    const card = rowsOfCsv((await readStream(await download(shop, shop.manager, `kind=orders&from=${from}&to=${to}&tender=card`))).text);
    expect(card).toHaveLength(figures.card_orders!);
    const cashier = rowsOfCsv((await readStream(await download(shop, shop.manager, `kind=orders&from=${from}&to=${to}&staff=${shop.cashier.id}`))).text);
    expect(cashier.length).toBeGreaterThan(0);
    expect(cashier.every((r) => r.staff === 'Cas Cashier')).toBe(true);
  });

  it('writes MMK without decimals, keeps Myanmar text, and escapes formula-like cells', async () => {
    const { text } = await readStream(await download(cafe, cafe.owner, 'kind=orders'));
    const rows = rowsOfCsv(text);
    expect(rows.map((r) => r.total)).toEqual(['2500', '2500', '2500']);
    expect(rows.map((r) => r.customer)).toEqual(['မင်္ဂလာပါ', `'=HYPERLINK("http://evil.test","click")`, 'Ko Aung, table by the door']);
    const lines = rowsOfCsv((await readStream(await download(cafe, cafe.owner, 'kind=lines'))).text);
    expect(lines.map((r) => [r.item, r.unit_price, r.quantity])).toEqual(Array(3).fill(['လက်ဖက်ရည် (V0)', '100', '25']));
  });

  it('refuses bad input before streaming anything (422, the error shape)', async () => {
    const missing = await json(await download(shop, shop.manager, `from=${from}`));
    expect(missing).toMatchObject({ status: 422, body: { error: { code: 'unprocessable', details: [{ path: 'kind' }] } } });
    const backwards = await json(await download(shop, shop.manager, `kind=orders&from=${to}&to=${from}`));
    expect(backwards).toMatchObject({ status: 422, body: { error: { details: [{ path: 'to' }] } } });
    expect((await download(shop, shop.manager, 'kind=orders&tender=cheque')).status).toBe(422);
  });

  it('needs reports:read: a cashier gets 403, nobody signed in 401', async () => {
    expect((await download(shop, shop.cashier, 'kind=orders')).status).toBe(403);
    expect((await download(shop, undefined, 'kind=orders')).status).toBe(401);
  });
});

describe('another business', () => {
  it('exports none of this business’s orders on its own host, whatever it filters by', async () => {
    for (const kind of ['orders', 'lines', 'payments']) {
      const res = await download(other, other.manager, `kind=${kind}&staff=${shop.cashier.id}`);
      expect(res.status).toBe(200);
      const { text } = await readStream(res);
      expect(rowsOfCsv(text)).toEqual([]);
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(1); // the header only
    }
  });

  it('cannot use its session on this business’s host', async () => {
    const res = await download(shop, await sessionTokenFor(other.manager), 'kind=orders', shop.tenant);
    expect(res.status).toBe(401);
  });

  it('gets a 404 for this business’s order id on its own host (API and order page)', async () => {
    const [order] = rowsOf<{ id: string }>(await withTenant(shop.tenant.id, (tx) => tx.execute(sql`select id from orders limit 1`)));
    const res = await orderItem.GET(await apiRequest('GET', `/api/v1/orders/${order!.id}`, { host: other.tenant, as: other.manager }), segment({ id: order!.id }));
    expect(res.status).toBe(404);
    // The order page renders notFound() when its detail is null.
    expect(await loadOrderDetail({ tenantId: shop.tenant.id }, order!.id)).not.toBeNull();
    expect(await loadOrderDetail({ tenantId: other.tenant.id }, order!.id)).toBeNull();
    expect(await orderTimeline(await sessionContextOf(other, other.manager), order!.id)).toEqual([]);
  });
});
