import { beforeAll, describe, expect, it } from 'vitest';
import * as ordersRoute from '@/app/api/v1/orders/route';
import { receiveStock } from '@/lib/inventory';
import { metrics } from '@/lib/platform/metrics';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, type TestTenant } from '../helpers';

/**
 * What a cash checkout costs the database, counted (docs/performance.md, issue 13): the statements
 * postgres.js sends for one `POST /api/v1/orders` of 3 lines and a cash tender with its
 * Idempotency-Key. A count, not a timing; PGlite's statements are not counted (db/client.ts hooks
 * postgres.js only).
 */
describe.runIf(process.env.DATABASE_URL)('a cash checkout', () => {
  let t: TestTenant;
  let location: string;
  const variants: string[] = [];
  beforeAll(async () => {
    t = await createTenant();
    location = await mainLocation(t);
    for (let i = 0; i < 3; i++) {
      const product = await createStockedProduct(t);
      variants.push(product.variants[0]!.id);
    }
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: variants.map((variantId) => ({ variantId, quantity: 100 })) });
  });

  const sale = () => ({ type: 'retail', locationId: location, lines: variants.map((variantId) => ({ variantId, quantity: 1 })), payments: [{ tender: 'cash', tendered: 1_000_000 }] });
  const checkout = async () =>
    json(await ordersRoute.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: sale(), headers: { 'idempotency-key': crypto.randomUUID() } }), noParams));
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
});
