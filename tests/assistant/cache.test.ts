import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { salesSummary } from '@/lib/analytics';
import { assistantTools, resetAssistantModelForTests } from '@/lib/assistant';
import type { TenantContext } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { createOrder, createOrderSchema, payOrder } from '@/lib/orders';
import { resetConfigForTests } from '@/lib/platform/config';
import { logger } from '@/lib/platform/logger';
import { metrics } from '@/lib/platform/metrics';
import { redis, tenantKey } from '@/lib/platform/redis';
import { clockAt, setUpShop, type Shop } from '../analytics/fixtures';
import { question, send } from './chat-client';

process.env.ASSISTANT_PROVIDER = 'offline';
resetConfigForTests();
resetAssistantModelForTests();

// The sales land on the day the tools are asked about: the clock stands at noon (UTC, the shops' zone).
const TODAY = '2026-03-14';
const today = { from: TODAY, to: TODAY };
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(`${TODAY}T12:00:00Z`);
});
afterAll(() => {
  vi.useRealTimers();
});
afterEach(() => {
  vi.restoreAllMocks();
});

let a: Shop;
let b: Shop;
beforeAll(async () => {
  [a, b] = [await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true }), await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true })];
  await sell(a, 1);
  await deliver();
});

type Tools = ReturnType<typeof assistantTools>;
/** A tool as the SDK calls it. */
const call = <K extends keyof Tools>(ctx: TenantContext, name: K, input: Parameters<NonNullable<Tools[K]['execute']>>[0]) =>
  (assistantTools(ctx)[name].execute as unknown as (input: unknown, options: unknown) => Promise<Record<string, unknown>>)(input, { toolCallId: 'call-1', messages: [] });

/** A paid sale of `teas` teas (400 each, tax included). */
async function sell(shop: Shop, teas: number) {
  const id = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: shop.tea.variantId, quantity: teas }] }));
  await payOrder(shop.cashier, id, { tender: 'cash', tendered: 10_000 });
}

/** Runs the outbox until it is empty: the rollups' SalesFiguresChanged is appended by a handler, so it goes in a second round. */
async function deliver() {
  while ((await dispatchPending()) > 0);
}

/** How the tool's lookups went since `counted` was taken. */
async function lookups(tool: string): Promise<Record<string, number>> {
  const { values } = await metrics().assistantCache.get();
  return Object.fromEntries(values.filter((v) => v.labels.tool === tool).map((v) => [v.labels.result, v.value]));
}
async function counted<T>(tool: string, run: () => Promise<T>): Promise<{ result: T; hit: number; miss: number; unavailable: number }> {
  const before = await lookups(tool);
  const result = await run();
  const after = await lookups(tool);
  const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  return { result, hit: delta('hit'), miss: delta('miss'), unavailable: delta('unavailable') };
}

describe('the assistant cache', () => {
  it('answers a repeated lookup from the cache, with the same figures', async () => {
    const first = await counted('salesSummary', () => call(a.owner, 'salesSummary', today));
    const second = await counted('salesSummary', () => call(a.owner, 'salesSummary', today));
    expect(first).toMatchObject({ miss: 1, hit: 0, result: { net: 400, orders: 1 } });
    expect(second).toMatchObject({ miss: 0, hit: 1 });
    expect(second.result).toEqual(first.result);
    // Other arguments are another entry: best sellers by units after best sellers by money.
    expect((await counted('topProducts', () => call(a.owner, 'topProducts', { ...today, by: 'net' }))).miss).toBe(1);
    expect((await counted('topProducts', () => call(a.owner, 'topProducts', { ...today, by: 'quantity' }))).miss).toBe(1);
    expect((await counted('topProducts', () => call(a.owner, 'topProducts', { ...today, by: 'net' }))).hit).toBe(1);
  });

  it('serves the cached figure until the sale is delivered, then looks the new one up', async () => {
    await call(a.owner, 'tenderMix', today);
    await sell(a, 2);
    const beforeDelivery = await counted('tenderMix', () => call(a.owner, 'tenderMix', today));
    expect(beforeDelivery).toMatchObject({ hit: 1, result: { tenders: [{ tender: 'cash', net: 400 }] } });
    await deliver();
    const after = await counted('tenderMix', () => call(a.owner, 'tenderMix', today));
    expect(after).toMatchObject({ miss: 1, hit: 0, result: { tenders: [{ tender: 'cash', payments: 2, net: 1200 }] } });
    expect((await counted('tenderMix', () => call(a.owner, 'tenderMix', today))).hit).toBe(1);
  });

  it('does not bring old entries back when the version key is lost (evicted, flushed)', async () => {
    const lose = async () => (await redis()).del(tenantKey(a.t.tenant.id, 'assistant', 'cache-version'));
    await lose(); // the version starts again…
    const before = await call(a.owner, 'salesByStaff', today);
    await sell(a, 1);
    await deliver();
    await call(a.owner, 'salesByStaff', today); // (under the bumped version)
    await lose(); // …and again: it must not be the one \`before\` was written under
    const again = await counted('salesByStaff', () => call(a.owner, 'salesByStaff', today));
    expect(again.miss).toBe(1);
    expect(again.result).not.toEqual(before);
    expect(again.result).toEqual(await call(a.owner, 'salesByStaff', today));
  });

  it("keeps a tenant's entries when another tenant sells", async () => {
    const mine = await call(a.owner, 'salesByHour', today);
    await sell(b, 5);
    await deliver();
    const again = await counted('salesByHour', () => call(a.owner, 'salesByHour', today));
    expect(again).toMatchObject({ hit: 1, result: mine });
    expect(await call(b.owner, 'salesByHour', today)).toMatchObject({ busiest: [{ hour: 12, orders: 1, net: 2000 }] });
  });

  it('does not cache a failed lookup', async () => {
    const tooLong = { from: '2025-01-01', to: TODAY };
    for (let i = 0; i < 2; i++) {
      const { result, miss, hit } = await counted('refundsAndVoids', () => call(a.owner, 'refundsAndVoids', tooLong));
      expect(result).toEqual({ error: expect.stringContaining('At most 366 days') });
      expect({ miss, hit }).toEqual({ miss: 1, hit: 0 });
    }
  });

  it('reads the "right now" tools live: a parked order shows at once', async () => {
    const first = await counted('openOrders', () => call(a.owner, 'openOrders', {}));
    await createOrder(a.cashier, createOrderSchema.parse({ type: 'takeaway', park: true, lines: [{ variantId: a.cake.variantId, quantity: 1 }] }));
    const second = await counted('openOrders', () => call(a.owner, 'openOrders', {}));
    expect(second.result.count).toBe((first.result.count as number) + 1);
    expect([first, second].map(({ hit, miss, unavailable }) => hit + miss + unavailable)).toEqual([0, 0]);
  });

  it('answers without the cache while Redis fails, and warns once', async () => {
    const client = await redis();
    vi.spyOn(client, 'get').mockRejectedValue(new Error('connect ECONNREFUSED'));
    const warn = vi.spyOn(logger, 'warn');
    const expected = await salesSummary(a.owner, today);
    for (let i = 0; i < 2; i++) {
      const { result, unavailable, hit, miss } = await counted('salesSummary', () => call(a.owner, 'salesSummary', today));
      expect(result).toMatchObject({ net: expected.net.value, orders: expected.orders.value });
      expect({ unavailable, hit, miss }).toEqual({ unavailable: 1, hit: 0, miss: 0 });
    }
    expect(warn).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect((await counted('salesSummary', () => call(a.owner, 'salesSummary', today))).unavailable).toBe(0);
  });

  it('serves the repeated question of a chat from the cache', async () => {
    const chat = crypto.randomUUID();
    const ask = async () => {
      const turn = await send(a.t, a.t.owner, question(chat, 'Best sellers this week?'));
      expect(turn.res.status).toBe(200);
      return turn.text;
    };
    const first = await counted('topProducts', ask);
    const second = await counted('topProducts', ask);
    expect(first).toMatchObject({ miss: 1, hit: 0 });
    expect(second).toMatchObject({ miss: 0, hit: 1 });
    expect(second.result).toBe(first.result);
    expect(first.result).toContain('Tea');
  });
});
