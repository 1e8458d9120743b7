import Papa from 'papaparse';
import { createElement, type ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportChart } from '@/components/admin/reports/report-chart';
import { ReportFacts, ReportTableView } from '@/components/admin/reports/report-table';
import { exportReport, REPORT_INFO, REPORT_NAMES, reportView } from '@/lib/analytics';
import { dispatchPending } from '@/lib/events';
import { closeShift, createOrder, createOrderSchema, getOrder, openShift, payOrder, refundOrder, voidOrder } from '@/lib/orders';
import { businessDayOf } from '@/lib/platform/business-day';
import { formatsFor } from '@/lib/platform/formats';
import { MESSAGES } from '@/lib/platform/i18n';
import { readStream } from '../helpers';
import { setUpShop, type Shop } from './fixtures';

/** The report components as the admin renders them: inside next-intl's provider, in English. */
const inEnglish = (children: ReactNode) => createElement(NextIntlClientProvider, { locale: 'en', messages: MESSAGES.en, timeZone: 'Asia/Yangon', children });
const format = { currency: 'MMK', timeZone: 'Asia/Yangon', f: formatsFor('en') };

/**
 * The /admin/reports page's pieces against the CSV export: one table definition
 * (lib/analytics/report-tables.ts), so the page shows the same columns and rows the CSV holds,
 * money in the tenant's currency (MMK without minor units), totals where they add up.
 */
let shop: Shop; // MMK, Yangon
const nbsp = '\u00a0';

/** The cells of each row of the first <table> in `html`, header row first, as text. */
function tableCells(html: string): string[][] {
  const table = /<table[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').replace(/&#x27;/g, "'").replace(/&amp;/g, '&')));
}

/** Yangon's business date now. The sales happen in real time, so the range spans the day they started and the day they ended (a run at midnight there crosses it). */
const yangonToday = () => businessDayOf(new Date(), { timeZone: 'Asia/Yangon', dayStartsAt: '00:00' }).date;
let range: { from: string; to: string };

beforeAll(async () => {
  const from = yangonToday();
  shop = await setUpShop({ timeZone: 'Asia/Yangon', currency: 'MMK', dayStartsAt: '00:00', pricesIncludeTax: true });
  const shift = await openShift(shop.cashier, { registerName: 'Till', openingFloat: 10_000 });
  const sale = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: shop.tea.variantId, quantity: 3 }, { variantId: shop.cake.variantId, quantity: 2 }] }));
  await payOrder(shop.cashier, sale, { tender: 'cash', tendered: 2000 }, shift.id);
  const tea = (await getOrder({ tenantId: shop.t.tenant.id }, sale)).lines.find((l) => l.variantId === shop.tea.variantId)!;
  await refundOrder(shop.manager, sale, { reason: 'Cold', restock: false, lines: [{ lineId: tea.id, quantity: 1 }], approval: null });
  const voided = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: shop.cake.variantId, quantity: 1 }] }));
  await voidOrder(shop.manager, voided, { reason: 'Mistake', approval: null });
  await closeShift(shop.cashier, shift.id, 11_350); // 50 short
  await dispatchPending();
  range = { from, to: yangonToday() };
}, 120_000);

describe('the report page and its CSV', () => {
  it.each(REPORT_NAMES)('%s: every table shows the CSV’s columns and rows, money in MMK', async (name) => {
    const view = await reportView(shop.owner, name, range);
    expect(view).toMatchObject({ report: name, currency: 'MMK', title: REPORT_INFO[name].title });
    for (const table of view.tables) {
      const html = renderToStaticMarkup(inEnglish(createElement(ReportTableView, { table, format, caption: table.title })));
      const exported = await exportReport(shop.owner, name, { ...range, sheet: table.id });
      const csv = Papa.parse<string[]>((await readStream(exported.body)).text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(csv[0], `${name}/${table.id}: CSV headers`).toEqual(table.columns.map((c) => c.key));
      if (table.rows.length === 0) {
        expect(html).toContain('Nothing in this range.');
        expect(csv).toHaveLength(1);
        continue;
      }
      const cells = tableCells(html);
      expect(cells[0], `${name}/${table.id}: page headers`).toEqual(table.columns.map((c) => c.label));
      const body = cells.slice(1, 1 + table.rows.length);
      expect(body).toHaveLength(csv.length - 1);
      table.columns.forEach((c, j) => {
        for (const [i, row] of body.entries()) {
          const raw = csv[i + 1]![j]!;
          if (c.kind === 'money') expect(row[j], `${name}/${table.id} ${c.key}`).toBe(`${raw.startsWith('-') ? '-' : ''}MMK${nbsp}${Number(raw.replace('-', '')).toLocaleString('en')}`);
          if (c.kind === 'count') expect(row[j]).toBe(Number(raw).toLocaleString('en'));
          if (c.kind === 'text') expect(row[j]).toBe(raw === '' ? '—' : raw);
        }
      });
      if (table.totals) expect(cells.at(-1)![0]).toBe(table.totals.label);
    }
    renderToStaticMarkup(inEnglish(createElement(ReportFacts, { facts: view.facts, format })));
    expect(renderToStaticMarkup(inEnglish(createElement(ReportChart, { view, by: 'net', timeZone: 'Asia/Yangon' })))).toContain('<figure');
  });

  it('adds up the totals: the sales by day, the refunds (all of them), the drawer', async () => {
    const days = (await reportView(shop.owner, 'sales-by-day', range)).tables[0]!;
    const at = (key: string) => days.columns.findIndex((c) => c.key === key);
    expect(days.totals!.values[at('gross')]).toBe(1400); // 3 × 400 + 2 × 100
    expect(days.totals!.values[at('refunds')]).toBe(400);
    expect(days.totals!.values[at('net')]).toBe(1000);
    expect(days.totals!.values[at('average_ticket')]).toBe(1400);
    expect(days.totals!.values[at('date')]).toBeNull();
    const refunds = (await reportView(shop.owner, 'refunds-and-voids', range)).tables;
    expect(refunds.map((t) => [t.id, t.totals?.label ?? null])).toEqual([
      ['refunds', '1 refund'],
      ['voids', '1 void'],
      ['reasons', null],
      ['people', null],
    ]);
    const [drawer] = (await reportView(shop.owner, 'drawer-over-short', range)).tables;
    expect(drawer!.rows).toHaveLength(1);
    expect(drawer!.totals!.values.at(-1)).toBe(-50); // 10 000 float + 1 400 taken, counted 11 350
  });

  it('lists every item sold for the item and category reports, not the top ten', async () => {
    const items = await reportView(shop.owner, 'top-products', { ...range, limit: '1' });
    expect(items.tables[0]!.rows.map((r) => r[0])).toEqual(['Tea', 'Cake']);
    const byUnits = await reportView(shop.owner, 'top-products', { ...range, by: 'quantity' });
    expect(byUnits.tables[0]!.rows.map((r) => r[0])).toEqual(['Tea', 'Cake']); // 2 kept each; Tea's net is higher
  });
});
