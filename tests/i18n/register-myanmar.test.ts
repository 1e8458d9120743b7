import { createElement, createRef, type ReactNode } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderStrict } from './render-strict';
import { CartTotals } from '@/components/register/cart-totals';
import { ProductGrid } from '@/components/register/product-grid';
import { createProduct } from '@/lib/catalog/service';
import { productInputSchema } from '@/lib/catalog/schemas';
import { registerScreen } from '@/lib/orders/register-data';
import { formatMoney } from '@/lib/platform/money';
import type { Locale } from '@/lib/platform/locale';
import { contextOf, createTenant, type TestTenant } from '../helpers';

/**
 * The register's product side and cart totals (the sale screen's parts once a shift is open) rendered as the server renders it, in Myanmar and in English, with
 * next-intl told to throw on any missing key or bad argument (instead of printing the key): a
 * screen that reaches for a key the catalogue lacks fails here, not in front of a cashier.
 */
let t: TestTenant;

beforeAll(async () => {
  t = await createTenant({ currency: 'MMK', timeZone: 'Asia/Yangon' });
  await createProduct(contextOf(t), productInputSchema.parse({ name: 'Mohinga', altName: 'မုန့်ဟင်းခါး', trackStock: false, variants: [{ sku: 'NDL-MOHINGA', price: 2000 }] }));
});

async function render(locale: Locale, display: 'code' | 'local' = 'code'): Promise<string> {
  const ctx = contextOf(t);
  const { data } = await registerScreen(ctx);
  const screen: ReactNode = [
    createElement(ProductGrid, {
      key: 'grid',
      products: data.products,
      categories: data.categories,
      menus: data.menus,
      timeZone: t.tenant.timeZone,
      canEditCatalog: true,
      stock: data.stock,
      currency: 'MMK',
      searchRef: createRef<HTMLInputElement>(),
      locked: false,
      onPick: () => null,
      onScan: () => null,
    }),
    createElement(CartTotals, {
      key: 'totals',
      quote: { lines: [], subtotal: 2000, discountTotal: 0, serviceChargeBasisPoints: 0, serviceChargeTotal: 0, taxTotal: 95, total: 2000 },
      pending: false,
      currency: 'MMK',
      pricesIncludeTax: true,
      orderDiscount: null,
      locked: false,
      onOrderDiscount: () => {},
    }),
  ];
  return renderStrict(locale, screen, { currencyDisplay: display, timeZone: t.tenant.timeZone });
}

describe('the register in Myanmar', () => {
  it('renders with every key found, in Burmese, the item under both its names, prices in kyat', async () => {
    const html = await render('my', 'local');
    expect(html).toContain('ပစ္စည်း ရှာရန် သို့မဟုတ် ဘားကုဒ် ဖတ်ရန်'); // "Search products or scan a barcode"
    expect(html).toContain('စုစုပေါင်း'); // "Total"
    expect(html).toContain('Mohinga');
    expect(html).toContain('မုန့်ဟင်းခါး');
    expect(html).toContain(formatMoney(2000, 'MMK', { locale: 'my', display: 'local' }));
    expect(formatMoney(2000, 'MMK', { locale: 'my', display: 'local' })).toBe('၂,၀၀၀ ကျပ်');
    expect(html).not.toContain('Search products');
  });

  it('stays English by default, so English screens and their tests are unchanged', async () => {
    const html = await render('en');
    expect(html).toContain('Search products or scan a barcode');
    expect(html).toContain(formatMoney(2000, 'MMK')); // "MMK 2,000"
    expect(html).not.toContain('ပစ္စည်း ရှာရန်');
  });
});
