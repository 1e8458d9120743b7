import { variantLabel } from '@/lib/catalog';
import type { DrawerOverShort, RefundsAndVoids } from './exceptions';
import { ratio } from './period';
import { marginOf } from './sales';
import type { CategoryRow, DayRow, DiscountsReport, HourRow, ProductRow, SalesSummary, StaffRow, TaxesReport, TenderRow } from './sales';
import type { ReportName } from './schemas';

/**
 * Each report as tables — the one definition of its columns that the /admin/reports page and
 * the CSV export both render, so they cannot disagree on headers, rows or order. A table holds
 * raw cells (money in minor units, shares in basis points, instants as ISO strings); the page
 * formats them for people (lib/platform/money.ts, the tenant's time zone), the export for
 * spreadsheets (report-csv.ts). Column keys are the CSV headers; labels are what the page shows.
 */
export type CellKind = 'text' | 'money' | 'count' | 'number' | 'percent' | 'date' | 'time' | 'hour';
/** money: minor units; percent: basis points; count/number: integers (a number is an id, shown without grouping); date: YYYY-MM-DD; time: an ISO instant; hour: 0–23. */
export type Cell = string | number | null;
export type TableColumn = { key: string; label: string; kind: CellKind };
export type ReportTable = {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Cell[][];
  /** One cell per column (null: nothing to add up); `label` goes in the first column. */
  totals: { label: string; values: Cell[] } | null;
  /** Something the reader must know about the rows (a list cut short). */
  note: string | null;
};
/** Headline figures of a report, shown above its tables (and in the print view). */
export type ReportFact = { label: string; kind: CellKind; value: Cell };

type Named = { name: string | null };
type WithStaffNames = { staffNames: Record<string, string> };

/** What each report function answers (index.ts checks its functions against this). */
export type ReportData = {
  'sales-summary': SalesSummary;
  'sales-by-hour': HourRow[];
  'sales-by-day': DayRow[];
  'tender-mix': TenderRow[];
  'top-products': ProductRow[];
  'top-categories': (CategoryRow & Named)[];
  'sales-by-staff': (StaffRow & Named)[];
  'refunds-and-voids': RefundsAndVoids & WithStaffNames;
  discounts: DiscountsReport;
  taxes: TaxesReport;
  'drawer-over-short': DrawerOverShort & WithStaffNames;
};
export type ReportResult = { [K in ReportName]: { report: K; currency: string; data: ReportData[K] } }[ReportName];

/** The reports' names for people, and the question each answers (the index page, headings, print). */
export const REPORT_INFO: Record<ReportName, { title: string; question: string }> = {
  'sales-summary': { title: 'Sales summary', question: 'What did we sell, give back and take in tax — and how does it compare with a week earlier?' },
  'top-products': { title: 'Sales by item', question: 'Which items sold, how many, and what did each bring in after discounts and refunds?' },
  'top-categories': { title: 'Sales by category', question: 'Which parts of the menu or shop bring in the money?' },
  'sales-by-staff': { title: 'Sales by staff member', question: 'Who rang up what, what tips their orders left them, and who gave refunds or voided orders?' },
  'sales-by-hour': { title: 'Sales by hour', question: 'Which hours of the day are busy and which are quiet?' },
  'sales-by-day': { title: 'Sales by day', question: 'How did each business day of the range go?' },
  'tender-mix': { title: 'Sales by payment method', question: 'How much came in as cash and as card, and how much went back?' },
  'refunds-and-voids': { title: 'Refunds and voids', question: 'What was refunded or voided, why, by whom, and who approved it?' },
  discounts: { title: 'Discounts given', question: 'How much was taken off prices, on how many orders, on which items, and why?' },
  taxes: { title: 'Taxes', question: 'How much tax was collected at each rate, less what refunds gave back?' },
  'drawer-over-short': { title: 'Cash drawer over/short', question: 'Did each closed shift’s counted cash match what the drawer should have held?' },
};

/** A column and how to read its cell from a row; `total` adds it up for the totals line. */
type Column<R> = TableColumn & { value: (r: R) => Cell; total?: 'sum' | (() => Cell) };
const col = <R>(key: string, label: string, kind: CellKind, value: (r: R) => Cell, total?: Column<R>['total']): Column<R> => ({ key, label, kind, value, total });
const sumOf = <R>(rows: R[], value: (r: R) => Cell) => rows.reduce((s, r) => s + (Number(value(r)) || 0), 0);

function table<R>(id: string, title: string, rows: R[], columns: Column<R>[], options: { totals?: string; note?: string | null } = {}): ReportTable {
  const totals =
    options.totals !== undefined && rows.length > 0
      ? { label: options.totals, values: columns.map((c) => (c.total === 'sum' ? sumOf(rows, c.value) : c.total ? c.total() : null)) }
      : null;
  return {
    id,
    title,
    columns: columns.map(({ key, label, kind }) => ({ key, label, kind })),
    rows: rows.map((r) => columns.map((c) => c.value(r))),
    totals,
    note: options.note ?? null,
  };
}

const money = <R>(key: string, label: string, value: (r: R) => number, total: Column<R>['total'] = 'sum') => col<R>(key, label, 'money', value, total);
const count = <R>(key: string, label: string, value: (r: R) => number, total: Column<R>['total'] = 'sum') => col<R>(key, label, 'count', value, total);
const staffName = (names: Record<string, string>, id: string | null) => (id ? (names[id] ?? 'Former staff') : null);
const tenderLabel = (t: string) => ({ cash: 'Cash', card: 'Card' })[t] ?? t;
const cut = (shown: number, all: number, what: string) => (shown < all ? `The latest ${shown} of ${all} ${what} are listed; the totals count all of them.` : null);

/** The columns of a row of sums (by hour, by day). */
const salesColumns = <
  R extends { orders: number; items: number; covers: number; gross: number; discounts: number; serviceCharge: number; refunds: number; net: number; tax: number; tips: number },
>(): Column<R>[] => [
  count('orders', 'Orders', (r) => r.orders),
  count('items', 'Items sold', (r) => r.items),
  count('covers', 'Covers', (r) => r.covers),
  money('gross', 'Gross sales', (r) => r.gross),
  money('discounts', 'Discounts', (r) => r.discounts),
  money('service_charge', 'Service charge', (r) => r.serviceCharge),
  money('refunds', 'Refunds', (r) => r.refunds),
  money('net', 'Net sales', (r) => r.net),
  money('tax', 'Tax', (r) => r.tax),
  money('tips', 'Tips', (r) => r.tips),
];

type CostRow = { costOfGoods: number; costedSales: number; grossProfit: number; uncostedItems: number; uncostedSales: number };

/**
 * Cost of goods, gross profit and margin, then what was sold without a known cost (counted,
 * never as free: docs/analytics.md › Margins). The totals' margin is of the summed figures.
 */
const costColumns = <R extends CostRow>(rows: R[], margin: (r: R) => number | null): Column<R>[] => [
  money('cost_of_goods', 'Cost of goods', (r) => r.costOfGoods),
  money('gross_profit', 'Gross profit', (r) => r.grossProfit),
  col<R>('margin_percent', 'Margin', 'percent', margin, () => marginOf(sumOf(rows, (r) => r.grossProfit), sumOf(rows, (r) => r.costedSales))),
  count('uncosted_items', 'Units without a cost', (r) => r.uncostedItems),
  money('uncosted_sales', 'Sales without a cost', (r) => r.uncostedSales),
];

/** The columns of a products or categories row, after the name. */
const itemColumns = <R extends Omit<ProductRow, 'variantId' | 'productId' | 'productName' | 'variantName'>>(rows: R[]): Column<R>[] => [
  count('sold', 'Units sold', (r) => r.sold),
  count('refunded_quantity', 'Units refunded', (r) => r.refundedQuantity),
  count('quantity', 'Units kept', (r) => r.quantity),
  money('gross', 'Gross sales', (r) => r.gross),
  money('discounts', 'Discounts', (r) => r.discounts),
  money('service_charge', 'Service charge', (r) => r.serviceCharge),
  money('refunds', 'Refunds', (r) => r.refunds),
  money('net', 'Net sales', (r) => r.net),
  money('tax', 'Tax', (r) => r.tax),
  ...costColumns(rows, (r) => r.marginBasisPoints),
];

type Built = { tables: ReportTable[]; facts: ReportFact[] };
const SUMMARY_FIGURES = [
  'gross', 'discounts', 'serviceCharge', 'refunds', 'net', 'tax', 'tips', 'orders', 'averageTicket', 'items', 'covers', 'refundCount', 'voids',
  'costOfGoods', 'costedSales', 'grossProfit', 'uncostedItems', 'uncostedSales',
] as const;

const BUILD: { [K in ReportName]: (data: ReportData[K], range: { from: string; to: string }) => Built } = {
  'sales-summary': (s, range) => {
    type Row = { period: string; from: string | null; to: string | null; figure: (k: (typeof SUMMARY_FIGURES)[number]) => number };
    const rows: Row[] = [
      { period: 'This period', from: range.from, to: range.to, figure: (k) => s[k].value },
      { period: 'A week earlier', from: s.previous.from, to: s.previous.to, figure: (k) => s[k].previous },
      { period: 'Change', from: null, to: null, figure: (k) => s[k].change },
    ];
    const f = (k: (typeof SUMMARY_FIGURES)[number]) => (r: Row) => r.figure(k);
    const margin = (r: Row) => marginOf(r.figure('grossProfit'), r.figure('costedSales'));
    return {
      facts: [
        { label: 'Cost of goods', kind: 'money', value: s.costOfGoods.value },
        { label: 'Gross profit', kind: 'money', value: s.grossProfit.value },
        { label: 'Margin', kind: 'percent', value: margin(rows[0]!) },
        { label: 'Units sold without a cost', kind: 'count', value: s.uncostedItems.value },
      ],
      tables: [
        table('summary', 'Summary', rows, [
          col<Row>('period', 'Period', 'text', (r) => r.period),
          col<Row>('from', 'From', 'date', (r) => r.from),
          col<Row>('to', 'To', 'date', (r) => r.to),
          money('gross', 'Gross sales', f('gross')),
          money('discounts', 'Discounts', f('discounts')),
          money('service_charge', 'Service charge', f('serviceCharge')),
          money('refunds', 'Refunds', f('refunds')),
          money('net', 'Net sales', f('net')),
          money('tax', 'Tax', f('tax')),
          money('tips', 'Tips', f('tips')),
          count('orders', 'Orders', f('orders')),
          money('average_ticket', 'Average ticket', f('averageTicket')),
          count('items', 'Items sold', f('items')),
          count('covers', 'Covers', f('covers')),
          count('refund_count', 'Refunds given', f('refundCount')),
          count('voids', 'Voids', f('voids')),
          money('cost_of_goods', 'Cost of goods', f('costOfGoods')),
          money('gross_profit', 'Gross profit', f('grossProfit')),
          // The change row's margin is this period's less the earlier one's (points, not a margin of differences).
          col<Row>('margin_percent', 'Margin', 'percent', (r) =>
            r.from !== null ? margin(r) : (margin(rows[0]!) === null || margin(rows[1]!) === null ? null : margin(rows[0]!)! - margin(rows[1]!)!),
          ),
          count('uncosted_items', 'Units without a cost', f('uncostedItems')),
          money('uncosted_sales', 'Sales without a cost', f('uncostedSales')),
        ]),
      ],
    };
  },
  'sales-by-hour': (rows) => ({
    facts: [],
    tables: [table('hours', 'By hour of day', rows, [col<HourRow>('hour', 'Hour', 'hour', (r) => r.hour), ...salesColumns<HourRow>()], { totals: 'All hours' })],
  }),
  'sales-by-day': (rows) => {
    const [sold, orders] = [sumOf(rows, (r) => r.gross - r.discounts + r.serviceCharge), sumOf(rows, (r) => r.orders)];
    return {
      facts: [],
      tables: [
        table('days', 'By business day', rows, [
          col<DayRow>('date', 'Date', 'date', (r) => r.date),
          ...salesColumns<DayRow>(),
          money('average_ticket', 'Average ticket', (r) => r.averageTicket, () => ratio(sold, orders)),
          count('refund_count', 'Refunds given', (r) => r.refundCount),
          count('voids', 'Voids', (r) => r.voids),
          money('void_amount', 'Voided amount', (r) => r.voidAmount),
        ], { totals: 'All days' }),
      ],
    };
  },
  'tender-mix': (rows) => ({
    facts: [],
    tables: [
      table('tenders', 'By payment method', rows, [
        col<TenderRow>('tender', 'Payment method', 'text', (r) => tenderLabel(r.tender)),
        count('payments', 'Payments', (r) => r.payments),
        money('taken', 'Taken', (r) => r.taken),
        money('refunded', 'Refunded', (r) => r.refunded),
        money('net', 'Kept', (r) => r.net),
        col<TenderRow>('share_percent', 'Share of kept', 'percent', (r) => r.shareBasisPoints, () => (rows.some((r) => r.net !== 0) ? 10_000 : 0)),
      ], { totals: 'All methods' }),
    ],
  }),
  'top-products': (rows) => ({
    facts: [],
    tables: [table('items', 'By item', rows, [col<ProductRow>('item', 'Item', 'text', (r) => variantLabel(r)), ...itemColumns<ProductRow>(rows)], { totals: 'All items' })],
  }),
  'top-categories': (rows) => ({
    facts: [],
    tables: [
      table('categories', 'By category', rows, [
        col<ReportData['top-categories'][number]>('category', 'Category', 'text', (r) => r.name ?? (r.categoryId ? 'Deleted category' : 'No category')),
        ...itemColumns<ReportData['top-categories'][number]>(rows),
      ], { totals: 'All categories' }),
    ],
  }),
  'sales-by-staff': (rows) => {
    type Row = ReportData['sales-by-staff'][number];
    return {
      facts: [],
      tables: [
        table('staff', 'By staff member', rows, [
          col<Row>('staff', 'Staff member', 'text', (r) => r.name ?? 'Former staff'),
          count('orders', 'Orders', (r) => r.orders),
          count('items', 'Items sold', (r) => r.items),
          money('gross', 'Gross sales', (r) => r.gross),
          money('discounts', 'Discounts', (r) => r.discounts),
          money('service_charge', 'Service charge', (r) => r.serviceCharge),
          money('sales', 'Sales', (r) => r.sales),
          money('tax', 'Tax', (r) => r.tax),
          money('tips', 'Tips', (r) => r.tips),
          count('refund_count', 'Refunds given', (r) => r.refundCount),
          money('refunds', 'Refunded', (r) => r.refunds),
          count('voids', 'Voids', (r) => r.voids),
          money('void_amount', 'Voided amount', (r) => r.voidAmount),
        ], { totals: 'Everyone' }),
      ],
    };
  },
  'refunds-and-voids': (d) => {
    const who = (id: string | null) => staffName(d.staffNames, id);
    type Refund = (typeof d.refunds.entries)[number];
    type Void = (typeof d.voids.entries)[number];
    type Group = { kind: string; name: string; count: number; amount: number };
    const reasons: Group[] = [
      ...d.refunds.byReason.map((g) => ({ kind: 'Refund', name: g.reason, count: g.count, amount: g.amount })),
      ...d.voids.byReason.map((g) => ({ kind: 'Void', name: g.reason, count: g.count, amount: g.amount })),
    ];
    const people: Group[] = [
      ...d.refunds.byStaff.map((g) => ({ kind: 'Refund', name: who(g.staffId)!, count: g.count, amount: g.amount })),
      ...d.voids.byStaff.map((g) => ({ kind: 'Void', name: who(g.staffId)!, count: g.count, amount: g.amount })),
    ];
    const groupColumns = (label: string): Column<Group>[] => [
      col<Group>('kind', 'Kind', 'text', (g) => g.kind),
      col<Group>(label === 'Reason' ? 'reason' : 'staff', label, 'text', (g) => g.name),
      count('count', 'Count', (g) => g.count),
      money('amount', 'Amount', (g) => g.amount),
    ];
    return {
      facts: [
        { label: 'Refunds', kind: 'count', value: d.refunds.count },
        { label: 'Money refunded', kind: 'money', value: d.refunds.amount },
        { label: 'Voids', kind: 'count', value: d.voids.count },
        { label: 'Voided orders came to', kind: 'money', value: d.voids.amount },
      ],
      tables: [
        table('refunds', 'Refunds', d.refunds.entries, [
          col<Refund>('time', 'When', 'time', (r) => r.at.toISOString()),
          col<Refund>('order_number', 'Order', 'number', (r) => r.orderNumber),
          money('amount', 'Money back', (r) => r.amount, () => d.refunds.amount),
          count('items', 'Items', (r) => r.items, () => null),
          col<Refund>('reason', 'Reason', 'text', (r) => r.reason),
          col<Refund>('refunded_by', 'Refunded by', 'text', (r) => who(r.refundedBy)),
          col<Refund>('approved_by', 'Approved by', 'text', (r) => who(r.approvedBy)),
          col<Refund>('sold_by', 'Sold by', 'text', (r) => who(r.sellerId)),
        ], { totals: d.refunds.count === 1 ? '1 refund' : `${d.refunds.count} refunds`, note: cut(d.refunds.entries.length, d.refunds.count, 'refunds') }),
        table('voids', 'Voids', d.voids.entries, [
          col<Void>('time', 'When', 'time', (v) => v.at.toISOString()),
          col<Void>('order_number', 'Order', 'number', (v) => v.orderNumber),
          money('amount', 'Order came to', (v) => v.amount, () => d.voids.amount),
          count('items', 'Items', (v) => v.items, () => null),
          col<Void>('reason', 'Reason', 'text', (v) => v.reason),
          col<Void>('voided_by', 'Voided by', 'text', (v) => who(v.voidedBy)),
          col<Void>('approved_by', 'Approved by', 'text', (v) => who(v.approvedBy)),
          col<Void>('sold_by', 'Rung up by', 'text', (v) => who(v.sellerId)),
        ], { totals: d.voids.count === 1 ? '1 void' : `${d.voids.count} voids`, note: cut(d.voids.entries.length, d.voids.count, 'voids') }),
        table('reasons', 'By reason', reasons, groupColumns('Reason')),
        table('people', 'By staff member', people, groupColumns('Staff member')),
      ],
    };
  },
  discounts: (d) => {
    type Day = DiscountsReport['byDay'][number];
    type Item = DiscountsReport['byProduct'][number];
    type Reason = DiscountsReport['byReason'][number];
    return {
      facts: [
        { label: 'Discounts', kind: 'money', value: d.discounts },
        { label: 'Orders with a discount', kind: 'count', value: d.discountedOrders },
        { label: 'Orders', kind: 'count', value: d.orders },
        { label: 'Share of gross sales', kind: 'percent', value: d.rateBasisPoints },
      ],
      tables: [
        table('days', 'By business day', d.byDay, [
          col<Day>('date', 'Date', 'date', (r) => r.date),
          count('orders', 'Orders', (r) => r.orders, () => d.orders),
          count('discounted_orders', 'Orders with a discount', (r) => r.discountedOrders, () => d.discountedOrders),
          money('discounts', 'Discounts', (r) => r.discounts, () => d.discounts),
        ], { totals: 'All days' }),
        table('reasons', 'By reason', d.byReason, [
          col<Reason>('reason', 'Reason', 'text', (r) => r.reason || 'No reason given'),
          count('orders', 'Orders', (r) => r.orders, () => null),
          money('discounts', 'Discounts', (r) => r.discounts, () => d.discounts),
        ], { totals: 'All reasons' }),
        table('items', 'By item', d.byProduct, [
          col<Item>('item', 'Item', 'text', (r) => variantLabel(r)),
          money('gross', 'Gross sales', (r) => r.gross),
          money('discounts', 'Discounts', (r) => r.discounts),
        ], { note: d.byProduct.length >= 50 ? 'The 50 items with the most discount are listed.' : null }),
      ],
    };
  },
  taxes: (d) => {
    type Rate = TaxesReport['rates'][number];
    return {
      facts: [
        { label: 'Taxable, after refunds', kind: 'money', value: d.netTaxable },
        { label: 'Tax, after refunds', kind: 'money', value: d.netTax },
      ],
      tables: [
        table('rates', 'By tax rate', d.rates, [
          col<Rate>('rate_percent', 'Rate', 'percent', (r) => r.rateBasisPoints),
          money('taxable', 'Taxable sales', (r) => r.taxable),
          money('tax', 'Tax', (r) => r.tax),
          money('refunds', 'Taxable refunds', (r) => r.refunds),
          money('refund_tax', 'Tax refunded', (r) => r.refundTax),
          money('net_taxable', 'Taxable, after refunds', (r) => r.netTaxable, () => d.netTaxable),
          money('net_tax', 'Tax, after refunds', (r) => r.netTax, () => d.netTax),
        ], { totals: 'All rates' }),
      ],
    };
  },
  'drawer-over-short': (d) => {
    type Shift = (typeof d.shifts)[number];
    const who = (id: string | null) => staffName(d.staffNames, id);
    return {
      facts: [
        { label: 'Shifts closed', kind: 'count', value: d.count },
        { label: 'Over', kind: 'money', value: d.over },
        { label: 'Short', kind: 'money', value: d.short },
        { label: 'Over/short in all', kind: 'money', value: d.difference },
      ],
      tables: [
        table('shifts', 'By shift', d.shifts, [
          col<Shift>('register', 'Register', 'text', (s) => s.registerName),
          col<Shift>('opened_at', 'Opened', 'time', (s) => s.openedAt.toISOString()),
          col<Shift>('opened_by', 'Opened by', 'text', (s) => who(s.openedBy)),
          col<Shift>('closed_at', 'Closed', 'time', (s) => s.closedAt.toISOString()),
          col<Shift>('closed_by', 'Closed by', 'text', (s) => who(s.closedBy)),
          money('opening_float', 'Opening float', (s) => s.openingFloat),
          money('expected_cash', 'Expected cash', (s) => s.expectedCash),
          money('counted_cash', 'Counted cash', (s) => s.countedCash),
          money('difference', 'Over (+) / short (−)', (s) => s.difference),
        ], { totals: d.count === 1 ? '1 shift' : `${d.count} shifts` }),
      ],
    };
  },
};

/** The tables (in page order; the first is the report's main one) and headline facts of a report's answer. */
export function tablesOf(result: ReportResult, range: { from: string; to: string }): Built {
  return (BUILD[result.report] as (data: ReportData[ReportName], range: { from: string; to: string }) => Built)(result.data, range);
}
