import { beforeAll, describe, expect, it } from 'vitest';
import * as ordersRoute from '@/app/api/v1/purchase-orders/route';
import * as orderRoute from '@/app/api/v1/purchase-orders/[id]/route';
import * as cancelRoute from '@/app/api/v1/purchase-orders/[id]/cancel/route';
import * as csvRoute from '@/app/api/v1/purchase-orders/[id]/csv/route';
import * as receiveRoute from '@/app/api/v1/purchase-orders/[id]/receive/route';
import * as sendRoute from '@/app/api/v1/purchase-orders/[id]/send/route';
import * as suppliersRoute from '@/app/api/v1/suppliers/route';
import * as supplierRoute from '@/app/api/v1/suppliers/[id]/route';
import { getProduct } from '@/lib/catalog/service';
import { levelsOf, listLedger, receiveStock } from '@/lib/inventory';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestTenant } from '../helpers';

/**
 * Suppliers and purchase orders over the API: draft → sent → partly received → received, each
 * receiving one stock receipt at the lines' unit costs; refusals by state; another business sees
 * and changes none of it.
 */
describe('suppliers and purchase orders', () => {
  let t: TestTenant;
  let other: TestTenant;
  let location: string;
  let cups: string;
  let lids: string;
  let cupsProduct: string;

  const call = async (handler: (req: never, ctx: never) => Promise<Response>, method: string, path: string, options: { body?: unknown; id?: string; as?: TestTenant['owner']; host?: TestTenant['tenant']; key?: string } = {}) => {
    const req = await apiRequest(method, path, { as: options.as ?? t.manager, host: options.host ?? t.tenant, body: options.body, headers: options.key ? { 'idempotency-key': options.key } : {} });
    const res = await handler(req as never, (options.id ? segment({ id: options.id }) : noParams) as never);
    return res.status === 204 ? { status: 204, body: null } : json(res);
  };

  beforeAll(async () => {
    t = await createTenant();
    other = await createTenant();
    location = await mainLocation(t);
    const c = await createStockedProduct(t, { name: 'Cups' });
    const l = await createStockedProduct(t, { name: 'Lids' });
    [cups, lids, cupsProduct] = [c.variants[0]!.id, l.variants[0]!.id, c.id];
    // 10 cups on hand at 0.20 each.
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: cups, quantity: 10, unitCost: 20 }] });
  });

  it('keeps suppliers: create, read, change, refuse a duplicate name; a cashier cannot add one', async () => {
    const created = await call(suppliersRoute.POST, 'POST', '/api/v1/suppliers', { body: { name: 'Paper Co', contact: 'Ann', email: 'orders@paper.example', phone: '+1 555 0100' }, key: 'sup-1' });
    expect(created).toMatchObject({ status: 201, body: { name: 'Paper Co', contact: 'Ann', email: 'orders@paper.example', note: null } });
    const replay = await call(suppliersRoute.POST, 'POST', '/api/v1/suppliers', { body: { name: 'Paper Co', contact: 'Ann', email: 'orders@paper.example', phone: '+1 555 0100' }, key: 'sup-1' });
    expect(replay.body.id).toBe(created.body.id); // Idempotency-Key: the stored answer
    expect((await call(suppliersRoute.POST, 'POST', '/api/v1/suppliers', { body: { name: 'Paper Co' } })).status).toBe(409);
    expect((await call(suppliersRoute.POST, 'POST', '/api/v1/suppliers', { body: { name: 'X', email: 'not-an-email' } })).status).toBe(422);
    expect((await call(suppliersRoute.POST, 'POST', '/api/v1/suppliers', { body: { name: 'Cash Co' }, as: t.cashier })).status).toBe(403);
    const changed = await call(supplierRoute.PUT, 'PUT', `/api/v1/suppliers/${created.body.id}`, { id: created.body.id, body: { name: 'Paper Company', phone: null } });
    expect(changed.body).toMatchObject({ name: 'Paper Company', contact: null, phone: null });
    expect((await call(suppliersRoute.GET, 'GET', '/api/v1/suppliers')).body.data.map((s: { name: string }) => s.name)).toEqual(['Paper Company']);
  });

  it('drafts, sends and receives an order in parts: stock, ledger and cost follow; the rest stays open', async () => {
    const [supplier] = (await call(suppliersRoute.GET, 'GET', '/api/v1/suppliers')).body.data;
    const created = await call(ordersRoute.POST, 'POST', '/api/v1/purchase-orders', {
      body: { locationId: location, supplierId: supplier.id, lines: [{ variantId: cups, quantity: 30, unitCost: 30 }, { variantId: lids, quantity: 5, unitCost: 10 }] },
      key: 'po-1',
    });
    expect(created).toMatchObject({ status: 201, body: { status: 'draft', supplierName: 'Paper Company', lines: [{ variantId: cups, quantity: 30, unitCost: 30, received: 0, onHand: 10 }, { variantId: lids, received: 0 }] } });
    const id = created.body.id as string;
    // A draft is not received: it was never sent.
    expect((await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: {} })).status).toBe(409);
    expect((await call(sendRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/send`, { id, body: {} })).body).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expect((await call(sendRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/send`, { id, body: {} })).status).toBe(409);

    // 20 of the 30 cups came, at 0.32 now (the invoice changed).
    const first = await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: { lines: [{ variantId: cups, quantity: 20, unitCost: 32 }] }, key: 'po-1-r1' });
    expect(first).toMatchObject({ status: 201, body: { order: { status: 'partially_received', lines: [{ received: 20, unitCost: 32 }, { received: 0 }] } } });
    expect((await levelsOf({ tenantId: t.tenant.id }, [cups, lids], location)).map((l) => [l.variantId, l.quantity]).sort()).toEqual([[cups, 30]].sort());
    const ledger = await listLedger({ tenantId: t.tenant.id }, { variant: cups, skip: 0, limit: 5 });
    expect(ledger.data[0]).toMatchObject({ kind: 'receipt', delta: 20, unitCost: 32, referenceId: first.body.receiptId, reason: 'Paper Company' });
    // (10 × 20 + 20 × 32) / 30 = 28.
    expect((await getProduct({ tenantId: t.tenant.id }, cupsProduct)).variants[0]!.cost).toBe(28);

    // More than is still to come is refused, nothing booked; an item not on the order too.
    const tooMany = await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: { lines: [{ variantId: cups, quantity: 11 }] } });
    expect(tooMany).toMatchObject({ status: 422, body: { error: { details: [{ path: 'lines.0.quantity' }] } } });
    const notOnIt = await createStockedProduct(t);
    expect((await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: { lines: [{ variantId: notOnIt.variants[0]!.id, quantity: 1 }] } })).status).toBe(422);
    // Something arrived: it can no longer be cancelled.
    expect((await call(cancelRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/cancel`, { id, body: {} })).status).toBe(409);

    // The rest: everything still open, at the ordered costs.
    const rest = await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: {} });
    expect(rest.body.order).toMatchObject({ status: 'received', lines: [{ received: 30 }, { received: 5 }] });
    expect((await levelsOf({ tenantId: t.tenant.id }, [cups, lids], location)).map((l) => l.quantity).sort()).toEqual([40, 5].sort());
    expect((await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: {} })).status).toBe(409);
    expect((await call(orderRoute.DELETE, 'DELETE', `/api/v1/purchase-orders/${id}`, { id })).status).toBe(409);
    // The supplier is named by it now, so it stays.
    expect((await call(supplierRoute.DELETE, 'DELETE', `/api/v1/suppliers/${supplier.id}`, { id: supplier.id })).status).toBe(409);

    const csv = await csvRoute.GET((await apiRequest('GET', `/api/v1/purchase-orders/${id}/csv`, { as: t.manager, host: t.tenant })) as never, segment({ id }) as never);
    const text = await csv.text();
    expect(text).toContain('sku,item,quantity,unit_cost,line_total,received');
    expect(text).toContain(',30,0.32,9.60,30');
  });

  it('refuses to receive a cancelled order (409), and deletes it', async () => {
    const created = await call(ordersRoute.POST, 'POST', '/api/v1/purchase-orders', { body: { locationId: location, lines: [{ variantId: lids, quantity: 2 }] } });
    const id = created.body.id as string;
    expect(created.body.lines[0]).toMatchObject({ unitCost: 10 }); // none given: the item's cost now (lids came in at 0.10 above)
    await call(sendRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/send`, { id, body: {} });
    expect((await call(cancelRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/cancel`, { id, body: {} })).body).toMatchObject({ status: 'cancelled' });
    const refused = await call(receiveRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/receive`, { id, body: {} });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await call(sendRoute.POST, 'POST', `/api/v1/purchase-orders/${id}/send`, { id, body: {} })).status).toBe(409);
    expect((await call(orderRoute.DELETE, 'DELETE', `/api/v1/purchase-orders/${id}`, { id })).status).toBe(204);
  });

  it('shows another business none of it and lets it change nothing', async () => {
    const [supplier] = (await call(suppliersRoute.GET, 'GET', '/api/v1/suppliers')).body.data;
    const [order] = (await call(ordersRoute.GET, 'GET', '/api/v1/purchase-orders')).body.data;
    const them = { as: other.owner, host: other.tenant };
    expect((await call(suppliersRoute.GET, 'GET', '/api/v1/suppliers', them)).body.data).toEqual([]);
    expect((await call(ordersRoute.GET, 'GET', '/api/v1/purchase-orders', them)).body.data).toEqual([]);
    expect((await call(supplierRoute.GET, 'GET', `/api/v1/suppliers/${supplier.id}`, { ...them, id: supplier.id })).status).toBe(404);
    expect((await call(supplierRoute.PUT, 'PUT', `/api/v1/suppliers/${supplier.id}`, { ...them, id: supplier.id, body: { name: 'Mine' } })).status).toBe(404);
    expect((await call(supplierRoute.DELETE, 'DELETE', `/api/v1/suppliers/${supplier.id}`, { ...them, id: supplier.id })).status).toBe(404);
    for (const [route, path, body] of [
      [orderRoute.GET, '', undefined],
      [sendRoute.POST, '/send', {}],
      [cancelRoute.POST, '/cancel', {}],
      [receiveRoute.POST, '/receive', {}],
      [orderRoute.DELETE, '', undefined],
    ] as const) {
      const method = route === orderRoute.GET ? 'GET' : route === orderRoute.DELETE ? 'DELETE' : 'POST';
      expect((await call(route, method, `/api/v1/purchase-orders/${order.id}${path}`, { ...them, id: order.id, body })).status, path).toBe(404);
    }
    const csv = await csvRoute.GET((await apiRequest('GET', `/api/v1/purchase-orders/${order.id}/csv`, them)) as never, segment({ id: order.id }) as never);
    expect(csv.status).toBe(404);
    // Their order cannot name our supplier or our location either.
    const theirs = await call(ordersRoute.POST, 'POST', '/api/v1/purchase-orders', { ...them, body: { locationId: location, supplierId: supplier.id, lines: [{ variantId: cups, quantity: 1 }] } });
    expect(theirs.status).toBe(404);
  });
});
