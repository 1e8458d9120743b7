import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as deliveries from '@/app/api/v1/webhooks/[id]/deliveries/route';
import * as rotate from '@/app/api/v1/webhooks/[id]/rotate-secret/route';
import * as item from '@/app/api/v1/webhooks/[id]/route';
import * as test from '@/app/api/v1/webhooks/[id]/test/route';
import * as redeliver from '@/app/api/v1/webhooks/deliveries/[id]/redeliver/route';
import * as list from '@/app/api/v1/webhooks/route';
import { webhookEndpoints } from '@/db/schema/webhooks';
import { createApiKey, type ApiScope } from '@/lib/auth';
import { withTenant } from '@/lib/platform/db';
import { verifyWebhook } from '@/lib/webhooks';
import { apiRequest, contextOf, createTenant, json, segment, type TestStaff, type TestTenant } from '../helpers';
import { allowHosts, startReceiver } from './receiver';

/**
 * The webhook routes: owners (and API keys with the webhooks scopes) only, the secret in the answer only when made, the SSRF rules at save
 * (422 on `url`), and every route refusing another business's ids (404) and sessions (401).
 */
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  receiver = await startReceiver();
  allowHosts(`127.0.0.1:${receiver.port}`);
  [a, b] = await Promise.all([createTenant(), createTenant()]);
});
afterAll(async () => {
  allowHosts(undefined);
  await receiver.close();
});

/** `as` a person signed in, or `{ key }`: an API key's secret (Authorization: Bearer). */
const call = async (handler: (req: never, s: never) => Promise<Response>, method: string, path: string, t: TestTenant, as: TestStaff | { key: string }, params: object, body?: unknown) => {
  const who = 'key' in as ? { headers: { authorization: `Bearer ${as.key}` } } : { as };
  const res = await handler((await apiRequest(method, path, { host: t.tenant, body, ...who })) as never, segment(params) as never);
  return res.status === 204 ? { status: 204, body: null as any } : json(res);
};

const create = (t: TestTenant, body: unknown, as: TestStaff | { key: string } = t.owner) => call(list.POST, 'POST', '/api/v1/webhooks', t, as, {}, body);

const newKey = (t: TestTenant, scopes: ApiScope[]) => createApiKey(contextOf(t), { name: `webhooks ${scopes.join(' ')}`, scopes });

describe('webhook routes', () => {
  it('answer API keys by their scopes: webhooks:read lists and reads, webhooks:write changes', async () => {
    const reader = { key: (await newKey(a, ['webhooks:read'])).secret };
    const writer = { key: (await newKey(a, ['webhooks:write'])).secret };
    const made = await create(a, { url: receiver.url('/by-key'), eventTypes: ['order.paid'] }, writer);
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^whsec_/);
    const p = { id: made.body.id };
    expect(await call(list.GET, 'GET', '/api/v1/webhooks', a, reader, {})).toMatchObject({ status: 200, body: expect.arrayContaining([expect.objectContaining({ id: made.body.id })]) });
    expect((await call(item.GET, 'GET', `/api/v1/webhooks/${made.body.id}`, a, reader, p)).status).toBe(200);
    expect((await call(deliveries.GET, 'GET', `/api/v1/webhooks/${made.body.id}/deliveries`, a, reader, p)).status).toBe(200);
    // Reading is not writing, and the other way round.
    const refused = await call(item.PATCH, 'PATCH', `/api/v1/webhooks/${made.body.id}`, a, reader, p, { enabled: false });
    expect(refused).toMatchObject({ status: 403, body: { error: { details: { permission: 'webhooks:write', requiredScopes: ['webhooks:write'] } } } });
    expect((await create(a, { url: receiver.url('/nope'), eventTypes: ['order.paid'] }, reader)).status).toBe(403);
    expect((await call(list.GET, 'GET', '/api/v1/webhooks', a, writer, {})).status).toBe(403);
    expect(await call(item.PATCH, 'PATCH', `/api/v1/webhooks/${made.body.id}`, a, writer, p, { enabled: false })).toMatchObject({ status: 200, body: { enabled: false } });
    expect((await call(item.DELETE, 'DELETE', `/api/v1/webhooks/${made.body.id}`, a, writer, p)).status).toBe(204);
  });


  it('an owner adds an endpoint: the secret is in that answer only', async () => {
    const res = await create(a, { url: receiver.url('/api'), eventTypes: ['order.paid', 'order.placed', 'order.paid'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ url: receiver.url('/api'), eventTypes: ['order.paid', 'order.placed'], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    expect(res.body.secretPrefix).toBe(res.body.secret.slice(0, 12));
    const listed = await call(list.GET, 'GET', '/api/v1/webhooks', a, a.owner, {});
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(res.body.secret);
    expect(JSON.stringify(listed.body)).not.toMatch(/ciphertext/i);
    // Stored encrypted, not in the clear.
    const [row] = await withTenant(a.tenant.id, (tx) => tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, res.body.id)));
    expect(row!.secretCiphertext).not.toContain(res.body.secret);
  });

  it('is for owners: a manager or a cashier gets 403', async () => {
    for (const staff of [a.manager, a.cashier]) {
      expect((await create(a, { url: receiver.url('/x'), eventTypes: ['order.paid'] }, staff)).status).toBe(403);
      expect((await call(list.GET, 'GET', '/api/v1/webhooks', a, staff, {})).status).toBe(403);
    }
  });

  it('checks the body: unknown events, no events, non-http URLs, and internal addresses (422 naming the field)', async () => {
    expect(await create(a, { url: receiver.url('/x'), eventTypes: ['order.exploded'] })).toMatchObject({ status: 422 });
    expect(await create(a, { url: receiver.url('/x'), eventTypes: [] })).toMatchObject({ status: 422 });
    expect(await create(a, { url: 'ftp://example.com/x', eventTypes: ['order.paid'] })).toMatchObject({ status: 422 });
    const internal = await create(a, { url: 'http://10.1.2.3/hook', eventTypes: ['order.paid'] });
    expect(internal).toMatchObject({ status: 422, body: { error: { code: 'unprocessable', details: [{ path: 'url' }] } } });
    expect(internal.body.error.message).toMatch(/private/);
  });

  it('turns off and on, rotates the secret (old one still signs for 24 h), tests, lists the log, redelivers', async () => {
    const made = (await create(a, { url: receiver.url('/flow'), eventTypes: ['order.paid'] })).body;
    const p = { id: made.id };
    expect(await call(item.PATCH, 'PATCH', `/api/v1/webhooks/${made.id}`, a, a.owner, p, { enabled: false })).toMatchObject({ status: 200, body: { enabled: false, disabledReason: 'manual' } });
    expect(await call(test.POST, 'POST', `/api/v1/webhooks/${made.id}/test`, a, a.owner, p)).toMatchObject({ status: 409 });
    expect(await call(item.PATCH, 'PATCH', `/api/v1/webhooks/${made.id}`, a, a.owner, p, { enabled: true })).toMatchObject({ status: 200, body: { enabled: true, disabledReason: null } });

    const rotated = await call(rotate.POST, 'POST', `/api/v1/webhooks/${made.id}/rotate-secret`, a, a.owner, p);
    expect(rotated).toMatchObject({ status: 200, body: { secret: expect.stringMatching(/^whsec_/) } });
    expect(rotated.body.secret).not.toBe(made.secret);

    const sent = await call(test.POST, 'POST', `/api/v1/webhooks/${made.id}/test`, a, a.owner, p);
    expect(sent).toMatchObject({ status: 200, body: { succeeded: true, status: 200 } });
    const got = receiver.received.filter((r) => r.url === '/flow').at(-1)!;
    const header = got.headers['tillwise-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyWebhook({ secret: rotated.body.secret, header, body: got.body }).ok).toBe(true);
    expect(verifyWebhook({ secret: made.secret, header, body: got.body }).ok).toBe(true);

    const log = await call(deliveries.GET, 'GET', `/api/v1/webhooks/${made.id}/deliveries`, a, a.owner, p);
    expect(log).toMatchObject({ status: 200, body: [{ eventType: 'webhook.test', status: 'succeeded', attempts: 1, log: [{ responseStatus: 200 }] }] });
    const deliveryId = log.body[0].id;
    const again = await call(redeliver.POST, 'POST', `/api/v1/webhooks/deliveries/${deliveryId}/redeliver`, a, a.owner, { id: deliveryId });
    expect(again).toMatchObject({ status: 200, body: { succeeded: true, eventId: sent.body.eventId } });

    expect((await call(item.DELETE, 'DELETE', `/api/v1/webhooks/${made.id}`, a, a.owner, p)).status).toBe(204);
    expect((await call(item.GET, 'GET', `/api/v1/webhooks/${made.id}`, a, a.owner, p)).status).toBe(404);
  });

  it('another business: its ids are not found (404) on every route, its session is refused on this host (401), nothing changes', async () => {
    const made = (await create(a, { url: receiver.url('/mine'), eventTypes: ['order.paid'] })).body;
    const sent = (await call(test.POST, 'POST', `/api/v1/webhooks/${made.id}/test`, a, a.owner, { id: made.id })).body;
    const p = { id: made.id };
    const routes: [string, (req: never, s: never) => Promise<Response>, string, object, unknown?][] = [
      ['GET', item.GET, `/api/v1/webhooks/${made.id}`, p],
      ['PATCH', item.PATCH, `/api/v1/webhooks/${made.id}`, p, { enabled: false }],
      ['DELETE', item.DELETE, `/api/v1/webhooks/${made.id}`, p],
      ['POST', rotate.POST, `/api/v1/webhooks/${made.id}/rotate-secret`, p],
      ['POST', test.POST, `/api/v1/webhooks/${made.id}/test`, p],
      ['GET', deliveries.GET, `/api/v1/webhooks/${made.id}/deliveries`, p],
      ['POST', redeliver.POST, `/api/v1/webhooks/deliveries/${sent.deliveryId}/redeliver`, { id: sent.deliveryId }],
    ];
    const before = receiver.received.length;
    const keyOf = async (t: TestTenant) => ({ key: (await newKey(t, ['webhooks:read', 'webhooks:write'])).secret });
    const [aKey, bKey] = [await keyOf(a), await keyOf(b)];
    for (const [method, handler, path, params, body] of routes) {
      expect((await call(handler, method, path, b, b.owner, params, body)).status, `${method} ${path} as B`).toBe(404);
      expect((await call(handler, method, path, b, bKey, params, body)).status, `${method} ${path} with B's API key`).toBe(404);
      expect((await call(handler, method, path, b, a.owner, params, body)).status, `${method} ${path} with A's session on B's host`).toBe(401);
      expect((await call(handler, method, path, b, aKey, params, body)).status, `${method} ${path} with A's API key on B's host`).toBe(401);
    }
    const listedByB = await call(list.GET, 'GET', '/api/v1/webhooks', b, b.owner, {});
    expect(listedByB).toMatchObject({ status: 200, body: [] });
    expect((await call(list.POST, 'POST', '/api/v1/webhooks', b, a.owner, {}, { url: receiver.url('/b'), eventTypes: ['order.paid'] })).status).toBe(401);
    // A's endpoint is as it was, and B's attempts sent nothing.
    expect(await call(item.GET, 'GET', `/api/v1/webhooks/${made.id}`, a, a.owner, p)).toMatchObject({ status: 200, body: { enabled: true, secretPrefix: made.secretPrefix } });
    expect(receiver.received.length).toBe(before);
  });
});

