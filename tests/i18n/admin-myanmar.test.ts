import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { renderStrict } from './render-strict';
import { CsvPreview } from '@/components/admin/catalog/csv-preview';
import { HeadlineFigures } from '@/components/admin/dashboard/figures';
import { FirstDayChecklistPanel } from '@/components/admin/dashboard/first-day-checklist';
import { StockLevelsTable } from '@/components/admin/stock/stock-levels-table';
import type { SalesSummary } from '@/lib/analytics';
import type { ImportPreview } from '@/lib/catalog';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';
import { formatMoney } from '@/lib/platform/money';

/**
 * A few admin screens' components (the first-day checklist, the headline figures, the stock
 * levels table, the CSV import's preview) rendered as the server renders them, in Myanmar and in
 * English, with next-intl told to throw on any missing key or bad argument: a screen that
 * reaches for a key the catalogue lacks fails here, not in front of the owner.
 */
const noAction = async () => null;

const checklist = {
  businessType: 'restaurant' as const,
  items: [
    { step: 'items' as const, done: true, href: '/admin/catalog' },
    { step: 'taxes' as const, done: false, href: '/admin/catalog/taxes' },
    { step: 'staff' as const, done: false, href: '/admin/staff' },
    { step: 'tables' as const, done: false, href: '/admin/tables' },
    { step: 'shift' as const, done: false, href: '/register' },
  ],
  removableSamples: 12,
};

const figure = (value: number, previous: number) => ({ value, previous, change: value - previous, changeBasisPoints: previous ? Math.round(((value - previous) * 10000) / previous) : null });
const summary = {
  from: '2026-03-04',
  to: '2026-03-04',
  previous: { from: '2026-02-25', to: '2026-02-25' },
  ...Object.fromEntries(['net', 'gross', 'discounts', 'serviceCharge', 'refunds', 'tax', 'tips', 'averageTicket'].map((k) => [k, figure(250000, 200000)])),
  ...Object.fromEntries(['orders', 'items', 'covers'].map((k) => [k, figure(12, 12)])),
} as unknown as SalesSummary;

const rows = [
  { variantId: 'v1', productName: 'Mohinga', variantName: 'Default', sku: 'NDL-1', trackStock: true, quantity: 1250, threshold: 10, isLow: false },
  { variantId: 'v2', productName: 'Tea leaf salad', variantName: 'Default', sku: 'SAL-1', trackStock: true, quantity: 0, threshold: 5, isLow: true },
  { variantId: 'v3', productName: 'Water', variantName: 'Default', sku: 'DRK-1', trackStock: false, quantity: 0, threshold: null, isLow: false },
];

const preview: ImportPreview = {
  version: 'v',
  rows: 3,
  create: [{ line: 2, name: 'Shan noodles', category: 'Noodles', taxClass: null, variants: [{ name: 'Default', sku: 'NDL-2', price: 3000 }] }],
  change: [{ line: 3, productId: 'p1', name: 'Mohinga', changes: [{ field: 'price', sku: 'NDL-1', before: 2000, after: 2500 }, { field: 'trackStock', before: false, after: true }] }],
  unchanged: [{ line: 4, productId: 'p2', name: 'Water' }],
  categoriesToCreate: ['Noodles'],
};

function render(locale: Locale): string {
  const screen: ReactNode = [
    createElement(FirstDayChecklistPanel, { key: 'checklist', checklist, canDismiss: true, canRemoveSamples: true, dismissAction: noAction, removeSamplesAction: noAction }),
    createElement(HeadlineFigures, { key: 'figures', summary, currency: 'MMK', comparedWith: 'last week' }),
    createElement(StockLevelsTable, { key: 'stock', rows, view: 'all', location: { id: 'l1', name: 'Main store' }, canWrite: true, itemQuery: '?location=l1', setThresholdAction: noAction }),
    createElement(CsvPreview, { key: 'csv', preview, currency: 'MMK' }),
  ];
  return renderStrict(locale, screen);
}

describe('the admin in Myanmar', () => {
  it('renders the checklist, figures, stock levels and CSV preview with every key found, in Burmese, numbers in Myanmar digits', () => {
    const html = render('my');
    expect(html).toContain('သင့်ဆိုင်ကို အသင့်ပြင်ပါ'); // "Get your store ready"
    expect(html).toContain('၅ ခုအနက် ၁ ခု ပြီးပါပြီ'); // "1 of 5 done"
    expect(html).toContain('အသားတင် အရောင်း'); // "Net sales"
    expect(html).toContain('လက်ကျန်'); // "On hand"
    expect(html).toContain('၁,၂၅၀'); // 1,250 on hand
    expect(html).toContain('ကုန်ပြတ်'); // "Out"
    expect(html).toContain('ပြောင်းလဲမည့် ပစ္စည်းများ'); // "Products that change"
    expect(html).toContain(formatMoney(2500, 'MMK', { locale: 'my', display: 'local' }));
    for (const english of ['Get your store ready', 'On hand', 'Products that change', 'Net sales', 'Not tracked']) expect(html).not.toContain(english);
  });

  it('stays English by default, with the wording the end-to-end specs look for', () => {
    const html = render('en');
    expect(html).toContain('Get your store ready');
    expect(html).toContain('1 of 5 done');
    expect(html).toContain('Remove sample items');
    expect(html).toContain('On hand');
    expect(html).toContain('Products that change');
    expect(html).not.toContain('ပစ္စည်း');
  });

  it('words a stock count so it agrees with its numbers, in both languages', () => {
    const en = translatorFor('en', 'admin');
    expect(en('stock.countReview', { changed: 1 })).toBe('1 item differs from what was expected. Check it, then apply the count.');
    expect(en('stock.countReview', { changed: 3 })).toBe('3 items differ from what was expected. Check them, then apply the count.');
    expect(en('stock.countReview', { changed: 0 })).toBe('Every count matches what was expected. Apply it to record the count.');
    expect(en('stock.countMatched', { lines: 1 })).toBe('Count recorded: the item matched.');
    expect(en('stock.countMatched', { lines: 4 })).toBe('Count recorded: all 4 items matched.');
    expect(en('stock.countApplied', { changed: 2 })).toBe('Count applied: 2 items corrected.');
    expect(en('stock.received', { units: 20, items: 1 })).toBe('Received 20 units of 1 item.');
    const my = translatorFor('my', 'admin');
    expect(my('stock.countReview', { changed: 3 })).toBe('ပစ္စည်း ၃ မျိုး မျှော်မှန်းထားသည်နှင့် ကွာခြားနေပါသည်။ စစ်ဆေးပြီးမှ ရေတွက်မှုကို အတည်ပြုပါ။');
  });
});
