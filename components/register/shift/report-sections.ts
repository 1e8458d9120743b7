import { formatMoney } from '@/lib/platform/money';
import type { ReportData } from './types';
import { dateTimeFormat, formatDuration } from '@/lib/platform/format-time';

/**
 * The X/Z report as labelled rows, computed once for both the screen (ShiftReportView) and
 * the 80 mm print (shiftReportHtml), so the two can never disagree.
 */
export type ReportRow = { label: string; value: string; strong?: boolean; tone?: 'short' | 'over' };
export type ReportSection = { title: string; rows: ReportRow[]; empty?: string };
export type ReportLayout = { title: string; meta: ReportRow[]; sections: ReportSection[] };

/** counted − expected in words: a shortage is negative. */
export function differenceWords(difference: number, currency: string): { label: string; value: string; tone?: 'short' | 'over' } {
  if (difference === 0) return { label: 'Difference', value: 'Balanced' };
  const amount = formatMoney(Math.abs(difference), currency);
  return difference < 0 ? { label: 'Short by', value: amount, tone: 'short' } : { label: 'Over by', value: amount, tone: 'over' };
}

export function reportLayout(report: ReportData, currency: string, timeZone: string, now = new Date()): ReportLayout {
  const money = (minor: number) => formatMoney(minor, currency);
  const minus = (minor: number) => (minor === 0 ? money(0) : `−${money(minor)}`);
  const when = dateTimeFormat(timeZone);
  const time = dateTimeFormat(timeZone, 'time');
  const closed = report.closedAt !== null;
  const cash = report.byTender.find((t) => t.tender === 'cash');
  const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

  const by = (who: { name: string | null } | null | undefined) => (who ? ` by ${who.name ?? 'a former staff member'}` : '');
  const meta: ReportRow[] = [
    { label: 'Register', value: report.registerName },
    { label: 'Opened', value: `${when.format(new Date(report.openedAt))}${by(report.openedBy)}` },
    closed ? { label: 'Closed', value: `${when.format(new Date(report.closedAt!))}${by(report.closedBy)}` } : { label: 'As of', value: when.format(now) },
  ];
  // Z reports kept before the sales breakdown existed show what they had.
  const sales: ReportRow[] = report.sales
    ? [
        { label: 'Orders', value: String(report.orders.count) },
        { label: 'Items sold', value: String(report.sales.items) },
        { label: 'Discounts given', value: minus(report.sales.discounts) },
        { label: 'Sales', value: money(report.orders.total) },
        { label: 'Refunds paid out', value: minus(report.sales.refunds) },
        { label: 'Net sales', value: money(report.sales.net), strong: true },
        { label: 'Tax in sales', value: money(report.sales.tax) },
        { label: `Voided (${count(report.orders.voided, 'order')})`, value: money(report.sales.voidedAmount) },
      ]
    : [
        { label: 'Orders', value: String(report.orders.count) },
        { label: 'Sales total', value: money(report.orders.total), strong: true },
        { label: 'Voided orders', value: String(report.orders.voided) },
      ];

  const drawer: ReportRow[] = [
    { label: 'Starting float', value: money(report.openingFloat) },
    { label: 'Cash sales (net)', value: money(cash?.net ?? 0) },
    ...(report.tips?.cash ? [{ label: 'Cash tips', value: money(report.tips.cash) }] : []),
    { label: 'Cash in', value: money(report.cashIn) },
    { label: 'Cash out', value: minus(report.cashOut) },
    { label: 'Expected in drawer', value: money(report.expectedCash), strong: true },
  ];
  if (report.countedCash !== null) {
    drawer.push({ label: 'Counted', value: money(report.countedCash), strong: true });
    if (report.difference !== null) drawer.push({ ...differenceWords(report.difference, currency), strong: true });
  }

  return {
    title: closed ? 'Z report · shift closed' : 'X report · shift so far',
    meta,
    sections: [
      { title: 'Sales', rows: sales },
      ...report.byTender.map((t) => ({
        title: t.tender === 'cash' ? 'Cash' : 'Card',
        rows: [
          { label: `Taken (${count(t.count, 'payment')})`, value: money(t.taken) },
          { label: 'Refunded', value: minus(t.refunded) },
          { label: 'Net', value: money(t.net), strong: true },
          ...(t.tips ? [{ label: 'Tips on top', value: money(t.tips) }] : []),
        ],
      })),
      // Tips are the staff's: not in sales; per person who served the order.
      ...(report.tips
        ? [
            {
              title: 'Tips',
              rows: report.tips.total
                ? [
                    ...report.tips.byStaff.map((s) => ({ label: s.name ?? 'A former staff member', value: money(s.amount) })),
                    { label: 'Total tips', value: money(report.tips.total), strong: true },
                  ]
                : [],
              empty: 'No tips.',
            },
          ]
        : []),
      {
        title: 'Cash in and out',
        rows: report.movements.map((m) => ({
          label: `${time.format(new Date(m.at))} ${m.kind === 'in' ? 'In' : 'Out'} · ${m.reason}`,
          value: m.kind === 'in' ? money(m.amount) : minus(m.amount),
        })),
        empty: 'No cash put in or taken out.',
      },
      { title: 'Drawer', rows: drawer },
      // Z reports kept before the time clock have no such list.
      ...(report.staffHours
        ? [{ title: 'Staff on shift', rows: report.staffHours.map((p) => ({ label: p.name, value: formatDuration(p.workedMs) })), empty: 'Nobody clocked in during this shift.' }]
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
<html lang="en"><head><meta charset="utf-8"><title>${escape(layout.title)} · ${escape(businessName)}</title>
<style>
  @page { size: 80mm auto; margin: 4mm; }
  * { box-sizing: border-box; }
  body { font: 12px/1.35 ui-monospace, 'DejaVu Sans Mono', Menlo, monospace; color: #000; margin: 0 auto; width: 72mm; padding: 4mm 0; }
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
