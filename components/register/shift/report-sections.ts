import { formatsFor, type Formats } from '@/lib/platform/formats';
import { translatorFor, type Messages } from '@/lib/platform/i18n';
import type { ReportData } from './types';

/** The `shift` catalogue's translator and the reader's formats: the report is written in the reader's language. */
export type ShiftT = (key: keyof Messages['shift'], values?: Record<string, string | number>) => string;
export type ShiftWords = { t: ShiftT; f: Formats };
/** English, for callers that do not pass the reader's words (the admin's shift list, tests). */
export const ENGLISH_SHIFT_WORDS: ShiftWords = { t: translatorFor('en', 'shift') as unknown as ShiftT, f: formatsFor('en') };

/**
 * The X/Z report as labelled rows, computed once for both the screen (ShiftReportView) and
 * the 80 mm print (shiftReportHtml), so the two can never disagree.
 */
export type ReportRow = { label: string; value: string; strong?: boolean; tone?: 'short' | 'over'; kind?: 'register' };
export type ReportSection = { title: string; rows: ReportRow[]; empty?: string };
export type ReportLayout = { title: string; meta: ReportRow[]; sections: ReportSection[]; locale: Formats['locale'] };

/** counted − expected in words: a shortage is negative. */
export function differenceWords(difference: number, currency: string, { t, f }: ShiftWords = ENGLISH_SHIFT_WORDS): { label: string; value: string; tone?: 'short' | 'over' } {
  if (difference === 0) return { label: t('difference'), value: t('balanced') };
  const amount = f.money(Math.abs(difference), currency);
  return difference < 0 ? { label: t('shortBy'), value: amount, tone: 'short' } : { label: t('overBy'), value: amount, tone: 'over' };
}

export function reportLayout(report: ReportData, currency: string, timeZone: string, words: ShiftWords = ENGLISH_SHIFT_WORDS, now = new Date()): ReportLayout {
  const { t, f } = words;
  const money = (minor: number) => f.money(minor, currency);
  const minus = (minor: number) => (minor === 0 ? money(0) : `−${money(minor)}`);
  const when = (at: string | Date) => f.dateTime(at, timeZone);
  const time = (at: string | Date) => f.dateTime(at, timeZone, 'time');
  const closed = report.closedAt !== null;
  const cash = report.byTender.find((x) => x.tender === 'cash');

  const at = (moment: string | Date, who: { name: string | null } | null | undefined) => (who ? t('atBy', { when: when(moment), name: who.name ?? t('formerStaff') }) : when(moment));
  const meta: ReportRow[] = [
    { label: t('register'), value: report.registerName, kind: 'register' },
    { label: t('opened'), value: at(report.openedAt, report.openedBy) },
    closed ? { label: t('closed'), value: at(report.closedAt!, report.closedBy) } : { label: t('asOf'), value: when(now) },
  ];
  // Z reports kept before the sales breakdown existed show what they had.
  const sales: ReportRow[] = report.sales
    ? [
        { label: t('orders'), value: f.number(report.orders.count) },
        { label: t('itemsSold'), value: f.number(report.sales.items) },
        { label: t('discountsGiven'), value: minus(report.sales.discounts) },
        { label: t('sales'), value: money(report.orders.total) },
        { label: t('refundsPaidOut'), value: minus(report.sales.refunds) },
        { label: t('netSales'), value: money(report.sales.net), strong: true },
        { label: t('taxInSales'), value: money(report.sales.tax) },
        { label: t('voidedOrders', { count: report.orders.voided }), value: money(report.sales.voidedAmount) },
      ]
    : [
        { label: t('orders'), value: f.number(report.orders.count) },
        { label: t('salesTotal'), value: money(report.orders.total), strong: true },
        { label: t('voidedOrdersCount'), value: f.number(report.orders.voided) },
      ];

  const drawer: ReportRow[] = [
    { label: t('startingFloat'), value: money(report.openingFloat) },
    { label: t('cashSalesNet'), value: money(cash?.net ?? 0) },
    ...(report.tips?.cash ? [{ label: t('cashTips'), value: money(report.tips.cash) }] : []),
    { label: t('cashIn'), value: money(report.cashIn) },
    { label: t('cashOut'), value: minus(report.cashOut) },
    { label: t('expectedInDrawer'), value: money(report.expectedCash), strong: true },
  ];
  if (report.countedCash !== null) {
    drawer.push({ label: t('counted'), value: money(report.countedCash), strong: true });
    if (report.difference !== null) drawer.push({ ...differenceWords(report.difference, currency, words), strong: true });
  }

  return {
    title: closed ? t('zTitle') : t('xTitle'),
    locale: f.locale,
    meta,
    sections: [
      { title: t('sales'), rows: sales },
      ...report.byTender.map((x) => ({
        title: x.tender === 'cash' ? t('cash') : t('card'),
        rows: [
          { label: t('taken', { count: x.count }), value: money(x.taken) },
          { label: t('refunded'), value: minus(x.refunded) },
          { label: t('net'), value: money(x.net), strong: true },
          ...(x.tips ? [{ label: t('tipsOnTop'), value: money(x.tips) }] : []),
        ],
      })),
      // Tips are the staff's: not in sales; per person who served the order.
      ...(report.tips
        ? [
            {
              title: t('tips'),
              rows: report.tips.total
                ? [
                    ...report.tips.byStaff.map((s) => ({ label: s.name ?? t('formerStaffLabel'), value: money(s.amount) })),
                    { label: t('totalTips'), value: money(report.tips.total), strong: true },
                  ]
                : [],
              empty: t('noTips'),
            },
          ]
        : []),
      {
        title: t('cashInAndOut'),
        rows: report.movements.map((m) => ({
          label: t(m.kind === 'in' ? 'movementIn' : 'movementOut', { time: time(m.at), reason: m.reason }),
          value: m.kind === 'in' ? money(m.amount) : minus(m.amount),
        })),
        empty: t('noMovements'),
      },
      { title: t('drawer'), rows: drawer },
      // Z reports kept before the time clock have no such list.
      ...(report.staffHours
        ? [{ title: t('staffOnShift'), rows: report.staffHours.map((p) => ({ label: p.name, value: f.duration(p.workedMs) })), empty: t('nobodyClockedIn') }]
        : []),
    ],
  };
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The report as a standalone page for 80 mm thermal paper (72 mm of print width), like the receipt. */
export function shiftReportHtml(layout: ReportLayout, businessName: string): string {
  const row = (r: ReportRow) => `<div class="row${r.strong ? ' strong' : ''}"><span>${escape(r.label)}</span><span>${escape(r.value)}</span></div>`;
  const sections = layout.sections
    .map((s) => `<h2>${escape(s.title)}</h2>${s.rows.length ? s.rows.map(row).join('') : `<div>${escape(s.empty ?? '—')}</div>`}`)
    .join('<hr>');
  return `<!doctype html>
<html lang="${layout.locale}"><head><meta charset="utf-8"><title>${escape(layout.title)} · ${escape(businessName)}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  * { box-sizing: border-box; }
  body { font: 12px/1.35 ui-monospace, 'DejaVu Sans Mono', Menlo, 'Noto Sans Myanmar', 'Myanmar Text', 'Padauk', monospace; color: #000; margin: 0 auto; width: 72mm; padding: 4mm 0; }
  h1 { font-size: 15px; text-align: center; margin: 0 0 2px; }
  h2 { font-size: 12px; text-transform: uppercase; margin: 0 0 2px; }
  .center { text-align: center; }
  .row { display: flex; justify-content: space-between; gap: 8px; }
  .row span:last-child { white-space: nowrap; }
  .strong { font-weight: 700; }
  hr { border: 0; border-top: 1px dashed #000; margin: 6px 0; }
</style></head>
<body>
  <h1>${escape(businessName)}</h1>
  <div class="center strong">${escape(layout.title)}</div>
  <hr>
  ${layout.meta.map(row).join('')}
  <hr>
  ${sections}
</body></html>`;
}

/**
 * The page's own @font-face rules for the bundled Myanmar face (app/layout.tsx imports it; the
 * build gives its woff2 a hashed address only the page's stylesheets know), for a print frame: a
 * receipt or ticket with Burmese prints in Noto Sans Myanmar, never as boxes.
 */
function myanmarFontFaces(): string {
  const rules: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: not ours to read
    }
    for (const rule of Array.from(list)) if (rule instanceof CSSFontFaceRule && rule.style.getPropertyValue('font-family').includes('Noto Sans Myanmar')) rules.push(rule.cssText);
  }
  return rules.length ? `<style>${rules.join('\n')}</style>` : '';
}

/** Prints an HTML document through a hidden frame (the page itself is never printed). */
export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;width:0;height:0;border:0;right:0;bottom:0;visibility:hidden';
  frame.srcdoc = html.replace('</head>', `${myanmarFontFaces()}</head>`);
  frame.onload = async () => {
    const win = frame.contentWindow;
    if (!win) return;
    win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0));
    // Print only once the Myanmar face (if the text uses it) has loaded into the frame.
    await win.document.fonts.ready;
    win.focus();
    win.print();
    setTimeout(() => frame.remove(), 60_000);
  };
  document.body.appendChild(frame);
}
