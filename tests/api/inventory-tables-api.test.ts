import { beforeAll, describe, expect, it } from 'vitest';
import * as adjustments from '@/app/api/v1/inventory/adjustments/route';
import * as counts from '@/app/api/v1/inventory/counts/route';
import * as ledger from '@/app/api/v1/inventory/ledger/route';
import * as levels from '@/app/api/v1/inventory/levels/route';
import * as locationItem from '@/app/api/v1/inventory/locations/[id]/route';
import * as locations from '@/app/api/v1/inventory/locations/route';
import * as receipts from '@/app/api/v1/inventory/receipts/route';
import * as thresholds from '@/app/api/v1/inventory/thresholds/route';
import * as transfers from '@/app/api/v1/inventory/transfers/route';
import * as tableItem from '@/app/api/v1/restaurant/tables/[id]/route';
import * as tables from '@/app/api/v1/restaurant/tables/route';
import { apiRequest, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestStaff, type TestTenant } from '../helpers';

const call = async (t: TestTenant, as: TestStaff, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  apiRequest(method, path, { host: t.tenant, as, body, headers });

describe('/api/v1/inventory', () => {
  let a: TestTenant;
  let b: TestTenant;
  let locA: string;
  let locB: string;
  let variantA: string;
  let variantB: string;
  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
    [locA, locB] = [await mainLocation(a), await mainLocation(b)];
    variantA = (await createStockedProduct(a)).variants[0]!.id;
    variantB = (await createStockedProduct(b)).variants[0]!.id;
  });

  it('receives, adjusts, counts and lists levels and the ledger', async () => {
    const received = await receipts.POST(await call(a, a.manager, 'POST', '/api/v1/inventory/receipts', { locationId: locA, supplier: 'Dairy', lines: [{ variantId: variantA, quantity: 20 }] }), noParams);
    expect(received.status).toBe(201);
    expect((await received.json()).lines).toEqual([{ variantId: variantA, delta: 20, quantityAfter: 20 }]);
    const adjusted = await adjustments.POST(await call(a, a.manager, 'POST', '/api/v1/inventory/adjustments', { locationId: locA, reason: 'damage', lines: [{ variantId: variantA, delta: -2 }] }), noParams);
    expect(adjusted.status).toBe(201);
    const preview = await counts.POST(await call(a, a.manager, 'POST', '/api/v1/inventory/counts', { locationId: locA, dryRun: true, lines: [{ variantId: variantA, counted: 17 }] }), noParams);
    expect(preview.status).toBe(200);
    expect((await preview.json()).lines).toEqual([{ variantId: variantA, expected: 18, counted: 17, difference: -1 }]);
    await thresholds.PUT(await call(a, a.manager, 'PUT', '/api/v1/inventory/thresholds', { locationId: locA, variantId: variantA, lowStockThreshold: 18 }), noParams);
    const low = await json(await levels.GET(await call(a, a.cashier, 'GET', `/api/v1/inventory/levels?location=${locA}&lowStock=true`), noParams));
    expect(low.body.data).toEqual([expect.objectContaining({ variantId: variantA, quantity: 18, lowStockThreshold: 18, isLow: true, item: expect.objectContaining({ sku: expect.any(String) }) })]);
    const entries = await json(await ledger.GET(await call(a, a.cashier, 'GET', `/api/v1/inventory/ledger?variant=${variantA}`), noParams));
    expect(entries.body.data.map((m: { kind: string; delta: number }) => [m.kind, m.delta])).toEqual([
      ['adjustment', -2],
      ['receipt', 20],
    ]);
  });

  it('answers 422 for bad input and 409 for a transfer that would go below zero', async () => {
    const bad = await json(await adjustments.POST(await call(a, a.owner, 'POST', '/api/v1/inventory/adjustments', { locationId: locA, reason: 'gremlins', lines: [{ variantId: variantA, delta: 0 }] }), noParams));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['lines.0.delta', 'reason']);
    const other = await json(await locations.POST(await call(a, a.owner, 'POST', '/api/v1/inventory/locations', { name: 'Back room' }), noParams));
    expect(other.status).toBe(201);
    const short = await json(await transfers.POST(await call(a, a.owner, 'POST', '/api/v1/inventory/transfers', { fromLocationId: locA, toLocationId: other.body.id, lines: [{ variantId: variantA, quantity: 999 }] }), noParams));
    expect(short.status).toBe(409);
    expect(short.body.error.message).toContain('Not enough stock');
  });

  it('is read-only for cashiers', async () => {
    for (const [route, path] of [
      [receipts, 'receipts'],
      [adjustments, 'adjustments'],
      [counts, 'counts'],
      [transfers, 'transfers'],
      [locations, 'locations'],
    ] as const) {
      const res = await route.POST(await call(a, a.cashier, 'POST', `/api/v1/inventory/${path}`, {}), noParams);
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
  });

  it('keeps tenants apart: locations, items, levels and ledger', async () => {
    const intoB = await receipts.POST(await call(a, a.owner, 'POST', '/api/v1/inventory/receipts', { locationId: locB, lines: [{ variantId: variantA, quantity: 1 }] }), noParams);
    expect(intoB.status).toBe(404);
    const bItem = await receipts.POST(await call(a, a.owner, 'POST', '/api/v1/inventory/receipts', { locationId: locA, lines: [{ variantId: variantB, quantity: 1 }] }), noParams);
    expect(bItem.status).toBe(422);
    expect((await locationItem.GET(await call(a, a.owner, 'GET', `/api/v1/inventory/locations/${locB}`), segment({ id: locB }))).status).toBe(404);
    expect((await locationItem.PUT(await call(a, a.owner, 'PUT', `/api/v1/inventory/locations/${locB}`, { name: 'Mine now' }), segment({ id: locB }))).status).toBe(404);
    expect((await json(await levels.GET(await call(a, a.owner, 'GET', `/api/v1/inventory/levels?location=${locB}`), noParams))).body.total).toBe(0);
    expect((await json(await ledger.GET(await call(a, a.owner, 'GET', `/api/v1/inventory/ledger?variant=${variantB}`), noParams))).body.total).toBe(0);
    expect((await levels.GET(await call(a, a.owner, 'GET', '/api/v1/inventory/levels'), noParams)).status).toBe(200);
    expect((await levels.GET(await apiRequest('GET', '/api/v1/inventory/levels', { host: b.tenant, as: a.owner }), noParams)).status).toBe(401);
  });

  it('replays a receipt sent twice with one Idempotency-Key', async () => {
    const send = async () =>
      receipts.POST(
        await call(a, a.owner, 'POST', '/api/v1/inventory/receipts', { locationId: locA, lines: [{ variantId: variantA, quantity: 5 }] }, { 'idempotency-key': 'delivery-77' }),
        noParams,
      );
    const first = await json(await send());
    const second = await json(await send());
    expect(second).toEqual(first);
    const entries = await json(await ledger.GET(await call(a, a.owner, 'GET', `/api/v1/inventory/ledger?variant=${variantA}`), noParams));
    expect(entries.body.data.filter((m: { referenceId: string }) => m.referenceId === first.body.documentId)).toHaveLength(1);
  });
});

describe('/api/v1/restaurant/tables', () => {
  let a: TestTenant;
  let b: TestTenant;
  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
  });

  it('managers lay out the floor; any staff seats and clears tables', async () => {
    const created = await tables.POST(await call(a, a.manager, 'POST', '/api/v1/restaurant/tables', { name: 'T1', seats: 4, area: 'Patio' }), noParams);
    expect(created.status).toBe(201);
    const table = await created.json();
    expect(created.headers.get('location')).toBe(`/api/v1/restaurant/tables/${table.id}`);
    expect(table).toMatchObject({ name: 'T1', seats: 4, area: 'Patio', status: 'free', covers: 0 });
    expect((await tables.POST(await call(a, a.cashier, 'POST', '/api/v1/restaurant/tables', { name: 'T2', seats: 2 }), noParams)).status).toBe(403);

    const p = segment({ id: table.id });
    const patch = async (as: TestStaff, body: unknown) => json(await tableItem.PATCH(await call(a, as, 'PATCH', `/api/v1/restaurant/tables/${table.id}`, body), p));
    expect(await patch(a.cashier, { status: 'occupied', covers: 3 })).toMatchObject({ status: 200, body: { status: 'occupied', covers: 3 } });
    expect((await patch(a.cashier, { seats: 8 })).status).toBe(403);
    expect((await patch(a.cashier, { status: 'occupied', covers: 0 })).status).toBe(422);
    expect((await tableItem.DELETE(await call(a, a.manager, 'DELETE', `/api/v1/restaurant/tables/${table.id}`), p)).status).toBe(409);
    expect(await patch(a.cashier, { status: 'needs_cleaning' })).toMatchObject({ body: { status: 'needs_cleaning', covers: 0 } });
    expect(await patch(a.cashier, { status: 'free' })).toMatchObject({ body: { status: 'free', covers: 0 } });
    const listed = await json(await tables.GET(await call(a, a.cashier, 'GET', '/api/v1/restaurant/tables?area=Patio'), noParams));
    expect(listed.body.data.map((t: { name: string }) => t.name)).toEqual(['T1']);
    expect((await tables.POST(await call(a, a.manager, 'POST', '/api/v1/restaurant/tables', { name: 'T1', seats: 2 }), noParams)).status).toBe(409);
  });

  it('keeps tenants apart', async () => {
    const table = await (await tables.POST(await call(b, b.owner, 'POST', '/api/v1/restaurant/tables', { name: 'B1', seats: 2 }), noParams)).json();
    const p = segment({ id: table.id });
    expect((await tableItem.PATCH(await call(a, a.owner, 'PATCH', `/api/v1/restaurant/tables/${table.id}`, { status: 'occupied', covers: 2 }), p)).status).toBe(404);
    expect((await tableItem.DELETE(await call(a, a.owner, 'DELETE', `/api/v1/restaurant/tables/${table.id}`), p)).status).toBe(404);
    expect((await json(await tables.GET(await call(a, a.owner, 'GET', '/api/v1/restaurant/tables'), noParams))).body.data.map((t: { id: string }) => t.id)).not.toContain(table.id);
  });
});
