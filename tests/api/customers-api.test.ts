import { beforeAll, describe, expect, it } from 'vitest';
import * as eraseRoute from '@/app/api/v1/customers/[id]/erase/route';
import * as exportRoute from '@/app/api/v1/customers/[id]/export/route';
import * as customerItem from '@/app/api/v1/customers/[id]/route';
import * as customerList from '@/app/api/v1/customers/route';
import * as loyaltyRoute from '@/app/api/v1/loyalty/route';
import * as ordersRoute from '@/app/api/v1/orders/route';
import { apiRequest, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestTenant } from '../helpers';

/**
 * /api/v1/customers and /api/v1/loyalty over HTTP: who may do what (cashiers find, add and attach
 * customers; only the owner exports or erases), and that no endpoint reaches another business's
 * customer — tenant B asking for A's id gets 404, and A's id in B's checkout is refused.
 */
let a: TestTenant;
let b: TestTenant;
let aCustomer: string;
let bCake: string;

const post = (path: string, tenant: TestTenant, as: TestTenant['owner'], body: unknown) => apiRequest('POST', path, { host: tenant.tenant, as, body });
const id = (value: string) => segment({ id: value });

beforeAll(async () => {
  a = await createTenant();
  b = await createTenant();
  await mainLocation(b);
  bCake = (await createStockedProduct(b, { trackStock: false })).variants[0]!.id;
  const made = await customerList.POST(await post('/api/v1/customers', a, a.cashier, { name: 'Thida', phone: '09 4000 5000', email: 'thida@example.com', tags: ['regular'] }), noParams);
  expect(made.status).toBe(201);
  const body = await made.json();
  expect(made.headers.get('location')).toBe(`/api/v1/customers/${body.id}`);
  aCustomer = body.id;
});

describe('/api/v1/customers', () => {
  it('finds by phone or name for any staff, and lists nothing of another business', async () => {
    const found = await json(await customerList.GET(await apiRequest('GET', '/api/v1/customers?q=40005000', { host: a.tenant, as: a.cashier }), noParams));
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 1, data: [{ id: aCustomer, name: 'Thida', phone: '09 4000 5000' }] });
    const theirs = await json(await customerList.GET(await apiRequest('GET', '/api/v1/customers?q=thida', { host: b.tenant, as: b.owner }), noParams));
    expect(theirs.body).toEqual({ total: 0, data: [] });
    const anonymous = await customerList.GET(await apiRequest('GET', '/api/v1/customers', { host: a.tenant }), noParams);
    expect(anonymous.status).toBe(401);
  });

  it('validates what is sent (422 with field paths)', async () => {
    const res = await json(await customerList.POST(await post('/api/v1/customers', a, a.cashier, { name: '', phone: '12', email: 'not-an-email' }), noParams));
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['email', 'name', 'phone']);
  });

  it('gets and changes a customer of the host business only: another business gets 404', async () => {
    const profile = await json(await customerItem.GET(await apiRequest('GET', `/api/v1/customers/${aCustomer}`, { host: a.tenant, as: a.cashier }), id(aCustomer)));
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ customer: { id: aCustomer, name: 'Thida' }, orders: [], totals: { orders: 0, spent: 0 }, pointsLedger: [] });

    const changed = await json(await customerItem.PATCH(await apiRequest('PATCH', `/api/v1/customers/${aCustomer}`, { host: a.tenant, as: a.cashier, body: { note: 'Oat milk' } }), id(aCustomer)));
    expect(changed.body).toMatchObject({ note: 'Oat milk', phone: '09 4000 5000' });

    const read = await customerItem.GET(await apiRequest('GET', `/api/v1/customers/${aCustomer}`, { host: b.tenant, as: b.owner }), id(aCustomer));
    expect(read.status).toBe(404);
    const patch = await customerItem.PATCH(await apiRequest('PATCH', `/api/v1/customers/${aCustomer}`, { host: b.tenant, as: b.owner, body: { name: 'Stolen' } }), id(aCustomer));
    expect(patch.status).toBe(404);
    // A's session on B's host is refused before anything is looked up.
    const wrongHost = await customerItem.GET(await apiRequest('GET', `/api/v1/customers/${aCustomer}`, { host: b.tenant, as: a.owner }), id(aCustomer));
    expect(wrongHost.status).toBe(401);
  });

  it("refuses A's customer in B's checkout body (422 on customerId), and writes no order", async () => {
    const res = await json(
      await ordersRoute.POST(
        await post('/api/v1/orders', b, b.cashier, { type: 'takeaway', customerId: aCustomer, lines: [{ variantId: bCake, quantity: 1 }], payments: [{ tender: 'cash', tendered: 1000 }] }),
        noParams,
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([{ path: 'customerId', message: 'No such customer' }]);
    const list = await json(await ordersRoute.GET(await apiRequest('GET', '/api/v1/orders', { host: b.tenant, as: b.owner }), noParams));
    expect(list.body.data).toEqual([]);
  });

  it('exports and erases for the owner only; another business gets 404 and changes nothing', async () => {
    for (const staff of [a.manager, a.cashier]) {
      expect((await exportRoute.GET(await apiRequest('GET', `/api/v1/customers/${aCustomer}/export`, { host: a.tenant, as: staff }), id(aCustomer))).status).toBe(403);
      expect((await eraseRoute.POST(await post(`/api/v1/customers/${aCustomer}/erase`, a, staff, { confirm: 'ERASE' }), id(aCustomer))).status).toBe(403);
    }
    expect((await exportRoute.GET(await apiRequest('GET', `/api/v1/customers/${aCustomer}/export`, { host: b.tenant, as: b.owner }), id(aCustomer))).status).toBe(404);
    expect((await eraseRoute.POST(await post(`/api/v1/customers/${aCustomer}/erase`, b, b.owner, { confirm: 'ERASE' }), id(aCustomer))).status).toBe(404);

    const exported = await exportRoute.GET(await apiRequest('GET', `/api/v1/customers/${aCustomer}/export`, { host: a.tenant, as: a.owner }), id(aCustomer));
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(await exported.json()).toMatchObject({ customer: { name: 'Thida', email: 'thida@example.com' }, orders: [], pointsLedger: [] });

    expect((await eraseRoute.POST(await post(`/api/v1/customers/${aCustomer}/erase`, a, a.owner, {}), id(aCustomer))).status).toBe(422); // no confirmation
    const erased = await json(await eraseRoute.POST(await post(`/api/v1/customers/${aCustomer}/erase`, a, a.owner, { confirm: 'ERASE' }), id(aCustomer)));
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ name: 'Erased customer', phone: null, email: null, note: null, tags: [] });
  });
});

describe('/api/v1/loyalty', () => {
  it('is set by the owner and read by the register, per business', async () => {
    const scheme = { earnPoints: 1, earnPerAmount: 1000, rewardPoints: 100, rewardValue: 5000 };
    expect((await loyaltyRoute.PUT(await apiRequest('PUT', '/api/v1/loyalty', { host: a.tenant, as: a.manager, body: scheme }), noParams)).status).toBe(403);
    const saved = await json(await loyaltyRoute.PUT(await apiRequest('PUT', '/api/v1/loyalty', { host: a.tenant, as: a.owner, body: scheme }), noParams));
    expect(saved).toMatchObject({ status: 200, body: { ...scheme, earning: true, rewards: true } });
    const read = await json(await loyaltyRoute.GET(await apiRequest('GET', '/api/v1/loyalty', { host: a.tenant, as: a.cashier }), noParams));
    expect(read.body).toMatchObject(scheme);
    const theirs = await json(await loyaltyRoute.GET(await apiRequest('GET', '/api/v1/loyalty', { host: b.tenant, as: b.cashier }), noParams));
    expect(theirs.body).toMatchObject({ earning: false, rewards: false });
  });
});
