import { beforeAll, describe, expect, it } from 'vitest';
import * as categoryItem from '@/app/api/v1/categories/[id]/route';
import * as categories from '@/app/api/v1/categories/route';
import * as importRoute from '@/app/api/v1/products/import/route';
import { apiRequest, createTenant, json, noParams, segment, type TestTenant } from '../helpers';

/**
 * Every tenant is a same-site sibling (`evil.localhost` and `acme.localhost` share a site), so
 * SameSite=Lax cookies go along with a sibling's form post. The API refuses cookie-authenticated
 * mutations that a browser sent from another origin, or with a body type a form can send.
 */
describe('cross-site request forgery on the JSON API', () => {
  let t: TestTenant;
  let host: string;
  let sibling: TestTenant;
  beforeAll(async () => {
    t = await createTenant();
    sibling = await createTenant();
    host = `${t.tenant.slug}.localhost:3000`;
  });

  const post = async (body: unknown, headers: Record<string, string>) =>
    categories.POST(await apiRequest('POST', '/api/v1/categories', { host: t.tenant, as: t.manager, body, headers: { host, ...headers } }), noParams);
  const categoryNames = async () =>
    (await json(await categories.GET(await apiRequest('GET', '/api/v1/categories', { host: t.tenant, as: t.manager }), noParams))).body.data.map(
      (c: { name: string }) => c.name,
    );
  const siblingOrigin = () => `http://${sibling.tenant.slug}.localhost:3000`;

  it('refuses a text/plain form post from a sibling tenant host, and changes nothing', async () => {
    // What `<form method=post enctype=text/plain>` on the sibling's page sends.
    const res = await json(
      await post('{"name":"Forged","position":0,"color":null}', { 'content-type': 'text/plain', origin: siblingOrigin(), 'sec-fetch-site': 'same-site' }),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await categoryNames()).not.toContain('Forged');
  });

  it('refuses JSON from another origin, or from an opaque (null) origin', async () => {
    for (const origin of [siblingOrigin(), 'http://localhost:3000', `https://${host}`, 'null']) {
      const res = await json(await post({ name: `From ${origin}`, position: 0, color: null }, { origin }));
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await categoryNames()).toEqual([]);
  });

  it('refuses a same-origin body that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await post('{"name":"Typed","position":0,"color":null}', { 'content-type': type, origin: `http://${host}` });
      expect(res.status, type).toBe(403);
    }
  });

  it('refuses a cross-site request without Origin by its Sec-Fetch-Site', async () => {
    for (const site of ['same-site', 'cross-site']) {
      const res = await post({ name: `Fetch ${site}`, position: 0, color: null }, { 'sec-fetch-site': site });
      expect(res.status, site).toBe(403);
    }
  });

  it('refuses a cross-site DELETE, which has no body at all', async () => {
    const created = await json(await post({ name: 'Keep me', position: 0, color: null }, { origin: `http://${host}` }));
    expect(created.status).toBe(201);
    const res = await categoryItem.DELETE(
      await apiRequest('DELETE', `/api/v1/categories/${created.body.id}`, { host: t.tenant, as: t.manager, headers: { host, origin: siblingOrigin() } }),
      segment({ id: created.body.id }),
    );
    expect(res.status).toBe(403);
    expect(await categoryNames()).toContain('Keep me');
  });

  it('accepts the app’s own requests: same origin (with charset), Sec-Fetch-Site same-origin, and clients that send neither', async () => {
    const ok: Record<string, string>[] = [
      { origin: `http://${host}`, 'content-type': 'application/json; charset=utf-8' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {}, // curl or a script: no browser, so no ambient cookie to forge with
    ];
    for (const [i, headers] of ok.entries()) {
      const res = await post({ name: `Own ${i}`, position: 0, color: null }, headers);
      expect(res.status, JSON.stringify(headers)).toBe(201);
    }
  });

  it('compares the scheme the client used behind a TLS-terminating proxy', async () => {
    const https = await post({ name: 'Over https', position: 0, color: null }, { origin: `https://${host}`, 'x-forwarded-proto': 'https' });
    expect(https.status).toBe(201);
    const downgraded = await post({ name: 'Over http', position: 0, color: null }, { origin: `http://${host}`, 'x-forwarded-proto': 'https' });
    expect(downgraded.status).toBe(403);
  });

  it('claims no Idempotency-Key for a refused request', async () => {
    const key = crypto.randomUUID();
    const refused = await post({ name: 'Forged keyed', position: 0, color: null }, { origin: siblingOrigin(), 'idempotency-key': key });
    expect(refused.status).toBe(403);
    // Had the forged request claimed the key, this one would be a fingerprint mismatch (422).
    const own = await post({ name: 'Own keyed', position: 0, color: null }, { origin: `http://${host}`, 'idempotency-key': key });
    expect(own.status).toBe(201);
  });

  it('takes text/csv on the CSV import, and nothing a form could send', async () => {
    const csv = `product_name,sku,price\nForm tea,CSRF-${Date.now()},1.00`;
    const send = async (type: string, origin = `http://${host}`) =>
      importRoute.POST(await apiRequest('POST', '/api/v1/products/import', { host: t.tenant, as: t.manager, body: csv, headers: { host, origin, 'content-type': type } }), noParams);
    expect((await send('text/plain')).status).toBe(403);
    expect((await send('application/json')).status).toBe(403);
    expect((await send('text/csv', siblingOrigin())).status).toBe(403);
    expect((await send('text/csv')).status).toBe(201);
  });
});
