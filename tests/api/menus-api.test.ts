import { beforeAll, describe, expect, it } from 'vitest';
import * as menuItem from '@/app/api/v1/restaurant/menus/[id]/route';
import * as menus from '@/app/api/v1/restaurant/menus/route';
import { apiRequest, createStockedProduct, createTenant, json, noParams, segment, type TestTenant } from '../helpers';

const list = async (t: TestTenant, query: string) => menus.GET(await apiRequest('GET', `/api/v1/restaurant/menus${query}`, { host: t.tenant, as: t.cashier }), noParams);
const create = async (t: TestTenant, body: unknown) => menus.POST(await apiRequest('POST', '/api/v1/restaurant/menus', { host: t.tenant, as: t.manager, body }), noParams);

describe('/api/v1/restaurant/menus', () => {
  let a: TestTenant;
  let b: TestTenant;
  let productA: string;
  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
    productA = (await createStockedProduct(a)).id;
  });

  it('creates a menu: 201, Location, the created menu', async () => {
    const res = await create(a, {
      name: 'Breakfast',
      availability: [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '11:00' }],
      sections: [{ name: 'Bowls', productIds: [productA] }],
    });
    expect(res.status).toBe(201);
    const menu = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/restaurant/menus/${menu.id}`);
    expect(menu).toMatchObject({
      name: 'Breakfast',
      isActive: true,
      availability: [{ days: [1, 2, 3, 4, 5], start: '07:00', end: '11:00' }],
      sections: [{ id: expect.any(String), name: 'Bowls', productIds: [productA] }],
    });
  });

  it('pages with skip and limit (default 100, max 1000) and answers a JSON array', async () => {
    for (const name of ['Lunch', 'Dinner', 'Drinks']) expect((await create(a, { name })).status).toBe(201);
    const all = await list(a, '');
    expect(all.status).toBe(200);
    expect(all.headers.get('x-total-count')).toBe('4');
    expect((await all.json()).map((m: { name: string }) => m.name)).toEqual(['Breakfast', 'Dinner', 'Drinks', 'Lunch']);
    const page = await json(await list(a, '?skip=1&limit=2'));
    expect(page.body.map((m: { name: string }) => m.name)).toEqual(['Dinner', 'Drinks']);
    expect((await json(await list(a, '?skip=10'))).body).toEqual([]);
    expect((await list(a, '?limit=1000')).status).toBe(200);
  });

  it.each([
    ['?skip=-1', 'skip must be 0 or more'],
    ['?limit=0', 'limit must be at least 1'],
    ['?limit=1001', 'limit must be at most 1000'],
    ['?skip=abc', 'skip must be a number'],
    ['?limit=2.5', 'limit must be a whole number'],
  ])('answers 422 with a clear message for %s', async (query, message) => {
    const res = await json(await list(a, query));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(res.body.error.message).toContain(message);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: 'X', availability: [{ days: [8], start: '07:00', end: '11:00' }] }, 'availability.0.days.0'],
    [{ name: 'X', availability: [{ days: [1], start: '7am', end: '11:00' }] }, 'availability.0.start'],
    [{ name: 'X', sections: [{ name: 'S', productIds: ['not-a-uuid'] }] }, 'sections.0.productIds.0'],
  ])('answers 422 for bad input %j', async (body, path) => {
    const res = await json(await create(a, body));
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses products of another tenant on a menu', async () => {
    const productB = (await createStockedProduct(b)).id;
    const res = await json(await create(a, { name: 'Sneaky', sections: [{ name: 'S', productIds: [productB] }] }));
    expect(res.status).toBe(422);
  });

  it('reads, replaces, patches and deletes', async () => {
    const menu = await (await create(a, { name: 'Specials' })).json();
    const item = (method: string, body?: unknown) =>
      apiRequest(method, `/api/v1/restaurant/menus/${menu.id}`, { host: a.tenant, as: a.owner, body });
    const p = segment({ id: menu.id });
    expect((await json(await menuItem.GET(await item('GET'), p))).body.name).toBe('Specials');
    const replaced = await json(await menuItem.PUT(await item('PUT', { name: 'Weekend specials', isActive: false }), p));
    expect(replaced.body).toMatchObject({ name: 'Weekend specials', isActive: false, sections: [] });
    const patched = await json(await menuItem.PATCH(await item('PATCH', { isActive: true }), p));
    expect(patched.body).toMatchObject({ name: 'Weekend specials', isActive: true });
    expect((await menuItem.PATCH(await item('PATCH', {}), p)).status).toBe(422);
    expect((await menuItem.DELETE(await item('DELETE'), p)).status).toBe(204);
    expect((await menuItem.GET(await item('GET'), p)).status).toBe(404);
  });

  it('answers 404 for another tenant’s menu, exactly as for a missing one', async () => {
    const menuB = await (await create(b, { name: 'B only' })).json();
    const p = segment({ id: menuB.id });
    const asA = (method: string, body?: unknown) => apiRequest(method, `/api/v1/restaurant/menus/${menuB.id}`, { host: a.tenant, as: a.owner, body });
    const missing = await json(await menuItem.GET(await apiRequest('GET', `/api/v1/restaurant/menus/${crypto.randomUUID()}`, { host: a.tenant, as: a.owner }), segment({ id: crypto.randomUUID() })));
    const foreign = await json(await menuItem.GET(await asA('GET'), p));
    expect(foreign).toEqual(missing);
    expect(foreign.status).toBe(404);
    expect((await menuItem.PUT(await asA('PUT', { name: 'Hijacked' }), p)).status).toBe(404);
    expect((await menuItem.PATCH(await asA('PATCH', { name: 'Hijacked' }), p)).status).toBe(404);
    expect((await menuItem.DELETE(await asA('DELETE'), p)).status).toBe(404);
    expect((await json(await list(a, ''))).body.map((m: { id: string }) => m.id)).not.toContain(menuB.id);
    const stillB = await json(await menuItem.GET(await apiRequest('GET', `/api/v1/restaurant/menus/${menuB.id}`, { host: b.tenant, as: b.owner }), p));
    expect(stillB.body.name).toBe('B only');
  });

  it('lets cashiers read but not write', async () => {
    expect((await list(a, '')).status).toBe(200);
    const res = await menus.POST(await apiRequest('POST', '/api/v1/restaurant/menus', { host: a.tenant, as: a.cashier, body: { name: 'Nope' } }), noParams);
    expect(res.status).toBe(403);
  });
});
