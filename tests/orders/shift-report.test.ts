import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportLayout } from '@/components/register/shift/report-sections';
import type { ReportData } from '@/components/register/shift/types';
import type { TenantContext } from '@/lib/auth';
import { addCashMovement, closeShift, createOrder, createOrderSchema, getOrder, getShift, openShift, payOrder, refundOrder, shiftReport, shiftsOfDay, voidOrder, type ShiftReport } from '@/lib/orders';
import { businessDayOf } from '@/lib/platform/business-day';
import { clockAt } from '../analytics/fixtures';
import { createStockedProduct, createTenant, mainLocation, sessionContextOf, type TestTenant } from '../helpers';

/**
 * The X/Z report (issue #12.8): "Sales total" counted refunded money as sold. The report now
 * says what the shift sold (items, discounts, tax), what its drawer paid back, the net, the
 * voids with their amount, and who opened and closed it — on screen and on paper alike.
 */
let t: TestTenant;
let cashier: TenantContext;
let manager: TenantContext;
let item: string;

const asJson = (r: ShiftReport) => JSON.parse(JSON.stringify(r)) as ReportData;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] }); // noon: the shifts and "today" are one business day
  clockAt('2026-03-14T12:00:00Z');
  t = await createTenant({ currency: 'USD' });
  [cashier, manager] = await Promise.all([sessionContextOf(t, t.cashier), sessionContextOf(t, t.manager)]);
  await mainLocation(t);
  item = (await createStockedProduct(t, { name: 'Soup', trackStock: false })).variants[0]!.id; // 1.00
});

afterAll(() => {
  vi.useRealTimers();
});

describe('a shift with sales, a discount, a refund and a void', () => {
  let report: ShiftReport;

  beforeAll(async () => {
    const shift = await openShift(cashier, { registerName: 'Front', openingFloat: 1_000 });
    const sell = async (quantity: number, extra: Record<string, unknown> = {}) => {
      const id = await createOrder(cashier, createOrderSchema.parse({ type: 'takeaway', shiftId: shift.id, lines: [{ variantId: item, quantity, ...extra }] }));
      await payOrder(cashier, id, { tender: 'cash', tendered: 10_000 }, shift.id);
      return id;
    };
    const first = await sell(3); // 3.00
    await sell(2, { discount: { kind: 'amount', amount: 20 } }); // 1.80
    const line = (await getOrder(cashier, first)).lines[0]!;
    await refundOrder(manager, first, { reason: 'Cold', restock: false, lines: [{ lineId: line.id, quantity: 1 }], approval: null }, shift.id);
    const dropped = await createOrder(cashier, createOrderSchema.parse({ type: 'takeaway', shiftId: shift.id, lines: [{ variantId: item, quantity: 4 }] }));
    await voidOrder(manager, dropped, { reason: 'Mistake', approval: null });
    report = await closeShift(cashier, shift.id, 1_000 + 480 - 100);
  });

  it('nets the refunds out of the sales and counts items, discounts, tax and voids', () => {
    expect(report.orders).toEqual({ count: 2, total: 480, voided: 1 });
    expect(report.sales).toEqual({ items: 5, discounts: 20, tax: 0, refunds: 100, net: 380, voidedAmount: 400 });
    expect(report.openedBy).toEqual({ id: t.cashier.id, name: t.cashier.name });
    expect(report.closedBy).toEqual({ id: t.cashier.id, name: t.cashier.name });
    expect(report.difference).toBe(0);
  });

  it('keeps the same figures in the stored Z report, and shows them on the screen and the printout', async () => {
    const again = await shiftReport(manager, report.shiftId);
    expect(again.sales).toEqual(report.sales);
    const rows = Object.fromEntries(reportLayout(asJson(again), 'USD', 'UTC').sections.find((s) => s.title === 'Sales')!.rows.map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({ Orders: '2', 'Items sold': '5', Sales: '$4.80', 'Refunds paid out': '−$1.00', 'Net sales': '$3.80', 'Voided (1 order)': '$4.00' });
    expect(reportLayout(asJson(again), 'USD', 'UTC').meta.map((m) => m.value).join(' ')).toContain(`by ${t.cashier.name}`);
  });

  it('reads a Z report kept before the breakdown existed', () => {
    const { sales: _s, openedBy: _o, closedBy: _c, ...old } = asJson(report);
    const rows = reportLayout(old as ReportData, 'USD', 'UTC').sections.find((s) => s.title === 'Sales')!.rows.map((r) => r.label);
    expect(rows).toEqual(['Orders', 'Sales total', 'Voided orders']);
  });
});

describe('the day across registers', () => {
  it('lists the day’s shifts with their reports and adds them up; another business sees none', async () => {
    const second = await openShift(manager, { registerName: 'Back', openingFloat: 500 }); // still open
    const today = businessDayOf(new Date(), { timeZone: 'UTC', dayStartsAt: '00:00' }).date;
    const { shifts, totals } = await shiftsOfDay(manager, today);
    expect(shifts.map((s) => [s.registerName, s.closedAt === null])).toEqual([
      ['Front', false],
      ['Back', true],
    ]);
    expect(totals).toMatchObject({ shifts: 2, open: 1, orders: 2, sales: 480, refunds: 100, net: 380, voided: 1, expectedCash: 1_380, countedCash: 1_380, difference: 0 });
    expect(totals.byTender).toEqual([{ tender: 'cash', net: 380 }, { tender: 'card', net: 0 }]);
    const other = await createTenant();
    const them = await sessionContextOf(other, other.manager);
    expect((await shiftsOfDay(them, today)).shifts).toEqual([]);
    expect(await getShift(them, second.id)).toBeNull();
  });
});


describe('a drawer holding more than an int4 of minor units (found by the schema fuzz)', () => {
  it('closes: the expected and counted cash are stored whole', async () => {
    // 3 000 000 000 dong is about 120 000 US dollars: a busy week's till in VND, a day's in IDR.
    const shift = await openShift(manager, { registerName: 'Big drawer', openingFloat: 1_000_000_000 });
    await addCashMovement(manager, shift.id, { kind: 'in', amount: 1_000_000_000, reason: 'Change from the bank' });
    await addCashMovement(manager, shift.id, { kind: 'in', amount: 1_000_000_000, reason: 'Change from the bank' });
    const report = await closeShift(manager, shift.id, 3_000_000_000);
    expect(report).toMatchObject({ expectedCash: 3_000_000_000, countedCash: 3_000_000_000, difference: 0 });
    expect(await getShift(manager, shift.id)).toMatchObject({ status: 'closed', expectedCash: 3_000_000_000, countedCash: 3_000_000_000 });
  });
});
