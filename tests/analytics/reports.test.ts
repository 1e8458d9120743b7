import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Gateway } from '@/gateway/server';
import {
  dashboard,
  discountsGiven,
  drawerOverShort,
  rebuildAnalytics,
  refundsAndVoids,
  salesByDay,
  salesByHour,
  salesByStaff,
  salesSummary,
  taxes,
  tenderMix,
  topCategories,
  topProducts,
} from '@/lib/analytics';
import { grantApproval } from '@/lib/auth/approvals';
import { dispatchPending } from '@/lib/events';
import { createLocation } from '@/lib/inventory';
import { closeShift, createOrder, createOrderSchema, getOrder, openShift, payOrder, refundOrder, voidOrder } from '@/lib/orders';
import { createTable } from '@/lib/restaurant';
import { tableInputSchema } from '@/lib/restaurant/schemas';
import { contextOf, startGateway } from '../helpers';
import { directCategories, directDrawers, directProducts, directRefundsAndVoids, directSalesBy, directStaff, directSummary, directTaxes, directTenders, type Range } from './direct-sql';
import { clockAt, figuresOf, rollupSnapshot, setUpShop, type Shop } from './fixtures';

/**
 * A bar in New York whose business day starts at 04:00, prices before tax (tax on top), selling
 * through a month end, the spring-forward night, a split-tender sale refunded in two goes (one
 * just after midnight, one the next morning), two voids (one approved by a manager), a second
 * location, a dine-in table with covers, a discount, and orders that never became sales (parked,
 * partly paid), a 12.5 % service charge on the dine-in sale (later partly refunded), and tips
 * on a card and a cash payment. Every report must equal the direct SQL of tests/analytics/direct-sql.ts.
 */
const RULE = { timeZone: 'America/New_York', dayStartsAt: '04:00' };
let gateway: Gateway;
let shop: Shop;
let second: string;
const ids: Record<string, string> = {};

const order = (input: Record<string, unknown>) => createOrderSchema.parse({ type: 'takeaway', ...input });
const lines = (...items: [{ variantId: string }, number, Record<string, unknown>?][]) => items.map(([item, quantity, extra]) => ({ variantId: item.variantId, quantity, ...extra }));

/** Rings up and pays (cash unless told) at `paidAt`, having created the order a minute before. */
async function sale(name: string, paidAt: string, input: Record<string, unknown>, tenders: Record<string, unknown>[] = [{ tender: 'cash', tendered: 100_000 }], who = shop.cashier) {
  clockAt(new Date(Date.parse(paidAt) - 60_000));
  ids[name] = await createOrder(who, order(input));
  for (const [i, tender] of tenders.entries()) {
    clockAt(new Date(Date.parse(paidAt) - (tenders.length - 1 - i) * 1000));
    await payOrder(who, ids[name]!, tender as never, (input.shiftId as string | undefined) ?? null);
  }
}

beforeAll(async () => {
  gateway = await startGateway();
  shop = await setUpShop({ ...RULE, pricesIncludeTax: false, serviceChargeBasisPoints: 1250 });
  const { tea, cake } = shop;
  second = (await createLocation(contextOf(shop.t), { name: 'Terrace bar', address: null })).id;
  const table = await createTable(contextOf(shop.t), tableInputSchema.parse({ name: 'T1', seats: 4 }));
  vi.useFakeTimers({ toFake: ['Date'] });

  // Month end and the day start: 03:30 on 1 March is still 28 February's business day.
  await sale('beforeDayStart', '2025-03-01T08:30:00Z', { lines: lines([tea, 2]) });
  await sale('dineIn', '2025-03-01T09:30:00Z', { type: 'dine_in', tableId: table.id, covers: 3, lines: lines([tea, 1, { discount: { kind: 'percent', basisPoints: 1000 } }], [cake, 2]) }, [{ tender: 'card', source: 'tok_visa', tip: 150 }]);
  await sale('terrace', '2025-03-01T20:00:00Z', { locationId: second, lines: lines([cake, 4]) });
  // Not sales: a parked order and a partly paid one.
  clockAt('2025-03-01T15:00:00Z');
  await createOrder(shop.cashier, order({ park: true, lines: lines([tea, 5]) }));
  const partly = await createOrder(shop.cashier, order({ lines: lines([tea, 5]) }));
  await payOrder(shop.cashier, partly, { tender: 'cash', amount: 100, tendered: 100 });

  // Spring forward (2025-03-09 02:00 EST → 03:00 EDT): 01:30 EST and 03:30 EDT are both on the 8th.
  await sale('dstEst', '2025-03-09T06:30:00Z', { lines: lines([cake, 1]) });
  await sale('dstEdt', '2025-03-09T07:30:00Z', { lines: lines([tea, 1]) }, [{ tender: 'card', source: 'tok_visa' }]);
  await sale('dstNextDay', '2025-03-09T08:00:00Z', { lines: lines([tea, 3]) }, [{ tender: 'cash', tendered: 100_000, tip: 75 }], shop.manager);

  // A cake of the dine-in sale comes back the next day: its service share goes back with it.
  clockAt('2025-03-02T18:00:00Z');
  const dineIn = await getOrder({ tenantId: shop.t.tenant.id }, ids.dineIn!);
  const dineInCake = dineIn.lines.find((l) => l.variantId === cake.variantId)!;
  ids.dineInRefund = (await refundOrder(shop.manager, ids.dineIn!, { reason: 'Dropped', restock: false, lines: [{ lineId: dineInCake.id, quantity: 1 }], approval: null })).refundId;

  // A shift; a split-tender sale at 23:30 on the 15th, refunded at 00:30 (still the 15th's business day) and at 05:00 on the 16th.
  clockAt('2025-03-15T14:00:00Z');
  const shift = await openShift(shop.cashier, { registerName: 'Bar', openingFloat: 5000 });
  await sale('split', '2025-03-16T03:30:00Z', { shiftId: shift.id, lines: lines([tea, 2], [cake, 3]) }, [
    { tender: 'cash', amount: 500, tendered: 500 },
    { tender: 'card', source: 'tok_visa' },
  ]);
  const split = await getOrder({ tenantId: shop.t.tenant.id }, ids.split!);
  const [teaLine, cakeLine] = [split.lines.find((l) => l.variantId === tea.variantId)!, split.lines.find((l) => l.variantId === cake.variantId)!];
  clockAt('2025-03-16T04:30:00Z');
  ids.refundAfterMidnight = (await refundOrder(shop.manager, ids.split!, { reason: 'Spilled', restock: false, lines: [{ lineId: cakeLine.id, quantity: 1 }], approval: null })).refundId;
  clockAt('2025-03-16T06:00:00Z');
  await closeShift(shop.cashier, shift.id, 5450); // 50 short
  clockAt('2025-03-16T09:00:00Z');
  ids.refundNextMorning = (
    await refundOrder(shop.manager, ids.split!, { reason: 'Complaint', restock: false, lines: [{ lineId: teaLine.id, quantity: 1 }, { lineId: cakeLine.id, quantity: 2 }], approval: null })
  ).refundId;

  // A week before the month's last day, for the comparison.
  await sale('weekBefore', '2025-03-24T16:00:00Z', { lines: lines([tea, 1], [cake, 1]) });

  // Month end again: a void at 23:50 on the 31st; 03:59 on 1 April is still March; 04:00 is April.
  clockAt('2025-04-01T03:40:00Z');
  ids.voided = await createOrder(shop.cashier, order({ lines: lines([tea, 2]) }));
  clockAt('2025-04-01T03:50:00Z');
  await voidOrder(shop.manager, ids.voided, { reason: 'Customer left', approval: null });
  await sale('lastMinuteOfMarch', '2025-04-01T07:59:00Z', { lines: lines([tea, 1]) });
  await sale('firstOfApril', '2025-04-01T08:00:00Z', { lines: lines([cake, 1]) });
  clockAt('2025-04-01T08:05:00Z');
  ids.approvedVoid = await createOrder(shop.cashier, order({ lines: lines([cake, 2]) }));
  clockAt('2025-04-01T08:10:00Z');
  const approval = await grantApproval(shop.cashier, { userId: shop.t.manager.id, pin: '2222', permission: 'order:void' });
  await voidOrder(shop.cashier, ids.approvedVoid, { reason: 'Rung up twice', approval: { token: approval.token } });

  vi.useRealTimers();
  await dispatchPending(); // OrderPaid, OrderRefunded, OrderVoided → the rollups
});

afterAll(async () => {
  vi.useRealTimers();
  await gateway.close();
});

const RANGES: Range[] = [
  { from: '2025-02-28', to: '2025-02-28' },
  { from: '2025-03-01', to: '2025-03-01' },
  { from: '2025-02-01', to: '2025-02-28' },
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-03-08', to: '2025-03-08' },
  { from: '2025-03-09', to: '2025-03-09' },
  { from: '2025-03-15', to: '2025-03-15' },
  { from: '2025-03-16', to: '2025-03-16' },
  { from: '2025-03-31', to: '2025-04-01' },
  { from: '2025-02-01', to: '2025-04-30' },
];
const ALL = { from: '2025-02-01', to: '2025-04-30' };
const id = () => shop.t.tenant.id;
const strip = <T extends object>(rows: T[], ...keys: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

describe('reports equal a direct SQL over the order tables', () => {
  it('puts each sale, refund and void on its business day and hour (the scenario is what it claims)', async () => {
    const days = Object.fromEntries((await salesByDay(shop.owner, ALL)).map((d) => [d.date, d]));
    expect(days['2025-02-28']).toMatchObject({ orders: 1, gross: 800, tax: 80 }); // 03:30 on 1 March
    // The dine-in sale: tea 400 − 40 and two cakes 200; 12.5 % of 560 = 70 (45 on the tea, 25 on the cakes); tax 10 % of 405.
    expect(days['2025-03-01']).toMatchObject({ orders: 2, covers: 3, discounts: 40, serviceCharge: 70, tips: 150, tax: 41, net: 400 + 560 + 70 });
    expect(days['2025-03-02']).toMatchObject({ orders: 0, refundCount: 1, refunds: 113, net: -113 }); // a cake: 100 and half of its 25 service share
    expect(days['2025-03-09']).toMatchObject({ tips: 75 });
    const tips = Object.fromEntries((await salesByStaff(shop.owner, ALL)).map((s) => [s.staffId, s.tips]));
    expect(tips).toMatchObject({ [shop.t.cashier.id]: 150, [shop.t.manager.id]: 75 });
    expect(days['2025-03-08']).toMatchObject({ orders: 2 }); // 01:30 EST and 03:30 EDT, a 23-hour day
    expect(days['2025-03-09']).toMatchObject({ orders: 1 });
    expect(days['2025-03-15']).toMatchObject({ orders: 1, refundCount: 1, refunds: 100 }); // the 00:30 refund
    expect(days['2025-03-16']).toMatchObject({ orders: 0, refundCount: 1, refunds: 600, tax: -40 }); // tea 400 + 40 tax, cakes 200
    expect(days['2025-03-31']).toMatchObject({ orders: 1, voids: 1 });
    expect(days['2025-04-01']).toMatchObject({ orders: 1, voids: 1 });
    const hours = Object.fromEntries((await salesByHour(shop.owner, { from: '2025-03-08', to: '2025-03-08' })).map((h) => [h.hour, h.orders]));
    expect([hours[1], hours[3], hours[2]]).toEqual([1, 1, 0]);
    expect((await salesByHour(shop.owner, ALL)).map((h) => h.hour).slice(0, 3)).toEqual([4, 5, 6]); // the business day's order
    const tenders = await tenderMix(shop.owner, { from: '2025-03-16', to: '2025-03-16' });
    expect(tenders.map((t) => [t.tender, t.refunded])).toEqual([['card', 580], ['cash', 60]]); // latest tender first
  });

  it.each(RANGES)('summary, by day, by hour, tenders, products, categories, staff, taxes: %o', async (range) => {
    const summary = await salesSummary(shop.owner, range);
    const values = figuresOf(summary);
    const previousValues = figuresOf(summary, 'previous');
    expect(values).toEqual(await directSummary(id(), RULE, range));
    expect(previousValues).toEqual(await directSummary(id(), RULE, summary.previous));

    const byDay = (await salesByDay(shop.owner, range)).filter((d) => d.orders || d.refundCount || d.voids);
    expect(
      byDay.map(({ date, orders, gross, discounts, serviceCharge, refunds, net, tax, tips, items, covers }) => ({ key: date, orders, gross, discounts, serviceCharge, refunds, net, tax, tips, items, covers })),
    ).toEqual(
      (await directSalesBy(id(), RULE, range, 'day')),
    );
    const byHour = (await salesByHour(shop.owner, range)).filter((h) => Object.entries(h).some(([k, v]) => k !== 'hour' && v !== 0));
    expect(byHour.map(({ hour, ...rest }) => ({ key: hour, ...rest })).sort((a, b) => a.key - b.key)).toEqual(
      (await directSalesBy(id(), RULE, range, 'hour')).filter((h) => Object.entries(h).some(([k, v]) => k !== 'key' && v !== 0)),
    );
    expect(strip(await tenderMix(shop.owner, range), 'shareBasisPoints')).toEqual(await directTenders(id(), RULE, range));

    for (const by of ['net', 'quantity'] as const) {
      const products = await topProducts(shop.owner, { ...range, by, limit: 100 });
      expect(products.map(({ variantId, productId: _p, productName: _n, variantName: _v, ...rest }) => ({ key: variantId, ...rest }))).toEqual(await directProducts(id(), RULE, range, by));
      const categories = await topCategories(shop.owner, { ...range, by, limit: 100 });
      expect(categories.map(({ categoryId, name: _n, ...rest }) => ({ key: categoryId ?? '', ...rest }))).toEqual(await directCategories(id(), RULE, range, by));
    }
    expect(strip(await salesByStaff(shop.owner, range), 'name')).toEqual(await directStaff(id(), RULE, range));
    expect(await taxes(shop.owner, range)).toMatchObject({ rates: await directTaxes(id(), RULE, range) });
  });

  it.each(RANGES)('refunds and voids, with reasons and approvers, and drawers: %o', async (range) => {
    const report = await refundsAndVoids(shop.owner, range);
    const direct = await directRefundsAndVoids(id(), RULE, range);
    expect(report.refunds.entries.map(({ refundId, reason, amount, refundedBy, approvedBy }) => ({ refundId, reason, amount, refundedBy, approvedBy }))).toEqual(direct.refunds);
    expect(report.voids.entries.map(({ orderId, reason, amount, voidedBy, approvedBy }) => ({ orderId, reason, amount, voidedBy, approvedBy }))).toEqual(direct.voids);
    expect([report.refunds.count, report.refunds.amount]).toEqual([direct.refunds.length, direct.refunds.reduce((s, r) => s + r.amount, 0)]);
    expect((await drawerOverShort(shop.owner, range)).shifts.map((s) => ({ shiftId: s.shiftId, difference: s.difference }))).toEqual(await directDrawers(id(), RULE, range));
  });

  it('names who voided and who approved, and the short drawer', async () => {
    const report = await refundsAndVoids(shop.owner, { from: '2025-03-31', to: '2025-04-01' });
    expect(report.voids.entries.map((v) => [v.orderId, v.reason, v.items, report.staffNames[v.voidedBy], v.approvedBy && report.staffNames[v.approvedBy]])).toEqual([
      [ids.approvedVoid, 'Rung up twice', 2, 'Cas Cashier', 'Mo Manager'],
      [ids.voided, 'Customer left', 2, 'Mo Manager', null],
    ]);
    const drawers = await drawerOverShort(shop.owner, { from: '2025-03-15', to: '2025-03-15' });
    expect(drawers).toMatchObject({ count: 1, short: -50, over: 0, shifts: [{ registerName: 'Bar', expectedCash: 5500, countedCash: 5450, difference: -50 }] });
  });

  it('filters by location', async () => {
    const terrace = await salesSummary(shop.owner, { from: '2025-03-01', to: '2025-03-01', locationId: second });
    expect(terrace.orders.value).toBe(1);
    expect(terrace.gross.value).toBe(400);
    for (const locationId of [second, shop.location]) {
      const range = { from: '2025-02-01', to: '2025-04-30', locationId };
      const summary = await salesSummary(shop.owner, range);
      expect(figuresOf(summary)).toEqual(
        await directSummary(id(), RULE, range),
      );
      expect(strip(await tenderMix(shop.owner, range), 'shareBasisPoints')).toEqual(await directTenders(id(), RULE, range));
    }
  });

  it('compares with the same days a week earlier', async () => {
    const summary = await salesSummary(shop.owner, { from: '2025-03-31', to: '2025-03-31' });
    expect(summary.previous).toEqual({ from: '2025-03-24', to: '2025-03-24' });
    expect(summary.orders).toEqual({ value: 1, previous: 1, change: 0, changeBasisPoints: 0 });
    expect(summary.gross).toEqual({ value: 400, previous: 500, change: -100, changeBasisPoints: -2000 });
  });

  it('the dashboard gathers the same figures in one call', async () => {
    const range = { from: '2025-03-01', to: '2025-03-31' };
    const board = await dashboard(shop.owner, range);
    expect(board.summary).toEqual(await salesSummary(shop.owner, range));
    expect(board.byDay).toEqual(await salesByDay(shop.owner, range));
    expect(board.topProducts.byQuantity).toEqual(await topProducts(shop.owner, { ...range, by: 'quantity', limit: 5 }));
    expect(board.topCategories.byNet).toEqual(await topCategories(shop.owner, range));
    expect(board.topCategories.byNet.find((c) => c.categoryId === shop.drinks)?.name).toBe('Drinks');
    expect(board).toMatchObject({ currency: 'USD', dayStartsAt: '04:00' });
    expect((await discountsGiven(shop.owner, range)).discounts).toBe(40);
  });

  it('a rebuild from the read model gives the same rollups as the events did', async () => {
    const incremental = await rollupSnapshot(id());
    expect(incremental.analytics_facts!.length).toBeGreaterThan(10);
    await rebuildAnalytics(id(), { daysPerBatch: 3 });
    expect(await rollupSnapshot(id())).toEqual(incremental);
  });
});
