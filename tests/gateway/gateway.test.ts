import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGateway, type Gateway, type LedgerEntry, type Payment } from '@/gateway/server';

const API_KEY = 'sk_test_vitest';
let gw: Gateway;
let base: string;
let keySeq = 0;
const newKey = () => `key-${++keySeq}`;

beforeAll(async () => {
  gw = createGateway({ apiKey: API_KEY });
  base = await gw.listen(0);
});
afterEach(() => gw.reset());
afterAll(async () => {
  await gw.close();
});

interface CallOptions {
  body?: unknown;
  rawBody?: string;
  key?: string;
  auth?: string | null; // null: no Authorization header
}

async function call(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const auth = options.auth === undefined ? `Bearer ${API_KEY}` : options.auth;
  if (auth !== null) headers.Authorization = auth;
  if (options.key) headers['Idempotency-Key'] = options.key;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as any };
}

const payment = (overrides: Record<string, unknown> = {}) => ({
  merchant: 'acme',
  amount: 1250,
  currency: 'USD',
  source: 'tok_visa',
  reference: 'ord_1',
  ...overrides,
});

const pay = (body: Record<string, unknown> = payment(), key = newKey()) => call('POST', '/v1/payments', { body, key });
const control = (body: Record<string, unknown>) => call('POST', '/__control', { body });
const captures = (entries: LedgerEntry[], paymentId?: string) =>
  entries.filter((e) => e.type === 'capture' && (paymentId === undefined || e.paymentId === paymentId));

describe('payments', () => {
  it('approves tok_visa and tok_mastercard, capturing by default', async () => {
    const key = newKey();
    const visa = await pay(payment({ description: 'Table 4' }), key);
    expect(visa.status).toBe(201);
    const p = visa.json as Payment;
    expect(p).toMatchObject({
      status: 'captured',
      amount: 1250,
      currency: 'USD',
      merchant: 'acme',
      reference: 'ord_1',
      description: 'Table 4',
      idempotencyKey: key,
      declineCode: null,
      card: { brand: 'visa', last4: '4242' },
      refunded: 0,
      refunds: [],
    });
    expect(p.id).toMatch(/^pay_/);
    expect(p.capturedAt).toBe(p.createdAt);
    expect(visa.headers.get('idempotent-replayed')).toBeNull();

    const mc = await pay(payment({ source: 'tok_mastercard', currency: 'mmk', amount: 3500 }));
    expect(mc.status).toBe(201);
    expect(mc.json).toMatchObject({ status: 'captured', currency: 'MMK', card: { brand: 'mastercard' } });
    expect(captures(gw.ledger())).toHaveLength(2);
  });

  it.each([
    ['tok_declined', 'card_declined'],
    ['tok_insufficient_funds', 'insufficient_funds'],
    ['tok_expired', 'expired_card'],
  ])('declines %s with %s and moves no money', async (source, declineCode) => {
    const res = await pay(payment({ source }));
    expect(res.status).toBe(402);
    expect(res.json).toMatchObject({ status: 'declined', declineCode, amount: 1250, merchant: 'acme', reference: 'ord_1', capturedAt: null });
    expect(res.json.id).toMatch(/^pay_/);
    expect(gw.ledger()).toEqual([]);
  });

  it('rejects an unknown token with invalid_source', async () => {
    const res = await pay(payment({ source: 'tok_amex' }));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_source');
    expect(res.json.error.message).toContain('source');
  });

  it('authorizes without capturing, then captures exactly once', async () => {
    const created = await pay(payment({ capture: false }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'authorized', capturedAt: null });
    expect(gw.ledger()).toEqual([]);
    const id = created.json.id as string;

    const captureKey = newKey();
    const captured = await call('POST', `/v1/payments/${id}/capture`, { key: captureKey });
    expect(captured.status).toBe(200);
    expect(captured.json).toMatchObject({ id, status: 'captured' });
    expect(captured.json.capturedAt).toEqual(expect.any(String));

    // Replay with the same key, and capturing again with another key: both return it, no new capture.
    const replay = await call('POST', `/v1/payments/${id}/capture`, { key: captureKey });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(captured.text);
    const again = await call('POST', `/v1/payments/${id}/capture`, { key: newKey(), body: {} });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe('captured');

    expect(captures(gw.ledger())).toEqual([
      expect.objectContaining({ type: 'capture', paymentId: id, amount: 1250, currency: 'USD', merchant: 'acme', idempotencyKey: captureKey }),
    ]);
  });

  it('refuses to capture a declined or unknown payment', async () => {
    const declined = await pay(payment({ source: 'tok_declined' }));
    const res = await call('POST', `/v1/payments/${declined.json.id}/capture`, { key: newKey() });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('payment_declined');

    const unknown = await call('POST', '/v1/payments/pay_nope/capture', { key: newKey() });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('not_found');

    const noKey = await call('POST', `/v1/payments/${declined.json.id}/capture`);
    expect(noKey.status).toBe(400);
  });

  it('voids an authorized payment (no money moves, it can no longer be captured or refunded); a captured one is 409', async () => {
    const created = await pay(payment({ capture: false }));
    const id = created.json.id as string;
    const voidKey = newKey();
    const voided = await call('POST', `/v1/payments/${id}/void`, { key: voidKey });
    expect(voided.status).toBe(200);
    expect(voided.json).toMatchObject({ id, status: 'voided', capturedAt: null });
    const replay = await call('POST', `/v1/payments/${id}/void`, { key: voidKey });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(voided.text);

    const capture = await call('POST', `/v1/payments/${id}/capture`, { key: newKey() });
    expect(capture).toMatchObject({ status: 409, json: { error: { code: 'payment_voided' } } });
    const refund = await call('POST', `/v1/payments/${id}/refunds`, { key: newKey(), body: { amount: 100 } });
    expect(refund).toMatchObject({ status: 409, json: { error: { code: 'payment_not_captured' } } });
    expect(gw.ledger()).toEqual([]);

    const captured = await pay();
    const tooLate = await call('POST', `/v1/payments/${captured.json.id}/void`, { key: newKey() });
    expect(tooLate).toMatchObject({ status: 409, json: { error: { code: 'payment_captured' } } });
    const declined = await pay(payment({ source: 'tok_declined' }));
    expect(await call('POST', `/v1/payments/${declined.json.id}/void`, { key: newKey() })).toMatchObject({ status: 409, json: { error: { code: 'payment_declined' } } });
    expect(await call('POST', '/v1/payments/pay_nope/void', { key: newKey() })).toMatchObject({ status: 404 });
    expect((await call('POST', `/v1/payments/${id}/void`)).status).toBe(400);
  });

  it('shows a payment by id, and 404 for an unknown one', async () => {
    const created = await pay();
    const res = await call('GET', `/v1/payments/${created.json.id}`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual(created.json);
    const missing = await call('GET', '/v1/payments/pay_missing');
    expect(missing.status).toBe(404);
  });
});

describe('authentication and validation', () => {
  it('requires the API key as a Bearer token on every endpoint', async () => {
    for (const auth of [null, 'Bearer wrong', API_KEY, `Basic ${API_KEY}`]) {
      const res = await call('POST', '/v1/payments', { body: payment(), key: newKey(), auth });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
      expect(res.json.error.message).toEqual(expect.any(String));
    }
    expect((await call('GET', '/v1/ledger', { auth: null })).status).toBe(401);
    expect((await call('GET', '/__control', { auth: null })).status).toBe(401);
    expect((await call('POST', '/__control', { auth: null, body: { down: true } })).status).toBe(401);
    expect(gw.control.down).toBe(false);
    expect(gw.ledger()).toEqual([]);
  });

  it('requires an Idempotency-Key on payments and refunds', async () => {
    const res = await call('POST', '/v1/payments', { body: payment() });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'invalid_request' });
    expect(res.json.error.message).toContain('Idempotency-Key');
    const created = await pay();
    const refund = await call('POST', `/v1/payments/${created.json.id}/refunds`, { body: { amount: 1 } });
    expect(refund.status).toBe(400);
    expect(refund.json.error.message).toContain('Idempotency-Key');
  });

  it.each([
    ['amount', { amount: 0 }],
    ['amount', { amount: -5 }],
    ['amount', { amount: 12.5 }],
    ['amount', { amount: '1250' }],
    ['merchant', { merchant: undefined }],
    ['merchant', { merchant: '' }],
    ['currency', { currency: 'DOLLARS' }],
    ['currency', { currency: undefined }],
    ['source', { source: 42 }],
    ['capture', { capture: 'yes' }],
    ['surprise', { surprise: true }],
  ])('rejects a bad %s (%j) with invalid_request naming the field', async (field, overrides) => {
    const res = await pay(payment(overrides));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    expect(res.json.error.message).toContain(field);
  });

  it('answers 400 to bad JSON and 404 to unknown routes', async () => {
    const bad = await call('POST', '/v1/payments', { rawBody: '{"merchant": ', key: newKey() });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_json');
    const array = await call('POST', '/v1/payments', { rawBody: '[]', key: newKey() });
    expect(array.status).toBe(400);
    for (const path of ['/v1/charges', '/v2/payments', '/', '/v1/payments/pay_1/voids']) {
      const res = await call('GET', path);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
    expect(gw.ledger()).toEqual([]);
  });

  it('validates refunds', async () => {
    const created = await pay();
    for (const body of [{ amount: 0 }, { amount: 1.5 }, {}, { amount: 1, reason: 7 }]) {
      const res = await call('POST', `/v1/payments/${created.json.id}/refunds`, { body, key: newKey() });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
      expect(res.json.error.message).toMatch(/amount|reason/);
    }
  });
});

describe('idempotency', () => {
  it('replays the stored status and body for the same key and body, without charging again', async () => {
    const key = newKey();
    const first = await pay(payment(), key);
    // Same JSON with the keys in another order is the same request.
    const { reference, ...rest } = payment();
    const second = await pay({ reference, ...rest }, key);
    expect(second.status).toBe(201);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(captures(gw.ledger())).toHaveLength(1);

    const declineKey = newKey();
    const declined = await pay(payment({ source: 'tok_declined' }), declineKey);
    const declinedAgain = await pay(payment({ source: 'tok_declined' }), declineKey);
    expect(declinedAgain.status).toBe(402);
    expect(declinedAgain.text).toBe(declined.text);
    expect(declinedAgain.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 422 idempotency_mismatch when the key comes back with a different body', async () => {
    const key = newKey();
    await pay(payment(), key);
    const res = await pay(payment({ amount: 9999 }), key);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('idempotency_mismatch');
    expect(captures(gw.ledger())).toHaveLength(1);
  });

  it('scopes keys per merchant', async () => {
    const key = newKey();
    const acme = await pay(payment(), key);
    const demo = await pay(payment({ merchant: 'demo' }), key);
    expect(demo.status).toBe(201);
    expect(demo.headers.get('idempotent-replayed')).toBeNull();
    expect(demo.json.id).not.toBe(acme.json.id);
    expect(captures(gw.ledger())).toHaveLength(2);
  });

  it('answers 409 request_in_progress to a concurrent duplicate', async () => {
    await control({ latencyMs: 1500 });
    const key = newKey();
    const results = await Promise.all([pay(payment(), key), pay(payment(), key)]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.json.error.code).toBe('request_in_progress');
    expect(captures(gw.ledger())).toHaveLength(1);

    await control({ latencyMs: 0 });
    const later = await pay(payment(), key);
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(later.text).toBe(results.find((r) => r.status === 201)!.text);
  });

  it('keeps processing a request whose client timed out; a retry then replays it', async () => {
    await control({ latencyMs: 1000 });
    const key = newKey();
    const timedOut = await fetch(`${base}/v1/payments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Idempotency-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify(payment()),
      signal: AbortSignal.timeout(100),
    }).then(
      () => 'answered',
      (err: unknown) => (err as Error).name,
    );
    expect(timedOut).toBe('TimeoutError');
    await control({ latencyMs: 0 });

    // Still being processed: a retry is told so and must not charge a second time.
    const early = await pay(payment(), key);
    if (early.status === 409) expect(early.json.error.code).toBe('request_in_progress');
    else expect(early.headers.get('idempotent-replayed')).toBe('true');

    await vi.waitFor(
      async () => {
        const found = await call('GET', `/v1/payments?merchant=acme&idempotency_key=${key}`);
        expect(found.json.data).toHaveLength(1);
      },
      { timeout: 10_000, interval: 50 },
    );
    const retry = await pay(payment(), key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(captures(gw.ledger())).toHaveLength(1);
  });

  it('finds a payment by merchant and idempotency key', async () => {
    const key = newKey();
    const created = await pay(payment(), key);
    const found = await call('GET', `/v1/payments?merchant=acme&idempotency_key=${key}`);
    expect(found.status).toBe(200);
    expect(found.json).toEqual({ data: [created.json] });

    expect((await call('GET', `/v1/payments?merchant=demo&idempotency_key=${key}`)).json).toEqual({ data: [] });
    expect((await call('GET', '/v1/payments?merchant=acme&idempotency_key=never-used')).json).toEqual({ data: [] });

    const declineKey = newKey();
    await pay(payment({ source: 'tok_expired' }), declineKey);
    const declined = await call('GET', `/v1/payments?merchant=acme&idempotency_key=${declineKey}`);
    expect(declined.json.data).toEqual([expect.objectContaining({ status: 'declined', declineCode: 'expired_card' })]);

    const noMerchant = await call('GET', `/v1/payments?idempotency_key=${key}`);
    expect(noMerchant.status).toBe(400);
    expect(noMerchant.json.error.message).toContain('merchant');
  });
});

describe('refunds', () => {
  it('refunds partially, in steps, up to the captured amount and no further', async () => {
    const created = await pay(payment({ amount: 1000 }));
    const id = created.json.id as string;
    const firstKey = newKey();
    const first = await call('POST', `/v1/payments/${id}/refunds`, { body: { amount: 300, reason: 'cold tea' }, key: firstKey });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ paymentId: id, amount: 300, status: 'succeeded', reason: 'cold tea' });
    expect(first.json.id).toMatch(/^re_/);
    expect(first.json.createdAt).toEqual(expect.any(String));

    const replay = await call('POST', `/v1/payments/${id}/refunds`, { body: { reason: 'cold tea', amount: 300 }, key: firstKey });
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(first.text);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const mismatch = await call('POST', `/v1/payments/${id}/refunds`, { body: { amount: 301 }, key: firstKey });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error.code).toBe('idempotency_mismatch');

    const tooMuch = await call('POST', `/v1/payments/${id}/refunds`, { body: { amount: 701 }, key: newKey() });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.error.code).toBe('amount_exceeds_refundable');

    const rest = await call('POST', `/v1/payments/${id}/refunds`, { body: { amount: 700 }, key: newKey() });
    expect(rest.status).toBe(201);
    const oneMore = await call('POST', `/v1/payments/${id}/refunds`, { body: { amount: 1 }, key: newKey() });
    expect(oneMore.status).toBe(422);
    expect(oneMore.json.error.code).toBe('amount_exceeds_refundable');

    const shown = await call('GET', `/v1/payments/${id}`);
    expect(shown.json.refunded).toBe(1000);
    expect(shown.json.refunds.map((r: { id: string }) => r.id)).toEqual([first.json.id, rest.json.id]);

    const refunds = gw.ledger().filter((e) => e.type === 'refund');
    expect(refunds).toEqual([
      expect.objectContaining({ paymentId: id, refundId: first.json.id, amount: 300, idempotencyKey: firstKey }),
      expect.objectContaining({ paymentId: id, refundId: rest.json.id, amount: 700 }),
    ]);
  });

  it('refuses to refund unknown, declined or only authorized payments', async () => {
    const unknown = await call('POST', '/v1/payments/pay_nope/refunds', { body: { amount: 1 }, key: newKey() });
    expect(unknown.status).toBe(404);

    const declined = await pay(payment({ source: 'tok_insufficient_funds' }));
    const r1 = await call('POST', `/v1/payments/${declined.json.id}/refunds`, { body: { amount: 1 }, key: newKey() });
    expect(r1.status).toBe(409);
    expect(r1.json.error.code).toBe('payment_not_captured');

    const authorized = await pay(payment({ capture: false }));
    const r2 = await call('POST', `/v1/payments/${authorized.json.id}/refunds`, { body: { amount: 1 }, key: newKey() });
    expect(r2.status).toBe(409);
    expect(gw.ledger()).toEqual([]);
  });
});

describe('ledger', () => {
  it('lists every money movement in order, over HTTP and in-process', async () => {
    const a = await pay(payment({ amount: 500 }), 'ledger-a');
    await pay(payment({ source: 'tok_declined' }));
    const b = await pay(payment({ merchant: 'demo', currency: 'MMK', amount: 4200, capture: false }), 'ledger-b');
    await call('POST', `/v1/payments/${b.json.id}/capture`, { key: 'ledger-b-capture' });
    const refund = await call('POST', `/v1/payments/${a.json.id}/refunds`, { body: { amount: 200 }, key: 'ledger-a-refund' });

    const res = await call('GET', '/v1/ledger');
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([
      { type: 'capture', paymentId: a.json.id, merchant: 'acme', amount: 500, currency: 'USD', idempotencyKey: 'ledger-a', at: expect.any(String) },
      { type: 'capture', paymentId: b.json.id, merchant: 'demo', amount: 4200, currency: 'MMK', idempotencyKey: 'ledger-b-capture', at: expect.any(String) },
      { type: 'refund', paymentId: a.json.id, refundId: refund.json.id, merchant: 'acme', amount: 200, currency: 'USD', idempotencyKey: 'ledger-a-refund', at: expect.any(String) },
    ]);
    expect(gw.ledger()).toEqual(res.json.data);
    expect((await call('GET', '/v1/ledger?merchant=demo')).json.data).toHaveLength(1);

    // The in-process copy cannot be used to change the gateway's ledger.
    gw.ledger().pop();
    expect(gw.ledger()).toHaveLength(3);
  });
});

describe('fault injection', () => {
  it('reads and changes the faults through /__control, and reset:true clears faults but not data', async () => {
    const created = await pay();
    expect((await call('GET', '/__control')).json).toEqual({ down: false, errorRate: 0, latencyMs: 0, failNext: 0, failAfterCaptureNext: 0 });
    const set = await control({ errorRate: 0.25, latencyMs: 5, failNext: 2, failAfterCaptureNext: 1 });
    expect(set.status).toBe(200);
    expect(set.json).toEqual({ down: false, errorRate: 0.25, latencyMs: 5, failNext: 2, failAfterCaptureNext: 1 });
    expect(gw.control).toEqual(set.json);

    for (const body of [{ errorRate: 2 }, { latencyMs: -1 }, { failNext: 1.5 }, { down: 'yes' }, { chaos: true }]) {
      const bad = await control(body);
      expect(bad.status).toBe(400);
      expect(bad.json.error.code).toBe('invalid_request');
    }

    const cleared = await control({ reset: true });
    expect(cleared.json).toEqual({ down: false, errorRate: 0, latencyMs: 0, failNext: 0, failAfterCaptureNext: 0 });
    expect((await call('GET', `/v1/payments/${created.json.id}`)).status).toBe(200);
  });

  it('down: every /v1 request gets 503 unavailable and nothing changes', async () => {
    const created = await pay();
    await control({ down: true });
    const key = newKey();
    const res = await pay(payment(), key);
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('unavailable');
    expect((await call('GET', `/v1/payments/${created.json.id}`)).status).toBe(503);
    expect((await call('POST', `/v1/payments/${created.json.id}/refunds`, { body: { amount: 1 }, key: newKey() })).status).toBe(503);
    expect((await call('GET', `/v1/payments?merchant=acme&idempotency_key=${key}`)).status).toBe(503);

    await control({ down: false });
    expect((await call('GET', `/v1/payments?merchant=acme&idempotency_key=${key}`)).json).toEqual({ data: [] });
    const retry = await pay(payment(), key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(captures(gw.ledger())).toHaveLength(2);
  });

  it('failNext: the next n /v1 requests fail with 500 before any change', async () => {
    await control({ failNext: 2 });
    const key = newKey();
    const first = await pay(payment(), key);
    expect(first.status).toBe(500);
    expect(first.json.error.code).toBe('internal_error');
    // A different body under the same key is not a mismatch: the failed request left no record.
    const second = await pay(payment({ amount: 1 }), key);
    expect(second.status).toBe(500);
    expect(gw.ledger()).toEqual([]);
    expect(gw.control.failNext).toBe(0);

    const third = await pay(payment(), key);
    expect(third.status).toBe(201);
    expect(third.headers.get('idempotent-replayed')).toBeNull();
    expect(captures(gw.ledger())).toHaveLength(1);
  });

  it('errorRate: 1 fails every /v1 request with 500 and changes nothing; 0 stops it', async () => {
    const created = await pay(payment({ amount: 800 }));
    await control({ errorRate: 1 });
    const key = newKey();
    for (let i = 0; i < 5; i++) {
      const res = await pay(payment(), key);
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe('internal_error');
    }
    const refund = await call('POST', `/v1/payments/${created.json.id}/refunds`, { body: { amount: 800 }, key: newKey() });
    expect(refund.status).toBe(500);
    // The ledger is for observing, so it stays readable under faults.
    expect((await call('GET', '/v1/ledger')).json.data).toHaveLength(1);

    gw.control.errorRate = 0; // in-process control works as well
    expect((await pay(payment(), key)).status).toBe(201);
    expect((await call('GET', `/v1/payments/${created.json.id}`)).json.refunded).toBe(0);
    expect(captures(gw.ledger())).toHaveLength(2);
  });

  it('failAfterCaptureNext: captured but answered 500; the retry replays the 201 and never captures twice', async () => {
    await control({ failAfterCaptureNext: 1 });
    const key = newKey();
    const lost = await pay(payment(), key);
    expect(lost.status).toBe(500);
    expect(lost.json.error.code).toBe('internal_error');
    expect(gw.control.failAfterCaptureNext).toBe(0);

    // The gateway did capture: the crash-recovery lookup sees it.
    const found = await call('GET', `/v1/payments?merchant=acme&idempotency_key=${key}`);
    expect(found.json.data).toEqual([expect.objectContaining({ status: 'captured', idempotencyKey: key })]);
    const paymentId = found.json.data[0].id as string;
    expect(captures(gw.ledger(), paymentId)).toHaveLength(1);

    const retry = await pay(payment(), key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toMatchObject({ id: paymentId, status: 'captured' });
    const retryAgain = await pay(payment(), key);
    expect(retryAgain.text).toBe(retry.text);

    expect(captures(gw.ledger())).toHaveLength(1);
    expect(captures(gw.ledger(), paymentId)).toHaveLength(1);
  });

  it('reset() forgets payments, keys, the ledger and faults', async () => {
    const key = newKey();
    const created = await pay(payment(), key);
    gw.control.failNext = 3;
    gw.reset();
    expect(gw.ledger()).toEqual([]);
    expect(gw.control.failNext).toBe(0);
    expect((await call('GET', `/v1/payments/${created.json.id}`)).status).toBe(404);
    const again = await pay(payment(), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});
