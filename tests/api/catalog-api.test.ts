import { beforeAll, describe, expect, it } from 'vitest';
import * as categoryItem from '@/app/api/v1/categories/[id]/route';
import * as categories from '@/app/api/v1/categories/route';
import * as modifierGroups from '@/app/api/v1/modifier-groups/route';
import * as productItem from '@/app/api/v1/products/[id]/route';
import * as products from '@/app/api/v1/products/route';
import * as settings from '@/app/api/v1/settings/route';
import * as taxItem from '@/app/api/v1/tax-classes/[id]/route';
import * as taxes from '@/app/api/v1/tax-classes/route';
import { apiRequest, createTenant, json, noParams, segment, type TestStaff, type TestTenant } from '../helpers';

const productBody = (sku: string, extra: Record<string, unknown> = {}) => ({
  name: `Tea leaf salad ${sku}`,
  attributes: { allergens: ['peanut'], spice: 2 },
  variants: [
    { name: 'Small', sku: `${sku}-S`, price: 2000, barcodes: [`${sku}0001`] },
    { name: 'Large', sku: `${sku}-L`, price: 2800 },
  ],
  ...extra,
});

describe('/api/v1/products', () => {
  let a: TestTenant;
  let b: TestTenant;
  const req = (t: TestTenant, as: TestStaff, method: string, path: string, body?: unknown) => apiRequest(method, path, { host: t.tenant, as, body });

  beforeAll(async () => {
    a = await createTenant();
    b = await createTenant();
  });

  it('creates a product with variants: 201 and Location', async () => {
    const res = await products.POST(await req(a, a.manager, 'POST', '/api/v1/products', productBody('TLS')), noParams);
    expect(res.status).toBe(201);
    const product = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/products/${product.id}`);
    expect(product).toMatchObject({
      status: 'active',
      trackStock: true,
      attributes: { allergens: ['peanut'], spice: 2 },
      variants: [
        { name: 'Small', sku: 'TLS-S', price: 2000, barcodes: ['TLS0001'] },
        { name: 'Large', sku: 'TLS-L', price: 2800, barcodes: [] },
      ],
    });
  });

  it('answers 409 naming a SKU or barcode that is already used', async () => {
    const sku = await json(await products.POST(await req(a, a.owner, 'POST', '/api/v1/products', productBody('DUP', { variants: [{ sku: 'TLS-S', price: 1 }] })), noParams));
    expect(sku.status).toBe(409);
    expect(sku.body.error.message).toContain('TLS-S');
    const barcode = await json(
      await products.POST(await req(a, a.owner, 'POST', '/api/v1/products', productBody('DUP2', { variants: [{ sku: 'NEW-1', price: 1, barcodes: ['TLS0001'] }] })), noParams),
    );
    expect(barcode.status).toBe(409);
    expect(barcode.body.error.message).toContain('TLS0001');
  });

  it('answers 422 with field paths for bad input', async () => {
    const res = await json(
      await products.POST(
        await req(a, a.owner, 'POST', '/api/v1/products', { name: '', variants: [{ sku: 'bad sku!', price: -1 }], attributes: { $where: '1' } }),
        noParams,
      ),
    );
    expect(res.status).toBe(422);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'variants.0.sku', 'variants.0.price', 'attributes.$where']));
  });

  it('refuses text with a NUL character with 422, in a body and in a search, and writes nothing (Postgres cannot store it)', async () => {
    const post = await json(await products.POST(await req(a, a.owner, 'POST', '/api/v1/products', productBody('NUL', { name: 'Tea\u0000' })), noParams));
    expect(post.status).toBe(422);
    expect(post.body.error.message).toMatch(/NUL/);
    const search = await products.GET(await req(a, a.cashier, 'GET', '/api/v1/products?search=%00'), noParams);
    expect(search.status).toBe(422);
    const found = await json(await products.GET(await req(a, a.cashier, 'GET', '/api/v1/products?search=NUL-S'), noParams));
    expect(found.body.total).toBe(0);
  });

  it('lists with search, filters and paging', async () => {
    const list = async (query: string) => (await json(await products.GET(await req(a, a.cashier, 'GET', `/api/v1/products${query}`), noParams))).body;
    expect((await list('?search=tea')).total).toBe(1);
    expect((await list('?search=TLS-')).data[0].variants[0].sku).toBe('TLS-S');
    expect((await list('?search=TLS0001')).total).toBe(1);
    expect(await list('?limit=1&skip=0')).toMatchObject({ skip: 0, limit: 1, total: 1 });
    const bad = await products.GET(await req(a, a.cashier, 'GET', '/api/v1/products?limit=5000'), noParams);
    expect(bad.status).toBe(422);
  });

  it('PATCH changes only what is sent; PUT replaces; DELETE archives', async () => {
    const created = await (await products.POST(await req(a, a.owner, 'POST', '/api/v1/products', productBody('PAT', { trackStock: false })), noParams)).json();
    const p = segment({ id: created.id });
    const item = (method: string, body?: unknown) => req(a, a.owner, method, `/api/v1/products/${created.id}`, body);
    const patched = await json(await productItem.PATCH(await item('PATCH', { name: 'Renamed' }), p));
    expect(patched.body).toMatchObject({ name: 'Renamed', trackStock: false, attributes: { spice: 2 } });
    expect(patched.body.variants.map((v: { id: string }) => v.id)).toEqual(created.variants.map((v: { id: string }) => v.id));
    const keep = created.variants[0].id;
    const replaced = await json(await productItem.PUT(await item('PUT', { name: 'Simple', variants: [{ id: keep, sku: 'PAT-S', price: 500 }] }), p));
    expect(replaced.body).toMatchObject({ name: 'Simple', trackStock: true, attributes: {}, variants: [{ id: keep, sku: 'PAT-S', price: 500 }] });
    expect((await productItem.DELETE(await item('DELETE'), p)).status).toBe(204);
    expect((await json(await productItem.GET(await item('GET'), p))).body.status).toBe('archived');
  });

  it('lets cashiers read but not change the catalog', async () => {
    expect((await products.GET(await req(a, a.cashier, 'GET', '/api/v1/products'), noParams)).status).toBe(200);
    expect((await products.POST(await req(a, a.cashier, 'POST', '/api/v1/products', productBody('CSH')), noParams)).status).toBe(403);
    expect((await categories.POST(await req(a, a.cashier, 'POST', '/api/v1/categories', { name: 'Nope' }), noParams)).status).toBe(403);
  });

  it('keeps tenants apart: by id, by SKU, by barcode, in lists', async () => {
    const inB = await (await products.POST(await req(b, b.owner, 'POST', '/api/v1/products', productBody('BEE')), noParams)).json();
    const p = segment({ id: inB.id });
    const asA = (method: string, body?: unknown) => req(a, a.owner, method, `/api/v1/products/${inB.id}`, body);
    expect((await productItem.GET(await asA('GET'), p)).status).toBe(404);
    expect((await productItem.PATCH(await asA('PATCH', { name: 'Hijacked' }), p)).status).toBe(404);
    expect((await productItem.PUT(await asA('PUT', productBody('HIJ')), p)).status).toBe(404);
    expect((await productItem.DELETE(await asA('DELETE'), p)).status).toBe(404);
    for (const search of ['BEE-S', 'BEE0001', 'Tea leaf salad BEE']) {
      expect((await json(await products.GET(await req(a, a.owner, 'GET', `/api/v1/products?search=${search}&status=all`), noParams))).body.total).toBe(0);
    }
    // The same SKU and barcode may exist in another business.
    expect((await products.POST(await req(a, a.owner, 'POST', '/api/v1/products', productBody('BEE')), noParams)).status).toBe(201);
    expect((await json(await productItem.GET(await req(b, b.owner, 'GET', `/api/v1/products/${inB.id}`), p))).body.name).toBe('Tea leaf salad BEE');
  });
});

describe('/api/v1/categories, tax-classes, modifier-groups', () => {
  it('create, read, patch, delete — and never across tenants', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const created = await categories.POST(await apiRequest('POST', '/api/v1/categories', { host: a.tenant, as: a.owner, body: { name: 'Noodles' } }), noParams);
    expect(created.status).toBe(201);
    const cat = await created.json();
    expect(created.headers.get('location')).toBe(`/api/v1/categories/${cat.id}`);
    const dup = await categories.POST(await apiRequest('POST', '/api/v1/categories', { host: a.tenant, as: a.owner, body: { name: 'Noodles' } }), noParams);
    expect(dup.status).toBe(409);
    const p = segment({ id: cat.id });
    const patched = await json(await categoryItem.PATCH(await apiRequest('PATCH', `/api/v1/categories/${cat.id}`, { host: a.tenant, as: a.owner, body: { position: 3 } }), p));
    expect(patched.body).toMatchObject({ name: 'Noodles', position: 3 });
    for (const method of ['GET', 'PATCH', 'PUT', 'DELETE'] as const) {
      const res = await categoryItem[method](await apiRequest(method, `/api/v1/categories/${cat.id}`, { host: b.tenant, as: b.owner, body: method === 'GET' || method === 'DELETE' ? undefined : { name: 'X' } }), p);
      expect({ method, status: res.status }).toEqual({ method, status: 404 });
    }
    expect((await json(await categories.GET(await apiRequest('GET', '/api/v1/categories', { host: b.tenant, as: b.owner }), noParams))).body.total).toBe(0);

    const tax = await (await taxes.POST(await apiRequest('POST', '/api/v1/tax-classes', { host: a.tenant, as: a.owner, body: { name: 'VAT', rateBasisPoints: 700 } }), noParams)).json();
    expect(tax.rateBasisPoints).toBe(700);
    expect((await taxes.POST(await apiRequest('POST', '/api/v1/tax-classes', { host: a.tenant, as: a.owner, body: { name: 'Bad', rateBasisPoints: 10001 } }), noParams)).status).toBe(422);
    expect((await taxItem.DELETE(await apiRequest('DELETE', `/api/v1/tax-classes/${tax.id}`, { host: a.tenant, as: a.owner }), segment({ id: tax.id }))).status).toBe(204);

    const group = await json(
      await modifierGroups.POST(
        await apiRequest('POST', '/api/v1/modifier-groups', { host: a.tenant, as: a.owner, body: { name: 'Milk', minSelect: 0, maxSelect: 1, options: [{ name: 'Oat', priceDelta: 500 }, { name: 'Soy', priceDelta: 500 }] } }),
        noParams,
      ),
    );
    expect(group.status).toBe(201);
    expect(group.body.options.every((o: { id: string }) => typeof o.id === 'string')).toBe(true);
    const invalid = await modifierGroups.POST(
      await apiRequest('POST', '/api/v1/modifier-groups', { host: a.tenant, as: a.owner, body: { name: 'Bad', minSelect: 3, maxSelect: 1, options: [{ name: 'Only' }] } }),
      noParams,
    );
    expect(invalid.status).toBe(422);
  });
});

describe('/api/v1/settings', () => {
  it('lets owners switch tax-inclusive prices; managers may not', async () => {
    const t = await createTenant();
    expect((await json(await settings.GET(await apiRequest('GET', '/api/v1/settings', { host: t.tenant, as: t.cashier }), noParams))).body).toMatchObject({ pricesIncludeTax: true, discountLimitBasisPoints: 1000 });
    expect((await settings.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: t.tenant, as: t.manager, body: { pricesIncludeTax: false } }), noParams)).status).toBe(403);
    const changed = await json(await settings.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: t.tenant, as: t.owner, body: { pricesIncludeTax: false } }), noParams));
    expect(changed).toMatchObject({ status: 200, body: { pricesIncludeTax: false, address: null } });
    const other = await createTenant();
    expect((await json(await settings.GET(await apiRequest('GET', '/api/v1/settings', { host: other.tenant, as: other.owner }), noParams))).body.pricesIncludeTax).toBe(true);
  });
});
