import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as dashboardRoute from '@/app/api/v1/analytics/dashboard/route';
import * as reportRoute from '@/app/api/v1/analytics/reports/[name]/route';
import { REPORT_NAMES } from '@/lib/analytics';
import { dispatchPending } from '@/lib/events';
import { createOrder, createOrderSchema, getOrder, payOrder, refundOrder, voidOrder } from '@/lib/orders';
import { apiRequest, createTenant, json, noParams, segment, type TestStaff, type TestTenant } from '../helpers';
import { clockAt, setUpShop, type Shop } from '../analytics/fixtures';

let a: Shop;
let b: TestTenant;
const secrets: string[] = [];

const get = async (host: TestTenant, as: TestStaff, path: string) => {
  const req = await apiRequest('GET', path, { host: host.tenant, as });
  const name = /\/reports\/([^?]+)/.exec(path)?.[1];
  return json(name ? await reportRoute.GET(req, segment({ name })) : await dashboardRoute.GET(req, noParams));
};

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
  const sale = await createOrder(a.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: a.tea.variantId, quantity: 2 }, { variantId: a.cake.variantId, quantity: 1 }] }));
  await payOrder(a.cashier, sale, { tender: 'cash', tendered: 5000 });
  const line = (await getOrder({ tenantId: a.t.tenant.id }, sale)).lines[0]!;
  const refund = await refundOrder(a.manager, sale, { reason: 'Too sweet', restock: false, lines: [{ lineId: line.id, quantity: 1 }], approval: null });
  const voided = await createOrder(a.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: a.cake.variantId, quantity: 1 }] }));
  await voidOrder(a.manager, voided, { reason: 'Customer left', approval: null });
  await dispatchPending();
  secrets.push(sale, voided, refund.refundId, a.tea.variantId, a.cake.variantId, a.drinks, a.t.cashier.id, a.t.manager.id, a.location, 'Too sweet', 'Customer left', 'Tea');
});

describe('/api/v1/analytics', () => {
  it("gives the dashboard of today's business day by default", async () => {
    const { status, body } = await get(a.t, a.t.owner, '/api/v1/analytics/dashboard');
    expect(status).toBe(200);
    expect(body).toMatchObject({ currency: 'USD', summary: { orders: { value: 1 }, gross: { value: 900 }, refunds: { value: 400 }, net: { value: 500 } } });
    expect(body.topProducts.byNet.map((p: { productName: string }) => p.productName)).toEqual(['Tea', 'Cake']);
    expect(body.byStaff.map((s: { name: string }) => s.name).sort()).toEqual(['Cas Cashier', 'Mo Manager']);
  });

  it.each(REPORT_NAMES)('answers the %s report', async (name) => {
    const { status, body } = await get(a.t, a.t.manager, `/api/v1/analytics/reports/${name}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ report: name, currency: 'USD' });
  });

  it("shows another tenant's session, on its own host, none of this tenant's figures", async () => {
    for (const path of ['/api/v1/analytics/dashboard', ...REPORT_NAMES.map((n) => `/api/v1/analytics/reports/${n}`)]) {
      const { status, body } = await get(b, b.owner, path); // today, when A sold, refunded and voided
      expect(status, path).toBe(200);
      const text = JSON.stringify(body);
      for (const secret of secrets) expect(text, `${path} leaks ${secret}`).not.toContain(secret);
      // Every figure is zero: no sale of A reaches B's rollups.
      const numbers = [...text.matchAll(/"(?:value|orders|gross|net|taken|refunds|amount|count|quantity|tax|voids)":(-?\d+)/g)].map((m) => Number(m[1]));
      expect(numbers.every((n) => n === 0), path).toBe(true);
    }
  });

  it("refuses a session on another tenant's host, a cashier, and no session", async () => {
    expect((await get(a.t, b.owner, '/api/v1/analytics/dashboard')).status).toBe(401);
    expect((await get(b, a.t.owner, '/api/v1/analytics/reports/sales-summary')).status).toBe(401);
    expect((await get(a.t, a.t.cashier, '/api/v1/analytics/dashboard')).status).toBe(403);
    const anonymous = await dashboardRoute.GET(await apiRequest('GET', '/api/v1/analytics/dashboard', { host: a.t.tenant }), noParams);
    expect(anonymous.status).toBe(401);
  });

  it('answers bad input with 400 and the error shape, naming each field', async () => {
    const cases: [string, string[]][] = [
      ['/api/v1/analytics/dashboard?from=2025-13-01', ['from']],
      ['/api/v1/analytics/dashboard?from=2025-02-30&to=2025-03-01', ['from']],
      ['/api/v1/analytics/dashboard?from=2025-03-02&to=2025-03-01', ['to']],
      ['/api/v1/analytics/dashboard?from=2024-01-01&to=2025-06-30', ['to']],
      ['/api/v1/analytics/dashboard?locationId=main', ['locationId']],
      ['/api/v1/analytics/reports/top-products?limit=0&by=price', ['by', 'limit']],
    ];
    for (const [path, fields] of cases) {
      const { status, body } = await get(a.t, a.t.owner, path);
      expect(status, path).toBe(400);
      expect(body.error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
      expect(body.error.details.map((d: { path: string }) => d.path).sort(), path).toEqual(fields);
    }
    const unknown = await get(a.t, a.t.owner, '/api/v1/analytics/reports/salaries');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
  });

  it('a location of another tenant shows nothing', async () => {
    const { status, body } = await get(b, b.owner, `/api/v1/analytics/dashboard?locationId=${a.location}`);
    expect(status).toBe(200);
    expect(body.summary.orders.value).toBe(0);
  });
});
