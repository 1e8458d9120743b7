import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orders as ordersTable } from '@/db/schema/orders';
import { discountsGiven, salesSummary } from '@/lib/analytics';
import { resetAssistantModelForTests } from '@/lib/assistant';
import type { TenantContext } from '@/lib/auth';
import { getVariants } from '@/lib/catalog';
import { dispatchPending } from '@/lib/events';
import { listLevels, receiveStock } from '@/lib/inventory';
import { createOrder, createOrderSchema, getOrder, orderSearchSchema, payOrder, searchOrders } from '@/lib/orders';
import { resetConfigForTests } from '@/lib/platform/config';
import { withTenant } from '@/lib/platform/db';
import { formatMoney } from '@/lib/platform/money';
import { clockAt, setUpShop, type Shop } from '../analytics/fixtures';
import { createStockedProduct } from '../helpers';
import { body, send as ask } from './chat-client';

/**
 * The question kinds added for issue #11's second part — discounts, a comparison of two periods,
 * finding an order by amount and time, the stock's value — asked through the real chat route of
 * the offline model, in English and Myanmar: each answer carries the figures lib/analytics,
 * lib/orders and lib/inventory give when called directly, cites them, and reads period words
 * and times of day in the tenant's time zone.
 */
process.env.ASSISTANT_PROVIDER = 'offline';
process.env.ASSISTANT_RATE_LIMIT = '1000';
resetConfigForTests();
resetAssistantModelForTests();

// Saturday 2026-03-14 at noon (UTC); the week began on Monday 2026-03-09.
const NOON = '2026-03-14T12:00:00Z';
const [TODAY, YESTERDAY] = ['2026-03-14', '2026-03-13'];
let shop: Shop;

/** A cash sale rung up at `at` (the clock then; the database's own clock too, as a real Postgres keeps real time). */
async function ringAt(s: Shop, at: string, lines: [variantId: string, quantity: number][], orderDiscount: { kind: 'amount'; amount: number } | null = null) {
  clockAt(at);
  const id = await createOrder(s.manager, createOrderSchema.parse({ type: 'takeaway', lines: lines.map(([variantId, quantity]) => ({ variantId, quantity })), orderDiscount }));
  const { total, number } = await getOrder({ tenantId: s.t.tenant.id }, id);
  await payOrder(s.manager, id, { tender: 'cash', tendered: total });
  await withTenant(s.t.tenant.id, (tx) => tx.update(ordersTable).set({ createdAt: sql`${at}::timestamptz` }).where(eq(ordersTable.id, id)));
  return { id, number, total };
}

const range = (from: string, to = from) => ({ from, to });
const cited = (figure: string, link: string) => `[${figure}](${link})`;
const usd = (minor: number) => formatMoney(minor, 'USD');

let near: { id: string; number: number; total: number };
let earlier: { id: string; number: number; total: number };
let later: { id: string; number: number; total: number };

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt(NOON);
  shop = await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true });
  const { tea, cake } = shop; // tea 4.00, cake 1.00
  near = await ringAt(shop, `${YESTERDAY}T14:05:00Z`, [[tea.variantId, 9]], { kind: 'amount', amount: 200 }); // $34.00 with $2.00 off
  earlier = await ringAt(shop, `${YESTERDAY}T13:20:00Z`, [[tea.variantId, 8], [cake.variantId, 1]]); // $33.00
  later = await ringAt(shop, `${YESTERDAY}T17:30:00Z`, [[tea.variantId, 8], [cake.variantId, 2]]); // $34.00, hours later
  await ringAt(shop, `${YESTERDAY}T14:00:00Z`, [[tea.variantId, 5]]); // $20.00: not about $34
  await ringAt(shop, `${TODAY}T10:00:00Z`, [[tea.variantId, 3]], { kind: 'amount', amount: 100 }); // $11.00 with $1.00 off
  clockAt(NOON);
  await dispatchPending();
});
afterAll(() => {
  vi.useRealTimers();
});

describe('discounts', () => {
  it.each([
    ['How much did we give in discounts yesterday?', 'Discounts for 2026-03-13: '],
    ['မနေ့က လျှော့စျေး ဘယ်လောက်ပေးခဲ့လဲ', '2026-03-13 လျှော့စျေး '],
  ])('%s', async (question, opening) => {
    const { calls, outputs, text } = await ask(shop.t, shop.t.owner, body(question));
    const given = await discountsGiven(shop.owner, range(YESTERDAY));
    expect(given.discounts).toBe(200);
    const link = `/admin/reports/discounts?from=${YESTERDAY}&to=${YESTERDAY}`;
    expect(calls).toEqual([{ toolName: 'discounts', input: range(YESTERDAY) }]);
    expect(outputs[0]).toMatchObject({ discounts: given.discounts, discountedOrders: given.discountedOrders, orders: given.orders, link });
    expect(text).toContain(`${opening}${cited(usd(given.discounts), link)}`);
  });
});

describe('comparing two periods', () => {
  it.each([
    ['Compare today with yesterday', ' vs '],
    ['ဒီနေ့ကို မနေ့နဲ့ နှိုင်းယှဉ်ပါ', ' နှင့် '],
  ])('%s', async (question, versus) => {
    const { calls, outputs, text } = await ask(shop.t, shop.t.owner, body(question));
    const [today, yesterday] = [await salesSummary(shop.owner, range(TODAY)), await salesSummary(shop.owner, range(YESTERDAY))];
    expect([today.net.value, yesterday.net.value]).toEqual([1100, 3400 + 3300 + 3400 + 2000]);
    expect(calls).toEqual([{ toolName: 'comparePeriods', input: { period: range(TODAY), against: range(YESTERDAY) } }]);
    expect(outputs[0]).toMatchObject({
      period: { net: today.net.value, orders: today.orders.value, averageTicket: today.averageTicket.value },
      against: { net: yesterday.net.value, orders: yesterday.orders.value, averageTicket: yesterday.averageTicket.value },
      change: { net: today.net.value - yesterday.net.value, orders: today.orders.value - yesterday.orders.value },
    });
    const [todayLink, yesterdayLink] = [TODAY, YESTERDAY].map((d) => `/admin/reports/sales-summary?from=${d}&to=${d}`) as [string, string];
    expect(text).toContain(`${cited(usd(today.net.value), todayLink)}${versus}${cited(usd(yesterday.net.value), yesterdayLink)}`);
    expect(text).toContain(usd(today.net.value - yesterday.net.value)); // -$110.00
  });

  it('reads "this week vs last week" as Monday to today against the whole week before', async () => {
    const { calls, outputs } = await ask(shop.t, shop.t.manager, body('Sales this week vs last week?'));
    expect(calls[0]!.input).toEqual({ period: range('2026-03-09', TODAY), against: range('2026-03-02', '2026-03-08') });
    expect(outputs[0].period.net).toBe((await salesSummary(shop.owner, range('2026-03-09', TODAY))).net.value);
  });
});

describe('finding an order by its amount and time', () => {
  const band = (min: string, max: string) => `/admin/orders?from=${YESTERDAY}&to=${YESTERDAY}&min=${min}&max=${max}`;

  it.each([['Find the order of about $34 at around 2 pm yesterday'], ['မနေ့က ညနေ ၂ နာရီလောက်က ၃၄ ဒေါ်လာလောက် အော်ဒါကို ရှာပေးပါ']])(
    '%s: the orders of $30.60–$37.40 rung up 13:00–15:00, closest first',
    async (question) => {
      const { calls, outputs, text } = await ask(shop.t, shop.t.owner, body(question));
      expect(calls).toEqual([{ toolName: 'findOrder', input: { ...range(YESTERDAY), amount: 3400, around: '14:00' } }]);
      const inBand = await searchOrders(shop.owner, orderSearchSchema.parse({ ...range(YESTERDAY), min: 3060, max: 3740 }));
      expect(inBand.data.map((o) => o.id).sort()).toEqual([near.id, earlier.id, later.id].sort()); // the $20 order is not about $34
      expect(outputs[0]).toMatchObject({ amount: 3400, min: 3060, max: 3740, around: '14:00', link: band('30.60', '37.40') });
      expect(outputs[0].candidates).toEqual([
        { id: near.id, number: near.number, date: YESTERDAY, time: '14:05', total: 3400, status: 'completed', link: `/admin/orders/${near.id}` },
        { id: earlier.id, number: earlier.number, date: YESTERDAY, time: '13:20', total: 3300, status: 'completed', link: `/admin/orders/${earlier.id}` },
      ]); // the 17:30 one is hours off
      expect(text).toContain(`1. [#${near.number}](/admin/orders/${near.id}) 14:05 — ${usd(3400)}`);
      expect(text).toContain(`2. [#${earlier.number}](/admin/orders/${earlier.id}) 13:20 — ${usd(3300)}`);
    },
  );

  it('without a time, gives every order of about the amount, the nearest amounts first', async () => {
    const { outputs } = await ask(shop.t, shop.t.owner, body('find the order of 34 dollars yesterday'));
    expect(outputs[0].candidates.map((c: { id: string }) => c.id)).toEqual([later.id, near.id, earlier.id]); // $34 (newest first), then $33
  });

  it('says so when nothing matches', async () => {
    const { text } = await ask(shop.t, shop.t.owner, body('Find the order of about $34 at around 9 am yesterday'));
    expect(text).toBe(`I found no order of about ${usd(3400)} (${cited(`${usd(3060)}–${usd(3740)}`, band('30.60', '37.40'))}) on ${YESTERDAY} around 09:00.`);
  });
});

describe('the value of the stock', () => {
  beforeAll(async () => {
    const beans = await createStockedProduct(shop.t, { variants: 2, name: 'Beans' }); // 1.00 and 2.00
    const [one, two] = beans.variants.map((v) => v.id) as [string, string];
    await receiveStock(shop.owner, { locationId: shop.location, supplier: null, note: null, lines: [{ variantId: one, quantity: 5 }, { variantId: two, quantity: 3 }] });
  });

  it.each([
    ['What is our stock worth?', 'Stock on hand is worth ', 'Cost prices are not recorded'],
    ['လက်ကျန်ပစ္စည်း တန်ဖိုး ဘယ်လောက်လဲ', 'လက်ကျန်ပစ္စည်း တန်ဖိုး (ရောင်းစျေးဖြင့်) ', 'ဝယ်စျေး မှတ်တမ်း မရှိ'],
  ])('%s', async (question, opening, noCost) => {
    const { calls, outputs, text } = await ask(shop.t, shop.t.owner, body(question));
    expect(calls).toEqual([{ toolName: 'inventoryValue', input: {} }]);
    const levels = (await listLevels(shop.owner, { lowStock: false, skip: 0, limit: 500 })).data;
    const prices = new Map((await getVariants(shop.owner, levels.map((l) => l.variantId))).map((v) => [v.variantId, v.price]));
    const retail = levels.reduce((sum, l) => sum + Math.max(0, l.quantity) * prices.get(l.variantId)!, 0);
    expect(retail).toBe(5 * 100 + 3 * 200);
    expect(outputs[0]).toMatchObject({ retail, cost: null, units: 8, itemsInStock: 2, link: '/admin/stock' });
    expect(outputs[0].items.map((i: { name: string; value: number }) => [i.name, i.value])).toEqual([['Beans (V1)', 600], ['Beans (V0)', 500]]);
    expect(text).toContain(`${opening}${cited(usd(retail), '/admin/stock')}`);
    expect(text).toContain(noCost);
  });
});

describe("in the tenant's time zone", () => {
  // 20:00 UTC on the 14th is 02:30 on the 15th in Yangon (UTC+06:30): its today is the 15th.
  let yangon: Shop;
  let lunch: { id: string; number: number; total: number };
  const mmk = (minor: number) => formatMoney(minor, 'MMK');

  beforeAll(async () => {
    yangon = await setUpShop({ timeZone: 'Asia/Yangon', currency: 'MMK', dayStartsAt: '00:00', pricesIncludeTax: true });
    const { tea, cake } = yangon; // MMK 400, MMK 100
    lunch = await ringAt(yangon, '2026-03-14T07:35:00Z', [[tea.variantId, 6], [cake.variantId, 1]]); // 14:05 in Yangon, MMK 2,500
    await ringAt(yangon, '2026-03-14T16:30:00Z', [[tea.variantId, 1]]); // 23:00 in Yangon: still the 14th
    await ringAt(yangon, '2026-03-14T18:00:00Z', [[cake.variantId, 1]]); // 00:30 on the 15th in Yangon
    clockAt('2026-03-14T20:00:00Z');
    await dispatchPending();
  });
  afterAll(() => clockAt(NOON));

  const asOf = (ctx: TenantContext, from: string) => salesSummary(ctx, range(from));

  it.each([['Compare today with yesterday'], ['ဒီနေ့ကို မနေ့နဲ့ နှိုင်းယှဉ်ပါ']])('%s: Yangon’s today, not UTC’s', async (question) => {
    const { calls, outputs } = await ask(yangon.t, yangon.t.owner, body(question));
    expect(calls[0]!.input).toEqual({ period: range('2026-03-15'), against: range('2026-03-14') });
    const [today, yesterday] = [await asOf(yangon.owner, '2026-03-15'), await asOf(yangon.owner, '2026-03-14')];
    expect([today.net.value, yesterday.net.value]).toEqual([100, 2500 + 400]);
    expect(outputs[0]).toMatchObject({ currency: 'MMK', period: { net: today.net.value }, against: { net: yesterday.net.value } });
  });

  it.each([['Find the order of about 2,500 Ks at around 2 pm yesterday'], ['မနေ့က နေ့လယ် ၂ နာရီလောက် ၂၅၀၀ ကျပ် အော်ဒါကို ရှာပေးပါ']])('%s: at 14:05 Yangon time', async (question) => {
    const { calls, outputs, text } = await ask(yangon.t, yangon.t.owner, body(question));
    expect(calls).toEqual([{ toolName: 'findOrder', input: { ...range('2026-03-14'), amount: 2500, around: '14:00' } }]);
    expect(outputs[0]).toMatchObject({ min: 2250, max: 2750, link: '/admin/orders?from=2026-03-14&to=2026-03-14&min=2250&max=2750' });
    expect(outputs[0].candidates).toEqual([expect.objectContaining({ id: lunch.id, time: '14:05', total: 2500 })]);
    expect(text).toContain(`[#${lunch.number}](/admin/orders/${lunch.id}) 14:05 — ${mmk(2500)}`);
  });
});
