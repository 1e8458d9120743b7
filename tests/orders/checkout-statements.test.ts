import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@/gateway/server';
import * as ordersRoute from '@/app/api/v1/orders/route';
import { receiveStock } from '@/lib/inventory';
import { metrics } from '@/lib/platform/metrics';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, startGateway, type TestTenant } from '../helpers';

/**
 * What a cash checkout costs the database, counted (docs/performance.md, issue 13): the statements
 * postgres.js sends for one `POST /api/v1/orders` of 3 lines and a cash tender with its
 * Idempotency-Key. A count, not a timing; PGlite's statements are not counted (db/client.ts hooks
 * postgres.js only).
 */
describe.runIf(process.env.DATABASE_URL)('a cash checkout', () => {
  let t: TestTenant;
  let location: string;
  let gateway: Gateway;
  const variants: string[] = [];
  beforeAll(async () => {
    gateway = await startGateway();
    t = await createTenant();
    location = await mainLocation(t);
    for (let i = 0; i < 3; i++) {
      const product = await createStockedProduct(t);
      variants.push(product.variants[0]!.id);
    }
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: variants.map((variantId) => ({ variantId, quantity: 100 })) });
  });

  afterAll(() => gateway.close());

  const cash = { tender: 'cash', tendered: 1_000_000 };
  const sale = (tender: object) => ({ type: 'retail', locationId: location, lines: variants.map((variantId) => ({ variantId, quantity: 1 })), payments: [tender] });
  const checkout = async (tender: object = cash) =>
    json(await ordersRoute.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: sale(tender), headers: { 'idempotency-key': crypto.randomUUID() } }), noParams));
  const sent = async () => (await metrics().dbQueries.get()).values[0]?.value ?? 0;

  it('is a fixed, small number of statements', async () => {
    expect((await checkout()).status).toBe(201); // first sale of the process: caches filled
    const before = await sent();
    const answer = await checkout();
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('completed');
    // Measured, 13: the key's claim; BEGIN, set_config; settings, prices, sold-out items; the
    // three items' stock and their ledger rows in one statement; the order (its number taken in it,
    // written paid by the cash), its lines; the cash tender; the outbox's one insert of the sale's
    // events; COMMIT; the key's completion. Was 24, 21 with the quote read in the sale's transaction, 19 with the
    // events in one insert, 17 with the stock in one update, 16 with the number taken in the order's
    // insert, 15 with the tender's refusal checked before it writes (no savepoint around it), 14
    // with the ledger rows written by the stock update, 13 with the order written paid (no update after).
    expect((await sent()) - before).toBeLessThanOrEqual(13);
  });

  it('by card is a fixed number of statements too', async () => {
    const card = { tender: 'card', source: 'tok_visa' };
    expect((await checkout(card)).status).toBe(201);
    const before = await sent();
    const answer = await checkout(card);
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('completed');
    // Measured, 21: the key's claim; the sale's 10 as for cash, its pending card payment written in
    // the sale's transaction; the gateway's charge; the settling transaction (BEGIN, set_config, the
    // payment locked and captured, the order locked and paid, the outbox, COMMIT); the key's
    // completion — the answer made from the rows written. Was 35 (a transaction for the pending
    // payment, and the order read back in another).
    expect((await sent()) - before).toBeLessThanOrEqual(21);
  });
});
