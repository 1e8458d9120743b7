import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as orders from '@/app/api/v1/orders/route';
import * as settingsRoute from '@/app/api/v1/settings/route';
import * as shiftsRoute from '@/app/api/v1/shifts/route';
import { shifts } from '@/db/schema/orders';
import { salesByDay } from '@/lib/analytics';
import { dispatchPending } from '@/lib/events';
import { levelsOf, receiveStock } from '@/lib/inventory';
import { businessDayRange } from '@/lib/platform/business-day';
import { withTenant } from '@/lib/platform/db';
import { businessDate } from '@/lib/orders/orders';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, type TestTenant } from '../helpers';

/**
 * A sale the register kept while offline (issue 16) reaches the server later as an ordinary
 * checkout with its own time (`placedAt`): it is dated by that time — business day, number on
 * that day, paid at — within the business's offline window, and refused whole outside it.
 */
let t: TestTenant;
let other: TestTenant;
let location: string;
let item: string;

const HOUR = 3600 * 1000;
const sale = (placedAt: Date | string, extra: Record<string, unknown> = {}) => ({
  type: 'retail',
  locationId: location,
  lines: [{ variantId: item, quantity: 1 }],
  payments: [{ tender: 'cash', tendered: 100_000 }],
  placedAt: placedAt instanceof Date ? placedAt.toISOString() : placedAt,
  ...extra,
});
const checkout = async (body: unknown, key = crypto.randomUUID(), as = t.cashier, host = t.tenant) =>
  json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host, as, body, headers: { 'idempotency-key': key } }), noParams));
const patchSettings = async (body: unknown, as = t.owner) =>
  json(await settingsRoute.PATCH(await apiRequest('PATCH', '/api/v1/settings', { host: t.tenant, as, body }), noParams));
const stockLeft = async () => (await levelsOf(contextOf(t), [item])).find((l) => l.locationId === location)!.quantity;

beforeAll(async () => {
  t = await createTenant({ timeZone: 'Asia/Yangon' });
  other = await createTenant();
  location = await mainLocation(t);
  await mainLocation(other);
  item = (await createStockedProduct(t)).variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: item, quantity: 50 }] });
});

describe('a sale made offline, sent later', () => {
  it('is dated by its own time: the business day it was made on, its number there, paid then; and made once when sent again', async () => {
    // Just before today's business day began: yesterday's last sale, sent this morning.
    const today = businessDate('Asia/Yangon');
    const placedAt = new Date(businessDayRange(today, today, { timeZone: 'Asia/Yangon', dayStartsAt: '00:00' }).from.getTime() - 10 * 60 * 1000);
    const yesterday = businessDate('Asia/Yangon', placedAt);
    expect(yesterday).not.toBe(today);
    expect((await patchSettings({ offlineMaxHours: 48 })).status).toBe(200);

    const before = await stockLeft();
    const key = crypto.randomUUID();
    const sent = await checkout(sale(placedAt), key);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'completed', businessDate: yesterday, number: 1, paymentError: null });
    expect(new Date(sent.body.placedAt).getTime()).toBe(placedAt.getTime());
    expect(new Date(sent.body.paidAt).getTime()).toBe(placedAt.getTime());

    // The register retries (its answer was lost): the same order, stock taken once.
    const again = await checkout(sale(placedAt), key);
    expect([again.status, again.body.id]).toEqual([201, sent.body.id]);
    expect(await stockLeft()).toBe(before - 1);

    // The reports put it on yesterday, not today.
    await dispatchPending();
    const days = await salesByDay(contextOf(t), { from: yesterday, to: today });
    expect(days.find((d) => d.date === yesterday)?.orders).toBe(1);
    expect(days.find((d) => d.date === today)?.orders ?? 0).toBe(0);
  });

  it('is refused whole when older than the offline window, ahead of the clock, or paid by card', async () => {
    expect((await patchSettings({ offlineMaxHours: 2 })).status).toBe(200);
    const before = await stockLeft();

    const old = await checkout(sale(new Date(Date.now() - 3 * HOUR)));
    expect(old.status).toBe(422);
    expect(old.body.error).toMatchObject({ code: 'unprocessable', details: [{ path: 'placedAt' }] });
    expect(old.body.error.message).toMatch(/more than 2 hours ago/);

    const ahead = await checkout(sale(new Date(Date.now() + HOUR)));
    expect([ahead.status, ahead.body.error.details[0].path]).toEqual([422, 'placedAt']);

    const card = await checkout(sale(new Date(Date.now() - 60_000), { payments: [{ tender: 'card', source: 'tok_visa' }] }));
    expect(card.status).toBe(422);
    expect(card.body.error.details).toContainEqual(expect.objectContaining({ path: 'payments.0.tender' }));

    const parked = await checkout(sale(new Date(Date.now() - 60_000), { park: true, payments: [] }));
    expect([parked.status, parked.body.error.details[0].path]).toEqual([422, 'placedAt']);

    const garbled = await checkout(sale('yesterday at noon'));
    expect([garbled.status, garbled.body.error.details[0].path]).toEqual([422, 'placedAt']);

    expect(await stockLeft()).toBe(before); // nothing half-written
  });

  it('belongs to the shift it was rung up in: not before that shift opened', async () => {
    const shift = (await json(await shiftsRoute.POST(await apiRequest('POST', '/api/v1/shifts', { host: t.tenant, as: t.cashier, body: { registerName: 'Offline till', openingFloat: 0 } }), noParams))).body;
    // The shift was opened an hour ago, then the connection dropped.
    await withTenant(t.tenant.id, (tx) => tx.update(shifts).set({ openedAt: new Date(Date.now() - HOUR) }).where(eq(shifts.id, shift.id)));

    const early = await checkout(sale(new Date(Date.now() - 90 * 60 * 1000), { shiftId: shift.id, locationId: undefined }));
    expect(early.status).toBe(422);
    expect(early.body.error.message).toMatch(/older than the shift/);

    const during = await checkout(sale(new Date(Date.now() - 30 * 60 * 1000), { shiftId: shift.id, locationId: undefined }));
    expect(during.status).toBe(201);
    expect(during.body).toMatchObject({ shiftId: shift.id, registerName: 'Offline till', status: 'completed' });
  });

  it("cannot be sent to another business's host, even with this business's items", async () => {
    const res = await checkout(sale(new Date(Date.now() - 60_000)), crypto.randomUUID(), other.cashier, other.tenant);
    expect(res.status).toBe(422); // the other business has no such item: nothing of this one is seen
    expect(await stockLeft()).toBeGreaterThan(0);
  });
});

describe('the offline settings', () => {
  it('are an owner setting with bounds', async () => {
    const ok = await patchSettings({ offlineMaxHours: 24, offlineMaxTotal: 500_000 });
    expect([ok.status, ok.body.offlineMaxHours, ok.body.offlineMaxTotal]).toEqual([200, 24, 500_000]);
    const tooLong = await patchSettings({ offlineMaxHours: 500 });
    expect([tooLong.status, tooLong.body.error.details[0].path]).toEqual([422, 'offlineMaxHours']);
    expect((await patchSettings({ offlineMaxTotal: null }, t.cashier)).status).toBe(403);
  });
});
