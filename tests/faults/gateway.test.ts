/**
 * The card gateway down, slow, and failing after it captured: the breaker opens and cash sells
 * on; no card is ever charged twice (the gateway's ledger against the payments table); what the
 * app could not learn at the till it settles on its own — the recovery job (at start-up and
 * every minute, docs/architecture.md › Card payments) — with every payment out of `pending`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cashCheckout, eventually, ok, send, startHarness, type Harness, type Outcome, type Shop } from './harness';

let h: Harness;
let shop: Shop;

beforeAll(async () => {
  h = await startHarness({
    appEnv: {
      GATEWAY_TIMEOUT_MS: '1000', // the "slow" gateway answers after 3 s: past it
      BREAKER_HALF_OPEN_MS: '2000',
      GATEWAY_PROCESSING_WINDOW_MS: '5000',
    },
  });
  shop = await h.shop();
});

afterAll(async () => {
  await h?.stop();
});

const cardCheckout = (i: number) => {
  const key = randomUUID();
  return send(() => h.request(shop, 'POST', '/api/v1/orders', { body: { ...shop.cart(i), payments: [{ tender: 'card', source: 'tok_visa' }] }, idempotencyKey: key }), key);
};
type Answer = { id: string; status: string; paymentError: { code: string; message: string } | null };
const answer = (o: Outcome) => o.body as Answer;
const breaker = async () => (JSON.parse((await h.request(shop, 'GET', '/api/v1/payments/status')).body) as { card: { state: string } }).card.state;

it('opens the breaker, sells for cash, never charges twice, and settles what was left pending', async () => {
  let i = 0;
  const all: Outcome[] = [];
  const card = async () => {
    const o = await cardCheckout(i++);
    all.push(o);
    return o;
  };

  // Healthy: cards are paid at once.
  for (let k = 0; k < 3; k++) expect(answer(await card())).toMatchObject({ status: 'completed', paymentError: null });

  // Down: each card is refused with "nothing was charged" until the breaker opens; cash sells on.
  h.gateway.control.down = true;
  for (let k = 0; k < 8 && (await breaker()) !== 'open'; k++) {
    const o = await card();
    expect(o.status).toBe(201);
    expect(answer(o).paymentError).toMatchObject({ code: 'unavailable' });
  }
  expect(await breaker()).toBe('open');
  const whileOpen = await card();
  expect(answer(whileOpen).paymentError?.message).toMatch(/Card payments are unavailable/);
  for (let k = 0; k < 5; k++) expect(answer(await cashCheckout(h, shop, i++))).toMatchObject({ status: 'completed', paymentError: null });

  // Back: past the half-open period two good calls in a row close the circuit again.
  h.gateway.control.down = false;
  const healthy = () => eventually(async () => answer(await card()).status === 'completed' && (await breaker()) === 'closed', 30);
  expect(await healthy()).toBe(true);

  // Charged, but the answer lost (a 500 after capturing): the same key asks again and gets the
  // stored answer, or — the breaker refusing the retry — the card is left pending. Never failed.
  const unknown: Outcome[] = [];
  h.gateway.control.failAfterCaptureNext = 3;
  for (let k = 0; k < 3; k++) {
    const o = await card();
    if (answer(o).status === 'completed') continue;
    expect(answer(o).paymentError).toMatchObject({ code: 'payment_pending' });
    unknown.push(o);
  }

  // Slow: every attempt times out here while the gateway still captures after its wait, so the
  // till cannot know; the card is left pending ("do not charge it again").
  expect(await healthy()).toBe(true);
  h.gateway.control.latencyMs = 3000;
  // (One card: its timed-out attempts and retries count towards the breaker, so a second would
  // likely meet it open — refused, nothing sent, as the "down" case above.)
  const slow = await card();
  expect(answer(slow).paymentError).toMatchObject({ code: 'payment_pending' });
  unknown.push(slow);
  h.gateway.control.latencyMs = 0;
  // Cash meanwhile, whatever the breaker thinks of those timeouts.
  expect(answer(await cashCheckout(h, shop, i++))).toMatchObject({ status: 'completed' });

  // Recovery (its own schedule; nothing asked) settles every pending card from the gateway's answer.
  const pendingLeft = async () => (await h.sql`select 1 from payments where tenant_id = ${shop.tenantId} and status = 'pending'`).length;
  expect(await eventually(async () => (await pendingLeft()) === 0, 150)).toBe(true);
  for (const o of unknown) {
    const [row] = await h.sql<{ status: string }[]>`select status from orders where tenant_id = ${shop.tenantId} and id = ${answer(o).id}`;
    expect(row?.status).toBe('completed');
  }

  // The gateway's ledger against the payments table: one capture per captured payment, same amount.
  const ledger = h.gateway.ledger().filter((e) => e.merchant === shop.tenantId && e.type === 'capture');
  const byPayment = new Map<string, number>();
  for (const e of ledger) byPayment.set(e.paymentId, (byPayment.get(e.paymentId) ?? 0) + 1);
  expect([...byPayment.values()].filter((n) => n > 1)).toEqual([]);
  const captured = await h.sql<{ id: string; amount: number; tip: number; gatewayPaymentId: string }[]>`
    select id, amount, tip, gateway_payment_id as "gatewayPaymentId" from payments where tenant_id = ${shop.tenantId} and tender = 'card' and status = 'captured'`;
  expect(captured.length).toBe(ledger.length);
  const ledgerByKey = new Map(ledger.map((e) => [e.idempotencyKey, e]));
  for (const p of captured) expect(ledgerByKey.get(p.id)).toMatchObject({ paymentId: p.gatewayPaymentId, amount: p.amount + p.tip });
  expect(all.filter((o) => !ok(o))).toEqual([]);
});
