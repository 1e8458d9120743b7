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
import { renderStrict } from '../i18n/render-strict';
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

describe('the report page in Myanmar', () => {
  it.each(REPORT_NAMES)('%s: titles, headings, figures, totals and our words in Burmese; keys and cells as in English; the CSV stays English', async (name) => {
    const [en, my] = await Promise.all([reportView(shop.owner, name, range, 'en'), reportView(shop.owner, name, range, 'my')]);
    expect(my.tables.map((t) => t.id)).toEqual(en.tables.map((t) => t.id));
    expect(my.facts.map((f) => [f.key, f.kind, f.value])).toEqual(en.facts.map((f) => [f.key, f.kind, f.value]));
    const english = new Set([...en.tables.flatMap((t) => [t.title, ...t.columns.map((c) => c.label), t.totals?.label ?? '']), ...en.facts.map((f) => f.label)]);
    english.delete('');
    for (const [i, table] of my.tables.entries()) {
      const mine = en.tables[i]!;
      expect(table.columns.map((c) => [c.key, c.kind])).toEqual(mine.columns.map((c) => [c.key, c.kind]));
      expect(table.totals?.values ?? null).toEqual(mine.totals?.values ?? null);
      for (const text of [table.title, ...table.columns.map((c) => c.label), table.totals?.label].filter(Boolean)) expect(english.has(text!), `${name}/${table.id}: “${text}” left in English`).toBe(false);
      // Numbers, names and ids are the same cells; only our own words (a tender, a period, "Former staff") differ.
      table.columns.forEach((c, j) => {
        if (c.kind !== 'text') expect(table.rows.map((r) => r[j])).toEqual(mine.rows.map((r) => r[j]));
      });
      const html = renderStrict('my', createElement(ReportTableView, { table, format: { ...format, f: formatsFor('my') }, caption: table.title }));
      if (table.rows.length > 0) expect(tableCells(html)[0]).toEqual(table.columns.map((c) => c.label));
    }
    for (const fact of my.facts) expect(english.has(fact.label), `${name}: “${fact.label}” left in English`).toBe(false);
    const facts = renderStrict('my', createElement(ReportFacts, { facts: my.facts, format: { ...format, f: formatsFor('my') } }));
    for (const fact of my.facts) expect(facts).toContain(`data-figure="${fact.key}"`);
    const exported = await exportReport(shop.owner, name, range);
    const csv = Papa.parse<string[]>((await readStream(exported.body)).text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(csv[0]).toEqual(en.tables[0]!.columns.map((c) => c.key));
  });

  it('writes our own words of the cells in the reader’s language, and the CSV in English', async () => {
    const my = await reportView(shop.owner, 'tender-mix', range, 'my');
    expect(my.tables[0]!.rows.map((r) => r[0])).toEqual(['ငွေသား']);
    expect(my.tables[0]!.totals!.label).toBe('နည်းလမ်း အားလုံး');
    const summary = await reportView(shop.owner, 'sales-summary', range, 'my');
    expect(summary.tables[0]!.rows.map((r) => r[0])).toEqual(['ဤကာလ', 'တစ်ပတ်အလို', 'ပြောင်းလဲမှု']);
    const refunds = await reportView(shop.owner, 'refunds-and-voids', range, 'my');
    expect(refunds.tables.map((t) => t.totals?.label ?? null)).toEqual(['ငွေပြန်အမ်းမှု ၁ ကြိမ်', 'ပယ်ဖျက်မှု ၁ ကြိမ်', null, null]);
    expect(refunds.tables.find((t) => t.id === 'reasons')!.rows.map((r) => r.slice(0, 2))).toEqual([['ငွေပြန်အမ်း', 'Cold'], ['ပယ်ဖျက်', 'Mistake']]);
    const exported = await exportReport(shop.owner, 'tender-mix', range);
    const csv = Papa.parse<string[]>((await readStream(exported.body)).text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(csv[1]![0]).toBe('Cash');
  });
});
