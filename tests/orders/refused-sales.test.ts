import { beforeAll, describe, expect, it } from 'vitest';
import * as resolveRoute from '@/app/api/v1/offline-sales/refused/[id]/resolve/route';
import * as refusedRoute from '@/app/api/v1/offline-sales/refused/route';
import * as orders from '@/app/api/v1/orders/route';
import * as shiftsRoute from '@/app/api/v1/shifts/route';
import { levelsOf, receiveStock } from '@/lib/inventory';
import { countOpenRefusedSales } from '@/lib/orders';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestStaff, type TestTenant } from '../helpers';
import { theAuditRowOf } from '../audit/audit-helpers';

/**
 * "Needs attention" on the server (docs/offline.md): the register reports an offline sale the server
 * refused; managers and owners see it and resolve it (re-rung as a normal sale, or written off with a
 * reason), audited; a cashier can report and list but not resolve; another business sees none of it.
 */
let t: TestTenant;
let other: TestTenant;
let item: string;
let location: string;

const refusedSale = (saleKey = crypto.randomUUID(), extra: Record<string, unknown> = {}) => ({
  saleKey,
  provisional: 'OFF-K3F9-0007',
  device: 'K3F9',
  registerName: 'Front till',
  cashierId: t.cashier.id,
  cashierName: t.cashier.name,
  sale: { type: 'retail', locationId: location, lines: [{ variantId: item, quantity: 2 }], payments: [{ tender: 'cash', tendered: 500 }], placedAt: new Date(Date.now() - 60_000).toISOString(), expectedTotal: 190 },
  total: 190,
  currency: 'USD',
  cashTendered: 500,
  placedAt: new Date(Date.now() - 60_000).toISOString(),
  error: { status: 422, code: 'unprocessable', message: 'The total has changed (prices were updated). Check the order and try again.' },
  ...extra,
});

const report = async (body: unknown, as: TestStaff = t.cashier, host = t.tenant) =>
  json(await refusedRoute.POST(await apiRequest('POST', '/api/v1/offline-sales/refused', { host, as, body, headers: { 'idempotency-key': crypto.randomUUID() } }), noParams));
const list = async (query = '', as: TestStaff = t.manager, host = t.tenant) =>
  json(await refusedRoute.GET(await apiRequest('GET', `/api/v1/offline-sales/refused${query}`, { host, as }), noParams));
const resolve = async (id: string, body: unknown, as: TestStaff = t.manager, host = t.tenant) =>
  json(await resolveRoute.POST(await apiRequest('POST', `/api/v1/offline-sales/refused/${id}/resolve`, { host, as, body, headers: { 'idempotency-key': crypto.randomUUID() } }), segment({ id })));
const openShift = async (registerName: string) =>
  (await json(await shiftsRoute.POST(await apiRequest('POST', '/api/v1/shifts', { host: t.tenant, as: t.manager, body: { registerName, openingFloat: 0 } }), noParams))).body;
const stockLeft = async () => (await levelsOf(contextOf(t), [item])).find((l) => l.locationId === location)!.quantity;

beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
  location = await mainLocation(t);
  await mainLocation(other);
  item = (await createStockedProduct(t)).variants[0]!.id; // 100 each
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: item, quantity: 20 }] });
});

describe('a refused offline sale, reported by the register', () => {
  it('is kept once per sale: the same sale key again answers the same row', async () => {
    const key = crypto.randomUUID();
    const first = await report(refusedSale(key));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      saleKey: key,
      provisional: 'OFF-K3F9-0007',
      device: 'K3F9',
      registerName: 'Front till',
      cashierId: t.cashier.id,
      cashierName: 'Cas Cashier',
      reportedBy: t.cashier.id,
      lines: [{ variantId: item, quantity: 2, item: null }],
      total: 190,
      cashTendered: 500,
      status: 'open',
      error: { status: 422, code: 'unprocessable' },
    });
    const again = await report(refusedSale(key, { provisional: 'OFF-XXXX-9999' }));
    expect([again.status, again.body.id, again.body.provisional]).toEqual([200, first.body.id, 'OFF-K3F9-0007']);
    const listed = (await list(`?keys=${key}`)).body.data;
    expect(listed).toHaveLength(1);
    expect(listed[0].lines).toEqual([{ variantId: item, quantity: 2, item: expect.stringMatching(/^Item SKU-/) }]);
  });

  it('is refused when it is not a refusal (a 5xx is for the register to retry, not a manager)', async () => {
    const res = await report(refusedSale(undefined, { error: { status: 503, code: 'unavailable', message: 'down' } }));
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'error.status' }));
  });

  it('is written off by a manager with a reason, audited, and leaves the open list', async () => {
    const { body: sale } = await report(refusedSale());
    expect((await list()).body.data.map((s: { id: string }) => s.id)).toContain(sale.id);
    const openBefore = await countOpenRefusedSales(contextOf(t));

    expect((await resolve(sale.id, { resolution: 'written_off', reason: '' })).status).toBe(422);
    let answer: Awaited<ReturnType<typeof resolve>> | undefined;
    const row = await theAuditRowOf(t, async () => (answer = await resolve(sale.id, { resolution: 'written_off', reason: 'Customer took it back' })));
    expect(answer!.status).toBe(200);
    expect(answer!.body).toMatchObject({ status: 'written_off', resolvedBy: t.manager.id, resolutionReason: 'Customer took it back', orderId: null });
    expect(row).toMatchObject({
      action: 'offline_sale.written_off',
      actorUserId: t.manager.id,
      entityId: sale.id,
      before: { status: 'open' },
      after: { status: 'written_off' },
      details: expect.objectContaining({ provisional: 'OFF-K3F9-0007', total: 190, reason: 'Customer took it back' }),
    });
    expect(await countOpenRefusedSales(contextOf(t))).toBe(openBefore - 1);
    expect((await list()).body.data.map((s: { id: string }) => s.id)).not.toContain(sale.id);
    const resolved = (await list(`?status=resolved&keys=${sale.saleKey}`)).body.data;
    expect(resolved).toMatchObject([{ id: sale.id, status: 'written_off' }]);

    // Once dealt with, it stays dealt with.
    expect((await resolve(sale.id, { resolution: 'written_off', reason: 'Again' })).status).toBe(409);
  });

  it('is re-rung by an owner as a normal sale now, into the shift given, paid in cash, once however often it is pressed', async () => {
    const { body: sale } = await report(refusedSale());
    const shift = await openShift('Back till');
    const before = await stockLeft();
    let answer: Awaited<ReturnType<typeof resolve>> | undefined;
    const row = await theAuditRowOf(t, async () => (answer = await resolve(sale.id, { resolution: 'rerung', shiftId: shift.id }, t.owner)));
    expect(answer!.status).toBe(200);
    expect(answer!.body).toMatchObject({ status: 'rerung', resolvedBy: t.owner.id, order: { id: expect.any(String) } });
    expect(row).toMatchObject({ action: 'offline_sale.rerung', after: { status: 'rerung' }, details: expect.objectContaining({ orderId: answer!.body.order.id }) });
    expect(await stockLeft()).toBe(before - 2);

    const made = (await json(await orders.GET(await apiRequest('GET', `/api/v1/orders?shift=${shift.id}`, { host: t.tenant, as: t.manager }), noParams))).body.data;
    expect(made).toMatchObject([{ id: answer!.body.order.id, status: 'completed', total: 200, registerName: 'Back till' }]);

    expect((await resolve(sale.id, { resolution: 'rerung', shiftId: shift.id })).status).toBe(409);
    expect(await stockLeft()).toBe(before - 2);
  });

  it('cannot be resolved by a cashier, who may still report and list it', async () => {
    const { body: sale } = await report(refusedSale());
    expect((await list('', t.cashier)).status).toBe(200);
    const res = await resolve(sale.id, { resolution: 'written_off', reason: 'Not mine to decide' }, t.cashier);
    expect(res.status).toBe(403);
    expect((await list(`?keys=${sale.saleKey}`)).body.data).toMatchObject([{ status: 'open' }]);
  });

  it("is another business's to see and resolve: nothing of it across tenants", async () => {
    const key = crypto.randomUUID();
    const { body: sale } = await report(refusedSale(key));
    expect((await list(`?status=all&keys=${key}`, other.manager, other.tenant)).body.data).toEqual([]);
    expect((await list('?status=all', other.owner, other.tenant)).body.data).toEqual([]);
    expect((await resolve(sale.id, { resolution: 'written_off', reason: 'Not ours' }, other.manager, other.tenant)).status).toBe(404);
    // A session of one business on another's host is refused before anything is read.
    expect((await list('', t.manager, other.tenant)).status).toBe(401);
    // The same sale key reported in another business is that business's own row.
    const theirs = await report(refusedSale(key, { cashierId: null }), other.cashier, other.tenant);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(sale.id);
    expect((await list(`?keys=${key}`)).body.data).toMatchObject([{ id: sale.id }]);
  });
});
