import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { startAppServer, stopProcess, waitForHealth } from '../scripts/app-server';
import { appServerEnv, DEMO, gatewayControl, ROOT_DOMAIN } from './support';

/**
 * Two app instances on one Postgres and one Redis (docs/scaling.md, "Many app instances"):
 * instance A is the one playwright.config.ts starts; this spec starts B, a second `next start`
 * of the same build with exactly A's environment, on the next port. Both serve the same
 * ROOT_DOMAIN (behind a balancer the tenant comes from the Host it passes on), so the requests
 * go from Node to 127.0.0.1:<port> with the tenant's Host header.
 */
const A_PORT = Number(process.env.E2E_PORT ?? 3100);
const B_PORT = A_PORT + 1;
const HOST = `${DEMO.slug}.${ROOT_DOMAIN}`;
// This spec's own client network: the sign-in limits per address live in the shared Redis.
const CLIENT_IP = `2001:db8:two::${randomBytes(2).toString('hex')}`;

test.skip(!process.env.DATABASE_URL || !process.env.REDIS_URL, 'two instances share one Postgres and one Redis: runs with DATABASE_URL and REDIS_URL set (the CI\'s second pass)');

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: any };
type Jar = Map<string, string>;

function call(port: number, method: string, path: string, options: { jar?: Jar; json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = {
    host: HOST,
    'x-forwarded-for': CLIENT_IP,
    ...(options.jar?.size && { cookie: [...options.jar].map(([k, v]) => `${k}=${v}`).join('; ') }),
    ...(options.json !== undefined && { 'content-type': 'application/json' }),
    ...(options.form && { 'content-type': 'application/x-www-form-urlencoded' }),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        for (const cookie of res.headers['set-cookie'] ?? []) {
          const [pair] = cookie.split(';');
          const at = pair!.indexOf('=');
          options.jar?.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON (a redirect, a page)
        }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** next-auth's scripted sign-in (README): CSRF token, then the credentials callback; the jar then holds the session cookie. */
async function signIn(port: number, email: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const { body } = await call(port, 'GET', '/api/auth/csrf', { jar });
  const answer = await call(port, 'POST', '/api/auth/callback/credentials', { jar, form: { csrfToken: body.csrfToken, email, password } });
  expect(answer.status, 'the credentials callback redirects').toBe(302);
  expect(jar.has('next-auth.session-token'), 'a session cookie was set').toBe(true);
  return jar;
}

/** Only the session cookie: what a second device holding a copy of it would send. */
const sessionOnly = (jar: Jar): Jar => new Map([['next-auth.session-token', jar.get('next-auth.session-token')!]]);

/** An event stream opened on `port`; `events` fills as they arrive. */
function openEventStream(port: number, jar: Jar): Promise<{ events: { type: string; data: any }[]; close(): void }> {
  return new Promise((resolve, reject) => {
    const events: { type: string; data: any }[] = [];
    let buffer = '';
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/events', headers: { host: HOST, cookie: `next-auth.session-token=${jar.get('next-auth.session-token')}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`the event stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let opened = false;
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) events.push({ type, data: JSON.parse(data) });
        }
        // The stream subscribes to the tenant's wake-ups before its first line (`retry:`).
        if (!opened) {
          opened = true;
          resolve({ events, close: () => req.destroy() });
        }
      });
    });
    req.on('error', (err) => (err.message === 'socket hang up' ? undefined : reject(err)));
  });
}

let b: ChildProcess;
let owner: Jar;
let variantId: string;
let price: number;

test.beforeAll(async () => {
  test.setTimeout(120_000); // B's start: migrations are already done (A ran them), Next boots
  b = startAppServer({ port: B_PORT, env: appServerEnv(), stdio: ['ignore', 'ignore', 'inherit'] }); // its warnings and errors show in the test's output
  await waitForHealth(B_PORT, b);

  owner = await signIn(A_PORT, DEMO.owner.email, DEMO.password);
  // A product of this run's own, untracked: the sales below need no stock and touch no one else's.
  price = 1500;
  const product = await call(A_PORT, 'POST', '/api/v1/products', {
    jar: owner,
    json: { name: `Two-instance tea ${randomUUID().slice(0, 8)}`, trackStock: false, variants: [{ sku: `TWO-${randomUUID().slice(0, 8)}`, price }] },
  });
  expect(product.status).toBe(201);
  variantId = product.body.variants[0].id;
});

test.afterAll(async () => {
  await gatewayControl({ reset: true });
  if (b) await stopProcess(b);
});

const cashSale = () => ({ type: 'takeaway', lines: [{ variantId, quantity: 1 }], payments: [{ tender: 'cash', tendered: price }] });

test('two instances on one Postgres and Redis: sessions, idempotency, live events and sign-out cross; the card breaker is per instance', async () => {
  // A may still be inside an earlier spec's 60 s breaker window (BREAKER_HALF_OPEN_MS) when this starts.
  test.setTimeout(180_000);
  await test.step('a session signed in on A is valid on B', async () => {
    const onA = await call(A_PORT, 'GET', '/api/v1/me', { jar: owner });
    const onB = await call(B_PORT, 'GET', '/api/v1/me', { jar: sessionOnly(owner) });
    expect(onA.status).toBe(200);
    expect(onB.status).toBe(200);
    expect(onB.body.user).toEqual(onA.body.user);
    expect(onB.body.session).toEqual(onA.body.session);
  });

  await test.step('one Idempotency-Key raced on both instances makes one order, and every answer names it', async () => {
    const before = (await call(A_PORT, 'GET', '/api/v1/orders?limit=1', { jar: owner })).body.total as number;
    const key = randomUUID();
    const post = (port: number) => call(port, 'POST', '/api/v1/orders', { jar: sessionOnly(owner), json: cashSale(), headers: { 'idempotency-key': key } });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? A_PORT : B_PORT)));
    // The first to claim the key makes the order; the others, while it runs, are told it is in progress (409),
    // and afterwards get its stored answer again (201).
    expect(answers.map((a) => a.status).filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const made = answers.filter((a) => a.status === 201);
    expect(made.length).toBeGreaterThan(0);
    const orderId = made[0]!.body.id;
    expect(made.map((a) => a.body.id)).toEqual(made.map(() => orderId));
    for (const conflict of answers.filter((a) => a.status === 409)) expect(conflict.body.error.code).toBe('conflict');
    // Once it finished, either instance replays the same answer.
    for (const port of [A_PORT, B_PORT]) {
      const replay = await post(port);
      expect(replay.status).toBe(201);
      expect(replay.body.id).toBe(orderId);
    }
    const after = (await call(B_PORT, 'GET', '/api/v1/orders?limit=1', { jar: owner })).body.total as number;
    expect(after - before).toBe(1);
  });

  await test.step('a register stream open on B receives the sale made on A', async () => {
    const stream = await openEventStream(B_PORT, owner);
    try {
      const sale = await call(A_PORT, 'POST', '/api/v1/orders', { jar: owner, json: cashSale(), headers: { 'idempotency-key': randomUUID() } });
      expect(sale.status).toBe(201);
      await expect
        .poll(() => stream.events.filter((e) => e.data.payload?.orderId === sale.body.id).map((e) => e.type), { message: "B's stream shows A's sale" })
        .toEqual(expect.arrayContaining(['OrderPlaced', 'OrderPaid']));
    } finally {
      stream.close();
    }
  });

  await test.step('the card circuit breaker is per instance: B opening it leaves A closed', async () => {
    const status = async (port: number) => (await call(port, 'GET', '/api/v1/payments/status', { jar: sessionOnly(owner) })).body.card.state as string;
    const cardSale = { type: 'takeaway', lines: [{ variantId, quantity: 1 }], payments: [{ tender: 'card', source: 'tok_visa' }] };
    // A is the suite's shared server: an earlier spec's gateway outage may have left its breaker
    // open (for BREAKER_HALF_OPEN_MS, 60 s) or half-open. Cards that go through close it again.
    await expect
      .poll(async () => {
        if ((await status(A_PORT)) !== 'closed') await call(A_PORT, 'POST', '/api/v1/orders', { jar: sessionOnly(owner), json: cardSale, headers: { 'idempotency-key': randomUUID() } });
        return status(A_PORT);
      }, { message: "A's breaker closes after a card goes through", timeout: 90_000, intervals: [500, 1000, 2000] })
      .toBe('closed');
    expect(await status(B_PORT)).toBe('closed');
    await gatewayControl({ down: true });
    // Each failed card payment is several failed attempts (retries); five failures open B's breaker.
    for (let i = 0; i < 5 && (await status(B_PORT)) !== 'open'; i++) {
      await call(B_PORT, 'POST', '/api/v1/orders', { jar: sessionOnly(owner), json: cardSale, headers: { 'idempotency-key': randomUUID() } });
    }
    expect(await status(B_PORT)).toBe('open');
    expect(await status(A_PORT), "A never saw B's failures").toBe('closed');
    await gatewayControl({ reset: true });
  });

  await test.step('signing out on A ends the session on B as well', async () => {
    // A copy of the cookie taken before the sign-out: the deny-list in Redis must refuse it on both.
    const copy = sessionOnly(owner);
    const { body } = await call(A_PORT, 'GET', '/api/auth/csrf', { jar: owner });
    const out = await call(A_PORT, 'POST', '/api/auth/signout', { jar: owner, form: { csrfToken: body.csrfToken } });
    expect(out.status).toBe(302);
    for (const port of [B_PORT, A_PORT]) {
      const me = await call(port, 'GET', '/api/v1/me', { jar: copy });
      expect(me.status, `port ${port}`).toBe(401);
      expect(me.body.error.code).toBe('unauthorized');
    }
  });
});

test('an API key edited on A acts with its new scopes on B, and revoked on A is refused on B (401)', async () => {
  // B holds the key's row in its 5 s per-process copy; the change mark in Redis must reach it first (docs/security.md › API keys).
  const jar = await signIn(A_PORT, DEMO.owner.email, DEMO.password);
  const made = await call(A_PORT, 'POST', '/api/v1/api-keys', { jar, json: { name: `Two-instance key ${randomUUID().slice(0, 8)}`, scopes: ['catalog:read'] } });
  expect(made.status).toBe(201);
  const { id, secret } = made.body as { id: string; secret: string };
  const asKey = (port: number, path: string) => call(port, 'GET', path, { headers: { authorization: `Bearer ${secret}` } }).then((a) => a.status);
  const onB = async () => [await asKey(B_PORT, '/api/v1/products'), await asKey(B_PORT, '/api/v1/orders')];
  expect(await onB(), 'B honours the key and now holds its row').toEqual([200, 403]);

  const edited = await call(A_PORT, 'PATCH', `/api/v1/api-keys/${id}`, { jar, json: { scopes: ['orders:read'] } });
  expect([edited.status, edited.body.scopes]).toEqual([200, ['orders:read']]);
  await expect.poll(onB, { message: "B acts with the key's new scopes" }).toEqual([403, 200]);

  const revoked = await call(A_PORT, 'DELETE', `/api/v1/api-keys/${id}`, { jar });
  expect([revoked.status, revoked.body.status]).toEqual([200, 'revoked']);
  await expect.poll(() => asKey(B_PORT, '/api/v1/orders'), { message: 'B refuses the revoked key' }).toBe(401);
  expect(await asKey(A_PORT, '/api/v1/orders')).toBe(401);
});
