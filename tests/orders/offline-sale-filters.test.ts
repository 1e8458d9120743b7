import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import * as orders from '@/app/api/v1/orders/route';
import * as exportRoute from '@/app/api/v1/orders/export/route';
import * as verifiersRoute from '@/app/api/v1/register/pin-verifiers/route';
import * as shiftsRoute from '@/app/api/v1/shifts/route';
import { shifts } from '@/db/schema/orders';
import { receiveStock } from '@/lib/inventory';
import { checkPinOffline, saleProof } from '@/lib/auth/pin-verifier';
import { businessDate, listOrders, listOrdersQuerySchema, orderSearchSchema, searchOrders } from '@/lib/orders';
import { businessDayRange } from '@/lib/platform/business-day';
import { withTenant } from '@/lib/platform/db';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, sessionContextOf, type TestTenant } from '../helpers';

/**
 * A sale made offline by the cashier the register was switched to by PIN, in a shift opened
 * yesterday evening, synced this morning by the manager's session: the admin's order search,
 * its CSV export and the register's order list find it under its cashier, its shift and the
 * business day it was sold on (the day the reports put it on), never under the day it synced.
 */
let t: TestTenant;
let other: TestTenant;
let item: string;
let shiftId: string;
let sale: { id: string; number: number; businessDate: string };
let yesterday: string;
let today: string;
const TZ = 'Asia/Yangon';
const DEVICE = 'register-device-filters-0123456789';
const MINUTE = 60_000;

const download = async (query: string, host = t.tenant, as = t.owner) => {
  const res = await exportRoute.GET(await apiRequest('GET', `/api/v1/orders/export?kind=orders&${query}`, { host, as }), noParams);
  expect(res.status).toBe(200);
  return Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
};
const found = async (query: Record<string, unknown>) => (await searchOrders(await sessionContextOf(t, t.manager), orderSearchSchema.parse({ limit: 200, ...query }))).data.map((o) => o.id);

beforeAll(async () => {
  t = await createTenant({ timeZone: TZ });
  other = await createTenant({ timeZone: TZ });
  await mainLocation(t);
  item = (await createStockedProduct(t)).variants[0]!.id;
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId: item, quantity: 10 }] });

  today = businessDate(TZ);
  const dayStart = businessDayRange(today, today, { timeZone: TZ, dayStartsAt: '00:00' }).from.getTime();
  const placedAt = new Date(dayStart - 10 * MINUTE); // yesterday's last sale
  yesterday = businessDate(TZ, placedAt);

  // The manager opened the till yesterday evening, then the connection dropped.
  const shift = await json(await shiftsRoute.POST(await apiRequest('POST', '/api/v1/shifts', { host: t.tenant, as: t.manager, body: { registerName: 'Front till', openingFloat: 0 } }), noParams));
  expect(shift.status).toBe(201);
  shiftId = shift.body.id;
  await withTenant(t.tenant.id, (tx) => tx.update(shifts).set({ openedAt: new Date(dayStart - 60 * MINUTE) }).where(eq(shifts.id, shiftId)));

  // Offline, the register was switched to the cashier by PIN; she rang up the sale with her proof.
  const verifiers = (await json(await verifiersRoute.GET(await apiRequest('GET', `/api/v1/register/pin-verifiers?device=${DEVICE}`, { host: t.tenant, as: t.manager }), noParams))).body;
  const entry = verifiers.staff.find((s: { id: string }) => s.id === t.cashier.id);
  const key = (await checkPinOffline({ tenantId: t.tenant.id, userId: t.cashier.id, verifier: entry.verifier, salt: verifiers.salt, iterations: verifiers.iterations }, '3333'))!;
  const saleKey = crypto.randomUUID();
  const body = {
    type: 'retail',
    shiftId,
    lines: [{ variantId: item, quantity: 1 }],
    payments: [{ tender: 'cash', tendered: 100_000 }],
    placedAt: placedAt.toISOString(),
    offlineCashier: { userId: t.cashier.id, device: DEVICE, proof: await saleProof(key, saleKey) },
  };
  const sent = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.manager, body, headers: { 'idempotency-key': saleKey } }), noParams));
  expect(sent.status).toBe(201);
  expect(sent.body).toMatchObject({ createdBy: t.cashier.id, shiftId, businessDate: yesterday, status: 'completed' });
  sale = sent.body;
});

describe('an offline sale, synced the next day', () => {
  it('is in the CSV export under its cashier and its shift, on the day it was sold, dated then', async () => {
    for (const query of [`staff=${t.cashier.id}`, `shift=${shiftId}`, `staff=${t.cashier.id}&from=${yesterday}&to=${yesterday}`, `shift=${shiftId}&from=${yesterday}&to=${yesterday}`]) {
      const rows = await download(query);
      expect(rows.map((r) => r.order_id), query).toEqual([sale.id]);
      expect(rows[0]).toMatchObject({ order_number: String(sale.number), business_date: yesterday, staff: t.cashier.name, register: 'Front till' });
    }
    // Not the day it reached the server, nor the manager whose session sent it.
    expect(await download(`from=${today}&to=${today}`)).toEqual([]);
    expect(await download(`staff=${t.manager.id}`)).toEqual([]);
  });

  it('is found by the admin search under its cashier, its shift and its day, and by the register list of its shift', async () => {
    expect(await found({ staff: t.cashier.id })).toEqual([sale.id]);
    expect(await found({ shift: shiftId })).toEqual([sale.id]);
    expect(await found({ staff: t.cashier.id, from: yesterday, to: yesterday })).toEqual([sale.id]);
    expect(await found({ shift: shiftId, from: yesterday, to: yesterday })).toEqual([sale.id]);
    expect(await found({ from: today, to: today })).toEqual([]);
    const list = await listOrders(contextOf(t), listOrdersQuerySchema.parse({ shift: shiftId }));
    expect(list.data.map((o) => o.id)).toEqual([sale.id]);
  });

  it('is not another business’s to find', async () => {
    expect(await download(`staff=${t.cashier.id}`, other.tenant, other.owner)).toEqual([]);
    expect(await download(`shift=${shiftId}`, other.tenant, other.owner)).toEqual([]);
  });
});
