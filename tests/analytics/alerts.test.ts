import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as alertsRoute from '@/app/api/v1/analytics/alerts/route';
import * as settingsRoute from '@/app/api/v1/settings/route';
import { ALERT_WEEKS, alerts, type Alert } from '@/lib/analytics';
import { hoursOver } from '@/lib/analytics/alerts';
import { alertText, type AlertWordsT } from '@/components/admin/dashboard/alert-text';
import { formatsFor } from '@/lib/platform/formats';
import { translatorFor } from '@/lib/platform/i18n';
import { judge, mad, median } from '@/lib/analytics/robust';
import { addStaff, type TenantContext } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { closeShift, createOrder, createOrderSchema, getOrder, openShift, orderSearchSchema, payOrder, refundOrder, searchOrders, voidOrder } from '@/lib/orders';
import { addDays, businessCalendar } from '@/lib/platform/business-day';
import { formatMoney } from '@/lib/platform/money';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { apiRequest, contextOf, json, noParams, PASSWORD, sessionContextOf, type TestStaff } from '../helpers';
import { directDrawers, directSalesBy, directStaff } from './direct-sql';
import { clockAt, setUpShop, type Shop } from './fixtures';

/**
 * A tea shop in Yangon (MMK, no minor digits; the day starts at midnight) with eight weeks of
 * ordinary Tuesdays and Wednesdays: four sales a day (100 + 400 + 800 + 300 = 1 600), and a manager who
 * refunds one cake on three of the Tuesdays. Planted on Tuesday D: the manager gives 6 refunds,
 * the owner refunds one 8 000 order and voids 4, a new manager (no history) gives 1 refund and
 * voids 2, one drawer (which took a tea, 400) closes 50 short, one 1 short (the default tolerance is MMK 1), one over.
 * Wednesday W sells one tea (400) at 09:00 and nothing else. A second shop (USD) has three weeks of history.
 */
const RULE = { timeZone: 'Asia/Yangon', dayStartsAt: '00:00' };
const D = '2025-06-03'; // a Tuesday
const W = '2025-06-04'; // a Wednesday
const at = (date: string, time: string) => new Date(`${date}T${time}:00+06:30`);
const HISTORY = (day: string) => Array.from({ length: ALERT_WEEKS }, (_, i) => addDays(day, -7 * (ALERT_WEEKS - i)));

let shop: Shop;
let fresh: Shop;
let nia: TenantContext;
let niaStaff: TestStaff;
const planted = { managerRefunded: [] as string[], bigSale: '', frontShift: '', frontSale: '', backShift: '', overShift: '' };

/** The orders an alert's link lists: its query string read by the order search, as the orders page does. */
async function ordersAt(ctx: TenantContext, link: string): Promise<string[]> {
  const query = Object.fromEntries(new URL(link, 'http://shop.test').searchParams);
  return (await searchOrders(ctx, orderSearchSchema.parse({ ...query, limit: 200 }))).data.map((o) => o.id).sort();
}

const order = (lines: [{ variantId: string }, number][]) =>
  createOrderSchema.parse({ type: 'takeaway', lines: lines.map(([item, quantity]) => ({ variantId: item.variantId, quantity })) });

async function sale(s: Shop, paidAt: Date, lines: [{ variantId: string }, number][], who = s.cashier): Promise<string> {
  clockAt(new Date(paidAt.getTime() - 60_000));
  const id = await createOrder(who, order(lines));
  clockAt(paidAt);
  await payOrder(who, id, { tender: 'cash', tendered: 1_000_000 });
  return id;
}

async function refundAll(s: Shop, orderId: string, when: Date, who: TenantContext, quantity?: number): Promise<void> {
  clockAt(when);
  const line = (await getOrder({ tenantId: s.t.tenant.id }, orderId)).lines[0]!;
  await refundOrder(who, orderId, { reason: 'Complaint', restock: false, lines: [{ lineId: line.id, quantity: quantity ?? line.quantity }], approval: null });
}

async function voided(s: Shop, when: Date, who: TenantContext, lines: [{ variantId: string }, number][]): Promise<void> {
  clockAt(new Date(when.getTime() - 60_000));
  const id = await createOrder(s.cashier, order(lines));
  clockAt(when);
  await voidOrder(who, id, { reason: 'Rung up by mistake', approval: null });
}

/** An ordinary day: 07:00 one cake, 09:00 one tea, 12:00 two teas, 15:00 three cakes (1 600). Returns the last sale. */
async function ordinaryDay(s: Shop, date: string): Promise<string> {
  await sale(s, at(date, '07:00'), [[s.cake, 1]]);
  await sale(s, at(date, '09:00'), [[s.tea, 1]]);
  await sale(s, at(date, '12:00'), [[s.tea, 2]]);
  return sale(s, at(date, '15:00'), [[s.cake, 3]]);
}

/** A shift that closes with `counted` against a float of 5 000; `during` runs while it is open. */
async function drawer(s: Shop, who: TenantContext, name: string, opensAt: Date, counted: number, during?: (shiftId: string) => Promise<unknown>): Promise<string> {
  clockAt(opensAt);
  const shift = await openShift(who, { registerName: name, openingFloat: 5000 });
  await during?.(shift.id);
  clockAt(new Date(opensAt.getTime() + 30 * 60_000));
  await closeShift(who, shift.id, counted);
  return shift.id;
}

beforeAll(async () => {
  shop = await setUpShop({ ...RULE, currency: 'MMK', pricesIncludeTax: true });
  fresh = await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true });
  const member = await addStaff(contextOf(shop.t), { name: 'Nia New', email: `nia@${shop.t.tenant.slug}.test`, role: 'manager', password: PASSWORD, pin: '4444' });
  niaStaff = { id: member.id, tenantId: shop.t.tenant.id, role: 'manager', name: 'Nia New', email: member.email };
  nia = await sessionContextOf(shop.t, niaStaff);
  vi.useFakeTimers({ toFake: ['Date'] });
  const { tea, cake } = shop;

  for (const [week, tuesday] of HISTORY(D).entries()) {
    const cakes = await ordinaryDay(shop, tuesday);
    if ([1, 4, 6].includes(week)) await refundAll(shop, cakes, at(tuesday, '16:00'), shop.manager, 1);
    if (week === 7) await drawer(shop, shop.cashier, 'Front', at(tuesday, '20:00'), 4500); // short, but last week
    await ordinaryDay(shop, addDays(tuesday, 1));
  }

  // Tuesday D: the ordinary sales (07:00, 09:00, 12:00, 15:00) among the planted pattern, in time order.
  await sale(shop, at(D, '07:00'), [[cake, 1]]);
  await sale(shop, at(D, '09:00'), [[tea, 1]]);
  for (let i = 0; i < 6; i++) planted.managerRefunded.push(await sale(shop, at(D, `10:0${i}`), [[tea, 1]]));
  for (const [i, id] of planted.managerRefunded.entries()) await refundAll(shop, id, at(D, `11:0${i}`), shop.manager);
  await sale(shop, at(D, '12:00'), [[tea, 2]]);
  planted.bigSale = await sale(shop, at(D, '13:00'), [[tea, 20]]);
  await refundAll(shop, planted.bigSale, at(D, '14:00'), shop.owner);
  await refundAll(shop, await sale(shop, at(D, '14:10'), [[tea, 1]]), at(D, '14:30'), nia);
  await sale(shop, at(D, '15:00'), [[cake, 3]]);
  for (const minute of ['00', '01']) await voided(shop, at(D, `17:${minute}`), nia, [[cake, 1]]);
  for (const minute of ['00', '01', '02', '03']) await voided(shop, at(D, `18:${minute}`), shop.owner, [[tea, 1]]);
  // The Front drawer takes one tea (400) rung up without a shift, and closes 50 short.
  planted.frontShift = await drawer(shop, shop.cashier, 'Front', at(D, '20:00'), 5350, async (shiftId) => {
    clockAt(at(D, '20:05'));
    planted.frontSale = await createOrder(shop.cashier, order([[tea, 1]]));
    await payOrder(shop.cashier, planted.frontSale, { tender: 'cash', tendered: 400 }, shiftId);
  });
  planted.backShift = await drawer(shop, shop.manager, 'Back', at(D, '21:00'), 4999);
  planted.overShift = await drawer(shop, shop.cashier, 'Front', at(D, '22:00'), 5200);

  // Wednesday W: one tea all day.
  await sale(shop, at(W, '09:00'), [[tea, 1]]);

  // A shop three weeks old: ordinary Wednesdays, then a W with one cake; two drawers short on W.
  for (const week of [1, 2, 3]) {
    const day = addDays(W, -7 * week);
    await sale(fresh, new Date(`${day}T09:00:00Z`), [[fresh.tea, 1]]);
    await sale(fresh, new Date(`${day}T12:00:00Z`), [[fresh.tea, 3]]);
  }
  await sale(fresh, new Date(`${W}T09:00:00Z`), [[fresh.cake, 1]]);
  await drawer(fresh, fresh.cashier, 'Till', new Date(`${W}T18:00:00Z`), 4950); // $0.50 short
  await drawer(fresh, fresh.cashier, 'Till', new Date(`${W}T19:00:00Z`), 4899); // $1.01 short

  clockAt('2025-06-10T12:00:00Z');
  await dispatchPending();
});

afterAll(() => {
  vi.useRealTimers();
});

const money = (minor: number, currency = 'MMK') => formatMoney(minor, currency);
const ofKind = (list: Alert[], kind: Alert['kind']) => list.filter((a) => a.kind === kind);
const medianOf = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

describe('median and MAD', () => {
  it('handles odd and even counts, and a history of zeros', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mad([1, 1, 2, 2, 4, 6, 9])).toBe(1); // median 2, deviations 1 1 0 0 2 4 7
    expect(median([0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(mad([0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
  });

  it('uses the floor when the spread is zero, so 0 → 1 or 0 → 2 is no alert', () => {
    const zeros = [0, 0, 0, 0, 0, 0, 0, 0];
    expect(judge('above', 1, zeros, () => 2)).toBeNull();
    expect(judge('above', 2, zeros, () => 2)).toBeNull();
    expect(judge('above', 3, zeros, () => 2)).toEqual({ usual: 0, spread: 0, threshold: 2, high: false });
    expect(judge('above', 4, zeros, () => 2)).toMatchObject({ high: true });
  });

  it('needs more than the floor when the history varies', () => {
    // median 1, MAD 1: the threshold is 1 + 5.19 = 6.19 → 6
    const varied = [0, 1, 1, 2, 0, 3, 1, 2];
    expect(judge('above', 6, varied, () => 2)).toBeNull();
    expect(judge('above', 7, varied, () => 2)).toMatchObject({ usual: 1, spread: 1, threshold: 6 });
  });
});

describe('the hours of a day that are over', () => {
  it('counts from the day start, and all of them in the tail of a day that starts at :30', () => {
    const calendar = businessCalendar({ timeZone: 'Asia/Yangon', dayStartsAt: '04:30' });
    expect(hoursOver(calendar, D, at(D, '04:40'))).toBe(0);
    expect(hoursOver(calendar, D, at(D, '10:15'))).toBe(6); // 04, 05, … 09
    expect(hoursOver(calendar, D, at(addDays(D, 1), '03:50'))).toBe(23);
    expect(hoursOver(calendar, D, at(addDays(D, 1), '04:10'))).toBe(24);
  });
});

describe('refunds and voids by one person', () => {
  it("flags the manager's 6 refunds against a usual of none, with the figures of a direct SQL", async () => {
    const list = await alerts(shop.owner, { date: D });
    const [alert, ...others] = ofKind(list, 'staff_refunds').filter((a) => a.staffId === shop.t.manager.id);
    expect(others).toEqual([]);
    const day = (date: string) => directStaff(shop.t.tenant.id, RULE, { from: date, to: date }).then((rows) => rows.find((r) => r.staffId === shop.t.manager.id));
    const today = (await day(D))!;
    const history = await Promise.all(HISTORY(D).map(async (date) => (await day(date))?.refundCount ?? 0));
    expect(history).toEqual([0, 1, 0, 0, 1, 0, 1, 0]);
    expect(alert).toMatchObject({
      severity: 'high',
      measure: 'count',
      date: D,
      figures: { value: today.refundCount, usual: medianOf(history), spread: 0, threshold: 2 },
      baseline: HISTORY(D).map((date, i) => ({ date, value: history[i] })),
      title: `Mo Manager gave 6 refunds on Tuesday, 3 June 2025 (${money(today.refunds)}); usually none on a Tuesday`,
      link: `/admin/orders?from=${D}&to=${D}&staff=${shop.t.manager.id}&activity=refunded`,
    });
    expect(alert!.orders!.map((o) => o.id).sort()).toEqual([...new Set(planted.managerRefunded)].sort());
    // The link lists exactly the orders behind the alert: not the owner's or Nia's refunds that day.
    expect(await ordersAt(shop.owner, alert!.link)).toEqual([...new Set(planted.managerRefunded)].sort());
  });

  it("flags the owner's one large refund by its amount, and their 4 voids by count", async () => {
    const list = await alerts(shop.manager, { date: D });
    const owner = (await directStaff(shop.t.tenant.id, RULE, { from: D, to: D })).find((r) => r.staffId === shop.t.owner.id)!;
    const refund = ofKind(list, 'staff_refunds').find((a) => a.staffId === shop.t.owner.id);
    expect(refund).toMatchObject({
      measure: 'money',
      figures: { value: owner.refunds, usual: 0, spread: 0, threshold: 800 }, // two average tickets of 400
      title: `Olive Owner refunded ${money(8000)} on Tuesday, 3 June 2025 (1 refund); usually none on a Tuesday`,
      orders: [{ id: planted.bigSale, number: expect.any(Number) }],
      link: `/admin/orders/${planted.bigSale}`,
    });
    const voids = ofKind(list, 'staff_voids');
    expect(voids.map((a) => a.staffId)).toEqual([shop.t.owner.id]);
    expect(voids[0]).toMatchObject({
      measure: 'count',
      figures: { value: owner.voids, usual: 0, spread: 0, threshold: 2 },
      link: `/admin/orders?from=${D}&to=${D}&staff=${shop.t.owner.id}&activity=voided`,
    });
    expect(voids[0]!.orders).toHaveLength(4);
    expect(await ordersAt(shop.owner, voids[0]!.link)).toEqual(voids[0]!.orders!.map((o) => o.id).sort()); // not Nia's two
  });

  it('stays quiet on a new person (1 refund, 2 voids) and on ordinary days', async () => {
    const onD = await alerts(shop.owner, { date: D });
    expect(onD.filter((a) => a.staffId === niaStaff.id && a.kind !== 'drawer_short')).toEqual([]);
    expect(onD.filter((a) => a.staffId === shop.t.cashier.id && a.kind !== 'drawer_short')).toEqual([]);
    for (const date of HISTORY(D).slice(-3)) expect(ofKind(await alerts(shop.owner, { date }), 'staff_refunds'), date).toEqual([]);
  });
});

describe('drawers short beyond the tolerance', () => {
  it('flags the shift 50 short (default tolerance MMK 1), not the one 1 short or the one over', async () => {
    const list = ofKind(await alerts(shop.owner, { date: D }), 'drawer_short');
    const direct = await directDrawers(shop.t.tenant.id, RULE, { from: D, to: D });
    expect(direct.map((s) => s.difference).sort((a, b) => a - b)).toEqual([-50, -1, 200]);
    expect(list).toEqual([
      expect.objectContaining({
        shiftId: planted.frontShift,
        staffId: shop.t.cashier.id,
        severity: 'high',
        figures: { value: -direct.find((s) => s.shiftId === planted.frontShift)!.difference, usual: null, spread: null, threshold: 1 },
        title: `Drawer Front (Cas Cashier's shift) closed ${money(50)} short on Tuesday, 3 June 2025: counted ${money(5350)}, expected ${money(5400)}; tolerance ${money(1)}`,
        link: `/admin/orders?shift=${planted.frontShift}&tender=cash`,
      }),
    ]);
    expect(await ordersAt(shop.owner, list[0]!.link)).toEqual([planted.frontSale]);
  });

  it("follows the tenant's setting", async () => {
    await updateTenantSettings(contextOf(shop.t), { drawerTolerance: 50 });
    expect(ofKind(await alerts(shop.owner, { date: D }), 'drawer_short')).toEqual([]);
    await updateTenantSettings(contextOf(shop.t), { drawerTolerance: 0 });
    expect(ofKind(await alerts(shop.owner, { date: D }), 'drawer_short').map((a) => a.shiftId).sort()).toEqual([planted.backShift, planted.frontShift].sort());
    await updateTenantSettings(contextOf(shop.t), { drawerTolerance: null });
  });

  it('defaults to one major unit in USD too: $0.50 short passes, $1.01 does not', async () => {
    const list = ofKind(await alerts(fresh.owner, { date: W }), 'drawer_short');
    expect(list.map((a) => a.figures)).toEqual([{ value: 101, usual: null, spread: null, threshold: 100 }]);
    expect(list[0]!.title).toContain(`closed ${formatMoney(101, 'USD')} short`);
  });

  it('is a setting of whole minor units from 0, or null for the default (owners only)', async () => {
    const patch = async (as: TestStaff, body: unknown) => json(await settingsRoute.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: fresh.t.tenant, as, body }), noParams));
    expect((await patch(fresh.t.owner, { drawerTolerance: 1.5 })).status).toBe(422);
    expect((await patch(fresh.t.owner, { drawerTolerance: -1 })).status).toBe(422);
    expect((await patch(fresh.t.manager, { drawerTolerance: 500 })).status).toBe(403);
    expect(await patch(fresh.t.owner, { drawerTolerance: 250 })).toMatchObject({ status: 200, body: { drawerTolerance: 250 } });
    expect(ofKind(await alerts(fresh.owner, { date: W }), 'drawer_short')).toEqual([]);
    expect(await patch(fresh.t.owner, { drawerTolerance: null })).toMatchObject({ status: 200, body: { drawerTolerance: null } });
    expect(ofKind(await alerts(fresh.owner, { date: W }), 'drawer_short')).toHaveLength(1);
  });
});

describe('sales far below the same weekday', () => {
  const netOf = async (date: string, hoursBefore = 24) =>
    (await directSalesBy(shop.t.tenant.id, RULE, { from: date, to: date }, 'hour')).filter((r) => Number(r.key) < hoursBefore).reduce((s, r) => s + r.net, 0);

  it('flags a whole past day far below, with the figures of a direct SQL', async () => {
    const [alert, ...others] = ofKind(await alerts(shop.owner, { date: W }), 'sales_below_usual');
    expect(others).toEqual([]);
    const history = await Promise.all(HISTORY(W).map((date) => netOf(date)));
    expect(history).toEqual(Array(8).fill(1600));
    expect(alert).toMatchObject({
      severity: 'high',
      measure: 'money',
      figures: { value: await netOf(W), usual: 1600, spread: 0, threshold: 1120 }, // 30 % below
      title: `Net sales on Wednesday, 4 June 2025 were ${money(400)}; usually ${money(1600)} on a Wednesday`,
      link: `/admin/orders?from=${W}&to=${W}`,
    });
  });

  it('today: compares the hours so far with the same hours of the usual day', async () => {
    clockAt(at(W, '16:30'));
    try {
      const [alert] = ofKind(await alerts(shop.owner), 'sales_below_usual');
      const history = await Promise.all(HISTORY(W).map((date) => netOf(date, 16)));
      expect(alert).toMatchObject({
        date: W,
        figures: { value: await netOf(W, 16), usual: medianOf(history), spread: 0 },
        title: `Net sales so far today are ${money(400)} (to 16:00); usually ${money(1600)} by then on a Wednesday`,
      });
      clockAt(at(W, '10:30')); // by 10:00 a Wednesday has usually sold 500, today 400: not far below
      expect(ofKind(await alerts(shop.owner), 'sales_below_usual')).toEqual([]);
    } finally {
      clockAt('2025-06-10T12:00:00Z');
    }
  });

  it('stays quiet while the day has just started (nothing yet today, against a usual 100 of 1 600 by 08:00)', async () => {
    for (const time of ['00:30', '08:30']) {
      clockAt(at(W, time));
      try {
        expect(ofKind(await alerts(shop.owner), 'sales_below_usual'), time).toEqual([]);
      } finally {
        clockAt('2025-06-10T12:00:00Z');
      }
    }
  });

  it('stays quiet on an ordinary day (refunds included) and for a shop with under 4 weeks of history', async () => {
    expect(await netOf(D)).toBe(2000); // the ordinary 1 600 and the tea the Front drawer took
    expect(ofKind(await alerts(shop.owner, { date: D }), 'sales_below_usual')).toEqual([]);
    expect(ofKind(await alerts(fresh.owner, { date: W }), 'sales_below_usual')).toEqual([]);
  });

  it('carries each sentence as a key and values that read, in English, exactly as its title, and in Myanmar in Burmese', async () => {
    const words = (locale: 'en' | 'my'): AlertWordsT => {
      const t = translatorFor(locale, 'admin');
      return (key, values) => t(`alerts.${key}` as never, values as never);
    };
    const list = [...(await alerts(shop.owner, { date: D })), ...(await alerts(shop.owner, { date: W }))].map((alert) => ({ alert, currency: 'MMK' }));
    list.push(...(await alerts(fresh.owner, { date: W })).map((alert) => ({ alert, currency: 'USD' })));
    clockAt(at(W, '16:30'));
    try {
      list.push(...(await alerts(shop.owner)).map((alert) => ({ alert, currency: 'MMK' })));
    } finally {
      clockAt('2025-06-10T12:00:00Z');
    }
    expect(new Set(list.map(({ alert }) => alert.message.key))).toEqual(new Set(['staffRefundsCount', 'staffRefundsMoney', 'staffVoidsCount', 'drawerShort', 'salesDay', 'salesSoFar']));
    for (const { alert, currency } of list) {
      expect(alertText(alert, currency, words('en'), formatsFor('en', 'code'))).toBe(alert.title);
      const burmese = alertText(alert, currency, words('my'), formatsFor('my', 'local'));
      expect(burmese).toMatch(/ပုံမှန်|ငွေအံဆွဲ/);
      expect(burmese).not.toMatch(/usually|short|today|Tuesday|Wednesday/);
    }
  });

  it('a date still to come has no alerts', async () => {
    expect(await alerts(shop.owner, { date: '2025-06-11' })).toEqual([]);
  });
});

describe('GET /api/v1/analytics/alerts', () => {
  const get = async (s: Shop, as: TestStaff, query: string) => json(await alertsRoute.GET(await apiRequest('GET', `/api/v1/analytics/alerts${query}`, { host: s.t.tenant, as }), noParams));

  it("answers the module's alerts, for reports:read only", async () => {
    const { status, body } = await get(shop, shop.t.manager, `?date=${D}`);
    expect(status).toBe(200);
    expect(body.currency).toBe('MMK');
    expect(body.alerts).toEqual(JSON.parse(JSON.stringify(await alerts(shop.manager, { date: D }))));
    expect(body.alerts.map((a: Alert) => a.kind).sort()).toEqual(['drawer_short', 'staff_refunds', 'staff_refunds', 'staff_voids']);
    expect((await get(shop, shop.t.cashier, `?date=${D}`)).status).toBe(403);
    expect((await get(fresh, shop.t.owner, `?date=${D}`)).status).toBe(401);
  });

  it("shows another tenant's session, on its own host, none of these alerts", async () => {
    const secrets = [shop.t.manager.id, shop.t.owner.id, shop.t.cashier.id, niaStaff.id, planted.frontShift, planted.bigSale, ...planted.managerRefunded, shop.location, 'Mo Manager', 'Front'];
    for (const query of [`?date=${D}`, `?date=${W}`, `?date=${D}&locationId=${shop.location}`]) {
      const { status, body } = await get(fresh, fresh.t.owner, query);
      expect(status, query).toBe(200);
      const text = JSON.stringify(body);
      for (const secret of secrets) expect(text, `${query} leaks ${secret}`).not.toContain(secret);
    }
    expect((await get(fresh, fresh.t.owner, `?date=${D}`)).body.alerts).toEqual([]);
  });

  it('answers bad input with 400, naming each field', async () => {
    for (const [query, fields] of [
      ['?date=2025-02-30', ['date']],
      ['?date=2025-13-01&locationId=main', ['date', 'locationId']],
    ] as const) {
      const { status, body } = await get(shop, shop.t.owner, query);
      expect(status, query).toBe(400);
      expect(body.error).toMatchObject({ code: 'bad_request', message: expect.any(String) });
      expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(fields);
    }
  });
});
