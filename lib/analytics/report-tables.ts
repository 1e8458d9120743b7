import { variantLabel } from '@/lib/catalog';
import type { DrawerOverShort, RefundsAndVoids } from './exceptions';
import { ratio } from './period';
import { marginOf } from './sales';
import type { CategoryRow, DayRow, DiscountsReport, HourRow, ProductRow, SalesSummary, StaffRow, TaxesReport, TenderRow } from './sales';
import type { ReportName } from './schemas';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';

/**
 * Each report as tables — the one definition of its columns that the /admin/reports page and
 * the CSV export both render, so they cannot disagree on headers, rows or order. A table holds
 * raw cells (money in minor units, shares in basis points, instants as ISO strings); the page
 * formats them for people (lib/platform/money.ts, the tenant's time zone), the export for
 * spreadsheets (report-csv.ts). Column keys are the CSV headers; labels are what the page shows.
 *
 * The words a person reads — table titles, column labels, headline figures, the totals line, a
 * note, and the cells that are words of ours ("Cash", "This period", "Former staff") — come
 * from the `reportTables` catalogue in the locale asked for: the page passes its reader's, the
 * CSV export (an API, locale-free) English. Keys, ids and raw cells are the same in every
 * language (docs/i18n.md).
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
/** Headline figures of a report, shown above its tables (and in the print view); `key` names the figure whatever the language. */
export type ReportFact = { key: string; label: string; kind: CellKind; value: Cell };

type Named = { name: string | null };
/** The `reportTables` words in one language. */
type Words = ReturnType<typeof translatorFor<'reportTables'>>;
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
const staffName = (w: Words, names: Record<string, string>, id: string | null) => (id ? (names[id] ?? w('word.formerStaff')) : null);
const tenderLabel = (w: Words, tender: string) => (tender === 'cash' || tender === 'card' ? w(`word.${tender}`) : tender);
const cut = (w: Words, what: 'latestRefunds' | 'latestVoids', shown: number, all: number) => (shown < all ? w(`note.${what}`, { shown, all }) : null);

/** The columns of a row of sums (by hour, by day). */
const salesColumns = <
  R extends { orders: number; items: number; covers: number; gross: number; discounts: number; serviceCharge: number; refunds: number; net: number; tax: number; tips: number },
>(w: Words): Column<R>[] => [
  count('orders', w('label.orders'), (r) => r.orders),
  count('items', w('label.itemsSold'), (r) => r.items),
  count('covers', w('label.covers'), (r) => r.covers),
  money('gross', w('label.grossSales'), (r) => r.gross),
  money('discounts', w('label.discounts'), (r) => r.discounts),
  money('service_charge', w('label.serviceCharge'), (r) => r.serviceCharge),
  money('refunds', w('label.refunds'), (r) => r.refunds),
  money('net', w('label.netSales'), (r) => r.net),
  money('tax', w('label.tax'), (r) => r.tax),
  money('tips', w('label.tips'), (r) => r.tips),
];

type CostRow = { costOfGoods: number; costedSales: number; grossProfit: number; uncostedItems: number; uncostedSales: number };

/**
 * Cost of goods, gross profit and margin, then what was sold without a known cost (counted,
 * never as free: docs/analytics.md › Margins). The totals' margin is of the summed figures.
 */
const costColumns = <R extends CostRow>(w: Words, rows: R[], margin: (r: R) => number | null): Column<R>[] => [
  money('cost_of_goods', w('label.costOfGoods'), (r) => r.costOfGoods),
  money('gross_profit', w('label.grossProfit'), (r) => r.grossProfit),
  col<R>('margin_percent', w('label.margin'), 'percent', margin, () => marginOf(sumOf(rows, (r) => r.grossProfit), sumOf(rows, (r) => r.costedSales))),
  count('uncosted_items', w('label.uncostedItems'), (r) => r.uncostedItems),
  money('uncosted_sales', w('label.uncostedSales'), (r) => r.uncostedSales),
];

/** The columns of a products or categories row, after the name. */
const itemColumns = <R extends Omit<ProductRow, 'variantId' | 'productId' | 'productName' | 'variantName'>>(w: Words, rows: R[]): Column<R>[] => [
  count('sold', w('label.unitsSold'), (r) => r.sold),
  count('refunded_quantity', w('label.unitsRefunded'), (r) => r.refundedQuantity),
  count('quantity', w('label.unitsKept'), (r) => r.quantity),
  money('gross', w('label.grossSales'), (r) => r.gross),
  money('discounts', w('label.discounts'), (r) => r.discounts),
  money('service_charge', w('label.serviceCharge'), (r) => r.serviceCharge),
  money('refunds', w('label.refunds'), (r) => r.refunds),
  money('net', w('label.netSales'), (r) => r.net),
  money('tax', w('label.tax'), (r) => r.tax),
  ...costColumns(w, rows, (r) => r.marginBasisPoints),
];

type Built = { tables: ReportTable[]; facts: ReportFact[] };
const SUMMARY_FIGURES = [
  'gross', 'discounts', 'serviceCharge', 'refunds', 'net', 'tax', 'tips', 'orders', 'averageTicket', 'items', 'covers', 'refundCount', 'voids',
  'costOfGoods', 'costedSales', 'grossProfit', 'uncostedItems', 'uncostedSales',
] as const;

const BUILD: { [K in ReportName]: (data: ReportData[K], w: Words, range: { from: string; to: string }) => Built } = {
  'sales-summary': (s, w, range) => {
    type Row = { period: string; from: string | null; to: string | null; figure: (k: (typeof SUMMARY_FIGURES)[number]) => number };
    const rows: Row[] = [
      { period: w('word.thisPeriod'), from: range.from, to: range.to, figure: (k) => s[k].value },
      { period: w('word.weekEarlier'), from: s.previous.from, to: s.previous.to, figure: (k) => s[k].previous },
      { period: w('word.change'), from: null, to: null, figure: (k) => s[k].change },
    ];
    const f = (k: (typeof SUMMARY_FIGURES)[number]) => (r: Row) => r.figure(k);
    const margin = (r: Row) => marginOf(r.figure('grossProfit'), r.figure('costedSales'));
    return {
      facts: [
        { key: 'cost_of_goods', label: w('label.costOfGoods'), kind: 'money', value: s.costOfGoods.value },
        { key: 'gross_profit', label: w('label.grossProfit'), kind: 'money', value: s.grossProfit.value },
        { key: 'margin', label: w('label.margin'), kind: 'percent', value: margin(rows[0]!) },
        { key: 'uncosted_sold', label: w('label.uncostedSold'), kind: 'count', value: s.uncostedItems.value },
      ],
      tables: [
        table('summary', w('table.summary'), rows, [
          col<Row>('period', w('label.period'), 'text', (r) => r.period),
          col<Row>('from', w('label.from'), 'date', (r) => r.from),
          col<Row>('to', w('label.to'), 'date', (r) => r.to),
          money('gross', w('label.grossSales'), f('gross')),
          money('discounts', w('label.discounts'), f('discounts')),
          money('service_charge', w('label.serviceCharge'), f('serviceCharge')),
          money('refunds', w('label.refunds'), f('refunds')),
          money('net', w('label.netSales'), f('net')),
          money('tax', w('label.tax'), f('tax')),
          money('tips', w('label.tips'), f('tips')),
          count('orders', w('label.orders'), f('orders')),
          money('average_ticket', w('label.averageTicket'), f('averageTicket')),
          count('items', w('label.itemsSold'), f('items')),
          count('covers', w('label.covers'), f('covers')),
          count('refund_count', w('label.refundsGiven'), f('refundCount')),
          count('voids', w('label.voids'), f('voids')),
          money('cost_of_goods', w('label.costOfGoods'), f('costOfGoods')),
          money('gross_profit', w('label.grossProfit'), f('grossProfit')),
          // The change row's margin is this period's less the earlier one's (points, not a margin of differences).
          col<Row>('margin_percent', w('label.margin'), 'percent', (r) =>
            r.from !== null ? margin(r) : (margin(rows[0]!) === null || margin(rows[1]!) === null ? null : margin(rows[0]!)! - margin(rows[1]!)!),
          ),
          count('uncosted_items', w('label.uncostedItems'), f('uncostedItems')),
          money('uncosted_sales', w('label.uncostedSales'), f('uncostedSales')),
        ]),
      ],
    };
  },
  'sales-by-hour': (rows, w) => ({
    facts: [],
    tables: [table('hours', w('table.hours'), rows, [col<HourRow>('hour', w('label.hour'), 'hour', (r) => r.hour), ...salesColumns<HourRow>(w)], { totals: w('total.allHours') })],
  }),
  'sales-by-day': (rows, w) => {
    const [sold, orders] = [sumOf(rows, (r) => r.gross - r.discounts + r.serviceCharge), sumOf(rows, (r) => r.orders)];
    return {
      facts: [],
      tables: [
        table('days', w('table.days'), rows, [
          col<DayRow>('date', w('label.date'), 'date', (r) => r.date),
          ...salesColumns<DayRow>(w),
          money('average_ticket', w('label.averageTicket'), (r) => r.averageTicket, () => ratio(sold, orders)),
          count('refund_count', w('label.refundsGiven'), (r) => r.refundCount),
          count('voids', w('label.voids'), (r) => r.voids),
          money('void_amount', w('label.voidAmount'), (r) => r.voidAmount),
        ], { totals: w('total.allDays') }),
      ],
    };
  },
  'tender-mix': (rows, w) => ({
    facts: [],
    tables: [
      table('tenders', w('table.tenders'), rows, [
        col<TenderRow>('tender', w('label.tender'), 'text', (r) => tenderLabel(w, r.tender)),
        count('payments', w('label.payments'), (r) => r.payments),
        money('taken', w('label.taken'), (r) => r.taken),
        money('refunded', w('label.refunded'), (r) => r.refunded),
        money('net', w('label.kept'), (r) => r.net),
        col<TenderRow>('share_percent', w('label.shareOfKept'), 'percent', (r) => r.shareBasisPoints, () => (rows.some((r) => r.net !== 0) ? 10_000 : 0)),
      ], { totals: w('total.allMethods') }),
    ],
  }),
  'top-products': (rows, w) => ({
    facts: [],
    tables: [table('items', w('table.items'), rows, [col<ProductRow>('item', w('label.item'), 'text', (r) => variantLabel(r)), ...itemColumns<ProductRow>(w, rows)], { totals: w('total.allItems') })],
  }),
  'top-categories': (rows, w) => ({
    facts: [],
    tables: [
      table('categories', w('table.categories'), rows, [
        col<ReportData['top-categories'][number]>('category', w('label.category'), 'text', (r) => r.name ?? (r.categoryId ? w('word.deletedCategory') : w('word.noCategory'))),
        ...itemColumns<ReportData['top-categories'][number]>(w, rows),
      ], { totals: w('total.allCategories') }),
    ],
  }),
  'sales-by-staff': (rows, w) => {
    type Row = ReportData['sales-by-staff'][number];
    return {
      facts: [],
      tables: [
        table('staff', w('table.staff'), rows, [
          col<Row>('staff', w('label.staffMember'), 'text', (r) => r.name ?? w('word.formerStaff')),
          count('orders', w('label.orders'), (r) => r.orders),
          count('items', w('label.itemsSold'), (r) => r.items),
          money('gross', w('label.grossSales'), (r) => r.gross),
          money('discounts', w('label.discounts'), (r) => r.discounts),
          money('service_charge', w('label.serviceCharge'), (r) => r.serviceCharge),
          money('sales', w('label.sales'), (r) => r.sales),
          money('tax', w('label.tax'), (r) => r.tax),
          money('tips', w('label.tips'), (r) => r.tips),
          count('refund_count', w('label.refundsGiven'), (r) => r.refundCount),
          money('refunds', w('label.refunded'), (r) => r.refunds),
          count('voids', w('label.voids'), (r) => r.voids),
          money('void_amount', w('label.voidAmount'), (r) => r.voidAmount),
        ], { totals: w('total.everyone') }),
      ],
    };
  },
  'refunds-and-voids': (d, w) => {
    const who = (id: string | null) => staffName(w, d.staffNames, id);
    type Refund = (typeof d.refunds.entries)[number];
    type Void = (typeof d.voids.entries)[number];
    type Group = { kind: string; name: string; count: number; amount: number };
    const reasons: Group[] = [
      ...d.refunds.byReason.map((g) => ({ kind: w('word.refund'), name: g.reason, count: g.count, amount: g.amount })),
      ...d.voids.byReason.map((g) => ({ kind: w('word.void'), name: g.reason, count: g.count, amount: g.amount })),
    ];
    const people: Group[] = [
      ...d.refunds.byStaff.map((g) => ({ kind: w('word.refund'), name: who(g.staffId)!, count: g.count, amount: g.amount })),
      ...d.voids.byStaff.map((g) => ({ kind: w('word.void'), name: who(g.staffId)!, count: g.count, amount: g.amount })),
    ];
    const groupColumns = (by: 'reason' | 'staff'): Column<Group>[] => [
      col<Group>('kind', w('label.kind'), 'text', (g) => g.kind),
      col<Group>(by, w(by === 'reason' ? 'label.reason' : 'label.staffMember'), 'text', (g) => g.name),
      count('count', w('label.count'), (g) => g.count),
      money('amount', w('label.amount'), (g) => g.amount),
    ];
    return {
      facts: [
        { key: 'refunds', label: w('label.refunds'), kind: 'count', value: d.refunds.count },
        { key: 'money_refunded', label: w('label.moneyRefunded'), kind: 'money', value: d.refunds.amount },
        { key: 'voids', label: w('label.voids'), kind: 'count', value: d.voids.count },
        { key: 'voided_came_to', label: w('label.voidedCameTo'), kind: 'money', value: d.voids.amount },
      ],
      tables: [
        table('refunds', w('table.refunds'), d.refunds.entries, [
          col<Refund>('time', w('label.when'), 'time', (r) => r.at.toISOString()),
          col<Refund>('order_number', w('label.order'), 'number', (r) => r.orderNumber),
          money('amount', w('label.moneyBack'), (r) => r.amount, () => d.refunds.amount),
          count('items', w('label.items'), (r) => r.items, () => null),
          col<Refund>('reason', w('label.reason'), 'text', (r) => r.reason),
          col<Refund>('refunded_by', w('label.refundedBy'), 'text', (r) => who(r.refundedBy)),
          col<Refund>('approved_by', w('label.approvedBy'), 'text', (r) => who(r.approvedBy)),
          col<Refund>('sold_by', w('label.soldBy'), 'text', (r) => who(r.sellerId)),
        ], { totals: w('total.refunds', { count: d.refunds.count }), note: cut(w, 'latestRefunds', d.refunds.entries.length, d.refunds.count) }),
        table('voids', w('table.voids'), d.voids.entries, [
          col<Void>('time', w('label.when'), 'time', (v) => v.at.toISOString()),
          col<Void>('order_number', w('label.order'), 'number', (v) => v.orderNumber),
          money('amount', w('label.orderCameTo'), (v) => v.amount, () => d.voids.amount),
          count('items', w('label.items'), (v) => v.items, () => null),
          col<Void>('reason', w('label.reason'), 'text', (v) => v.reason),
          col<Void>('voided_by', w('label.voidedBy'), 'text', (v) => who(v.voidedBy)),
          col<Void>('approved_by', w('label.approvedBy'), 'text', (v) => who(v.approvedBy)),
          col<Void>('sold_by', w('label.rungUpBy'), 'text', (v) => who(v.sellerId)),
        ], { totals: w('total.voids', { count: d.voids.count }), note: cut(w, 'latestVoids', d.voids.entries.length, d.voids.count) }),
        table('reasons', w('table.reasons'), reasons, groupColumns('reason')),
        table('people', w('table.people'), people, groupColumns('staff')),
      ],
    };
  },
  discounts: (d, w) => {
    type Day = DiscountsReport['byDay'][number];
    type Item = DiscountsReport['byProduct'][number];
    type Reason = DiscountsReport['byReason'][number];
    return {
      facts: [
        { key: 'discounts', label: w('label.discounts'), kind: 'money', value: d.discounts },
        { key: 'discounted_orders', label: w('label.discountedOrders'), kind: 'count', value: d.discountedOrders },
        { key: 'orders', label: w('label.orders'), kind: 'count', value: d.orders },
        { key: 'share_of_gross', label: w('label.shareOfGross'), kind: 'percent', value: d.rateBasisPoints },
      ],
      tables: [
        table('days', w('table.days'), d.byDay, [
          col<Day>('date', w('label.date'), 'date', (r) => r.date),
          count('orders', w('label.orders'), (r) => r.orders, () => d.orders),
          count('discounted_orders', w('label.discountedOrders'), (r) => r.discountedOrders, () => d.discountedOrders),
          money('discounts', w('label.discounts'), (r) => r.discounts, () => d.discounts),
        ], { totals: w('total.allDays') }),
        table('reasons', w('table.reasons'), d.byReason, [
          col<Reason>('reason', w('label.reason'), 'text', (r) => r.reason || w('word.noReason')),
          count('orders', w('label.orders'), (r) => r.orders, () => null),
          money('discounts', w('label.discounts'), (r) => r.discounts, () => d.discounts),
        ], { totals: w('total.allReasons') }),
        table('items', w('table.items'), d.byProduct, [
          col<Item>('item', w('label.item'), 'text', (r) => variantLabel(r)),
          money('gross', w('label.grossSales'), (r) => r.gross),
          money('discounts', w('label.discounts'), (r) => r.discounts),
        ], { note: d.byProduct.length >= 50 ? w('note.mostDiscounted', { count: 50 }) : null }),
      ],
    };
  },
  taxes: (d, w) => {
    type Rate = TaxesReport['rates'][number];
    return {
      facts: [
        { key: 'net_taxable', label: w('label.netTaxable'), kind: 'money', value: d.netTaxable },
        { key: 'net_tax', label: w('label.netTax'), kind: 'money', value: d.netTax },
      ],
      tables: [
        table('rates', w('table.rates'), d.rates, [
          col<Rate>('rate_percent', w('label.rate'), 'percent', (r) => r.rateBasisPoints),
          money('taxable', w('label.taxableSales'), (r) => r.taxable),
          money('tax', w('label.tax'), (r) => r.tax),
          money('refunds', w('label.taxableRefunds'), (r) => r.refunds),
          money('refund_tax', w('label.taxRefunded'), (r) => r.refundTax),
          money('net_taxable', w('label.netTaxable'), (r) => r.netTaxable, () => d.netTaxable),
          money('net_tax', w('label.netTax'), (r) => r.netTax, () => d.netTax),
        ], { totals: w('total.allRates') }),
      ],
    };
  },
  'drawer-over-short': (d, w) => {
    type Shift = (typeof d.shifts)[number];
    const who = (id: string | null) => staffName(w, d.staffNames, id);
    return {
      facts: [
        { key: 'shifts_closed', label: w('label.shiftsClosed'), kind: 'count', value: d.count },
        { key: 'over', label: w('label.over'), kind: 'money', value: d.over },
        { key: 'short', label: w('label.short'), kind: 'money', value: d.short },
        { key: 'over_short_in_all', label: w('label.overShortInAll'), kind: 'money', value: d.difference },
      ],
      tables: [
        table('shifts', w('table.shifts'), d.shifts, [
          col<Shift>('register', w('label.register'), 'text', (s) => s.registerName),
          col<Shift>('opened_at', w('label.openedAt'), 'time', (s) => s.openedAt.toISOString()),
          col<Shift>('opened_by', w('label.openedBy'), 'text', (s) => who(s.openedBy)),
          col<Shift>('closed_at', w('label.closedAt'), 'time', (s) => s.closedAt.toISOString()),
          col<Shift>('closed_by', w('label.closedBy'), 'text', (s) => who(s.closedBy)),
          money('opening_float', w('label.openingFloat'), (s) => s.openingFloat),
          money('expected_cash', w('label.expectedCash'), (s) => s.expectedCash),
          money('counted_cash', w('label.countedCash'), (s) => s.countedCash),
          money('difference', w('label.difference'), (s) => s.difference),
        ], { totals: w('total.shifts', { count: d.count }) }),
      ],
    };
  },
};

/** The tables (in page order; the first is the report's main one) and headline facts of a report's answer. */
export function tablesOf(result: ReportResult, range: { from: string; to: string }, locale: Locale = 'en'): Built {
  const build = BUILD[result.report] as (data: ReportData[ReportName], w: Words, range: { from: string; to: string }) => Built;
  return build(result.data, translatorFor(locale, 'reportTables'), range);
}
