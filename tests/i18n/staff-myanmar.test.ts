import { createElement, type ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderStrict } from './render-strict';
import { ApproverPinFields } from '@/components/register/approver-pin-fields';
import { apiErrorText } from '@/components/register/api-errors';
import { CardStatusBanner } from '@/components/register/card-status-banner';
import { RefundForm, VoidForm } from '@/components/register/orders/order-actions';
import { PaymentDialog } from '@/components/register/payment-dialog';
import { CloseShift } from '@/components/register/shift/close-shift';
import { CashMovementForm } from '@/components/register/shift/cash-movement-form';
import { OpenShiftForm } from '@/components/register/shift/open-shift-form';
import { reportLayout, shiftReportHtml, type ShiftT } from '@/components/register/shift/report-sections';
import { ShiftReportView } from '@/components/register/shift/shift-report-view';
import type { ReportData } from '@/components/register/shift/types';
import { SplitPlanner } from '@/components/register/split-bill';
import type { Order } from '@/components/register/types';
import { closeShift, createOrder, createOrderSchema, openShift, payOrder } from '@/lib/orders';
import { formatsFor } from '@/lib/platform/formats';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';
import { createStockedProduct, createTenant, mainLocation, sessionContextOf, type TestTenant } from '../helpers';

/**
 * The staff side's dialogs — payment (cash, card, tips, a card still being checked), split
 * bill, refund, void, manager approval, open/close shift, cash in/out and the Z report — rendered
 * in Myanmar with next-intl throwing on any missing key or bad argument: a dialog that reaches
 * for a key the catalogue lacks fails here. English stays word for word what the e2e specs click.
 */
let t: TestTenant;
let zReport: ReportData;

beforeAll(async () => {
  t = await createTenant({ currency: 'MMK', timeZone: 'Asia/Yangon' });
  const cashier = await sessionContextOf(t, t.cashier);
  await mainLocation(t);
  const item = (await createStockedProduct(t, { name: 'Tea', trackStock: false })).variants[0]!.id;
  const shift = await openShift(cashier, { registerName: 'Front', openingFloat: 10_000 });
  const id = await createOrder(cashier, createOrderSchema.parse({ type: 'takeaway', shiftId: shift.id, lines: [{ variantId: item, quantity: 2 }] }));
  await payOrder(cashier, id, { tender: 'cash', tendered: 100_000 }, shift.id);
  zReport = JSON.parse(JSON.stringify(await closeShift(cashier, shift.id, 5_000))) as ReportData;
});

const noop = () => {};
const action = async () => null;
const tips = { enabled: true, presets: [500, 1000], custom: true };

/** An order part-paid in cash with a card still being checked (the fields the payment dialog reads). */
const order = {
  id: 'o1',
  number: 42,
  currency: 'MMK',
  total: 6_000,
  paidTotal: 2_000,
  balanceDue: 4_000,
  type: 'dine_in',
  lines: [],
  parts: [],
  payments: [
    { id: 'p1', tender: 'cash', amount: 2_000, status: 'captured', cashTendered: 5_000, changeGiven: 3_000, tip: 200, partId: null },
    { id: 'p2', tender: 'card', amount: 4_000, status: 'pending', cashTendered: null, changeGiven: null, tip: 0, partId: null },
  ],
} as unknown as Order;

function screens(): ReactNode[] {
  const refundable = [{ id: 'l1', label: 'Tea', quantity: 3, refundedQuantity: 1, pending: 1, left: 1, amounts: [1_000] }];
  const approvers = [{ id: 'm1', name: 'Ko Min Thu', role: 'manager' }];
  const formProps = {
    orderId: 'o1',
    orderNumber: 42,
    currency: 'MMK',
    canRefund: true,
    canVoid: true,
    refundable,
    refundableByTender: [
      { tender: 'cash' as const, amount: 500 },
      { tender: 'card' as const, amount: 500 },
    ],
    approvers,
    refundNeedsApproval: true,
    voidNeedsApproval: true,
    atRegister: true,
    refundOrderAction: action,
    voidOrderAction: action,
    onDone: noop,
    onCancel: noop,
  };
  const pay = { currency: 'MMK', cardState: 'half_open' as const, busy: false, onPay: async () => ({ kind: 'paid' as const, order }), onCheckCard: async () => null, onCardUnavailable: noop, onPaid: noop, onClose: noop };
  return [
    createElement(PaymentDialog, { key: 'pay', open: true, total: 6_000, order: null, tips, splitting: { ensureOrder: async () => ({ ok: true as const, order }), split: async () => ({ ok: true as const, order }) }, ...pay }),
    createElement(PaymentDialog, { key: 'pending', open: true, total: 6_000, order, ...pay, cardState: 'open' }),
    createElement(SplitPlanner, { key: 'split', order: { ...order, payments: [] }, busy: false, onSplit: async () => ({ ok: true as const, order }), onCancel: noop }),
    createElement(CardStatusBanner, { key: 'banner', state: 'open' }),
    createElement(RefundForm, { key: 'refund', ...formProps }),
    createElement(VoidForm, { key: 'void', ...formProps }),
    createElement(ApproverPinFields, { key: 'none', approvers: [], errors: {}, what: 'cashOut' }),
    createElement(OpenShiftForm, { key: 'open', registerName: 'Front', currency: 'MMK', onOpened: noop, onShowRegister: noop, openShiftAction: action }),
    createElement(CashMovementForm, { key: 'cash', shiftId: 's1', currency: 'MMK', approvers, onRecorded: noop, cashMovementAction: action }),
    createElement(CloseShift, { key: 'close', shiftId: 's1', approvers, expectedCash: 14_000, currency: 'MMK', canSeeOrders: true, onReview: async () => {}, onClosed: noop, closeShiftAction: action }),
    createElement(ShiftReportView, { key: 'z', report: zReport, currency: 'MMK', timeZone: 'Asia/Yangon', businessName: 'Shwe Café', onRefresh: noop }),
  ];
}

function render(locale: Locale): string {
  return renderStrict(locale, screens());
}

describe('the staff dialogs in Myanmar', () => {
  it('render with every key found, in Burmese, amounts in kyat', () => {
    const html = render('my');
    expect(html).toContain('ပေးရန်ကျန်ငွေ'); // "Balance due"
    expect(html).toContain('ပြန်အမ်းငွေ'); // "Change due"
    expect(html).toContain('ဘောက်ဆူး'); // "Tip"
    expect(html).toContain('ကတ်ကို စစ်ဆေးနေသည် — ထပ်မဖြတ်ပါနှင့်'); // "Checking the card — do not charge it again"
    expect(html).toContain('ဖောက်သည်ထံ ပြန်ပေးမည့်ငွေ'); // "Goes back to the customer"
    expect(html).toContain('မန်နေဂျာ အတည်ပြုချက်'); // "Manager approval"
    expect(html).toContain('အလှည့် ပိတ်ရန်'); // "Close shift"
    expect(html).toContain('Z အစီရင်ခံစာ · အလှည့် ပိတ်ပြီး'); // "Z report · shift closed"
    expect(html).toContain('၄,၀၀၀ ကျပ်');
    for (const english of ['Balance due', 'Change due', 'Cash received', 'Goes back to the customer', 'Manager approval', 'Close shift', 'Z report', 'Starting float', 'Split the bill']) {
      expect(html).not.toContain(english);
    }
  });

  it('stay word for word in English by default (the e2e specs find them so)', () => {
    const html = render('en');
    for (const english of ['Balance due', 'Change due', 'Cash received', 'Checking the card — do not charge it again', 'Goes back to the customer', 'Manager approval', 'Close shift', 'Z report · shift closed', 'Split the bill']) {
      expect(html).toContain(english);
    }
  });

  it('prints the Z report in the reader’s language, with the Myanmar face in its font stack', () => {
    const words = { t: translatorFor('my', 'shift') as unknown as ShiftT, f: formatsFor('my', 'local') };
    const html = shiftReportHtml(reportLayout(zReport, 'MMK', 'Asia/Yangon', words), 'Shwe Café');
    expect(html).toContain('<html lang="my">');
    expect(html).toContain('အံဆွဲထဲ ရှိသင့်ငွေ'); // "Expected in drawer"
    expect(html).toContain('Noto Sans Myanmar');
    expect(html).not.toContain('Expected in drawer');
  });
});

describe('API errors on the register', () => {
  const tMy = translatorFor('my', 'apiErrors') as unknown as Parameters<typeof apiErrorText>[1];
  it('translates the messages and codes it knows, and shows any other text as sent', () => {
    expect(apiErrorText({ code: 'payment_declined', message: 'The card was declined: insufficient funds.' }, tMy)).toBe('ကတ်ကို ငြင်းပယ်လိုက်ပါသည်- ငွေ မလုံလောက်ပါ။');
    expect(apiErrorText({ code: 'network', message: 'whatever the browser said' }, tMy)).toContain('ဆာဗာမှ အဖြေ မရပါ');
    expect(apiErrorText({ code: 'error', message: 'The server answered 500.' }, tMy)).toBe('ဆာဗာက 500 ဖြင့် ပြန်ဖြေပါသည်။'); // an HTTP status stays a code
    expect(apiErrorText({ code: 'conflict', message: 'Something new the server says' }, tMy)).toBe('Something new the server says');
  });
});
