import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct, modifierGroupService, taxClassService } from '@/lib/catalog/service';
import { productInputSchema } from '@/lib/catalog/schemas';
import { quoteOrder } from '@/lib/orders';
import { quoteOrderSchema } from '@/lib/orders/schemas';
import { registerData } from '@/lib/orders/register-data';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { offlineQuote } from '@/components/register/offline-quote';
import { pricingInput, type CartState } from '@/components/register/use-cart';
import { contextOf, createTenant, mainLocation, uniqueSlug, type TestTenant } from '../helpers';

/**
 * The register prices a sale itself while offline (components/register/offline-quote.ts), and the
 * server later takes it only at the total it showed (`expectedTotal`). So the device's price must be
 * the server's, to the minor unit: the same carts, quoted by both, with tax on top or included,
 * modifiers, open prices and dine-in's service charge.
 */
let t: TestTenant;
let tea: { productId: string; variantId: string; options: string[] };
let water: { productId: string; variantId: string };
let custom: { productId: string; variantId: string };

beforeAll(async () => {
  t = await createTenant();
  await mainLocation(t);
  const owner = contextOf(t);
  const vat = await taxClassService.create(owner, { name: 'VAT 7%', rateBasisPoints: 700 });
  const extras = await modifierGroupService.create(owner, {
    name: 'Extras',
    minSelect: 0,
    maxSelect: 2,
    options: [
      { name: 'Pearls', priceDelta: 333 },
      { name: 'Less ice', priceDelta: -50 },
    ],
  });
  const sku = (p: string) => `${p}-${uniqueSlug('x').toUpperCase()}`;
  const teaProduct = await createProduct(owner, productInputSchema.parse({ name: 'Tea', taxClassId: vat.id, modifierGroupIds: [extras.id], trackStock: false, variants: [{ sku: sku('T'), price: 1295 }] }));
  tea = { productId: teaProduct.id, variantId: teaProduct.variants[0]!.id, options: extras.options.map((o) => o.id) };
  const waterProduct = await createProduct(owner, productInputSchema.parse({ name: 'Water', taxClassId: vat.id, trackStock: false, variants: [{ sku: sku('W'), price: 499 }] }));
  water = { productId: waterProduct.id, variantId: waterProduct.variants[0]!.id };
  const customProduct = await createProduct(owner, productInputSchema.parse({ name: 'Custom', openPrice: true, trackStock: false, variants: [{ sku: sku('C'), price: 0 }] }));
  custom = { productId: customProduct.id, variantId: customProduct.variants[0]!.id };
});

const line = (productId: string, variantId: string, quantity: number, modifierOptionIds: string[] = [], unitPrice?: number) => ({
  key: crypto.randomUUID(),
  productId,
  variantId,
  quantity,
  modifierOptionIds,
  note: null,
  discount: null,
  ...(unitPrice !== undefined && { unitPrice }),
  productName: '',
  variantName: '',
  modifierNames: [],
});
const cartOf = (type: CartState['type'], lines: CartState['lines']): CartState => ({
  lines,
  selectedKey: null,
  orderDiscount: null,
  type,
  tableId: null,
  covers: null,
  customerName: '',
  customer: null,
  redeemRewards: 0,
  approval: null,
  resumed: null,
});

async function bothQuotes(cart: CartState) {
  const data = await registerData(contextOf(t));
  const local = offlineQuote(cart, new Map(data.products.map((p) => [p.id, p])), data.settings);
  // As POST /api/v1/orders/quote takes what the register sends (its schema fills the defaults).
  const server = await quoteOrder(contextOf(t, t.cashier), quoteOrderSchema.parse(pricingInput(cart)));
  return { local, server };
}

describe('an offline sale priced on the device', () => {
  const carts = () => [
    cartOf('retail', [line(tea.productId, tea.variantId, 3, tea.options), line(water.productId, water.variantId, 7)]),
    cartOf('takeaway', [line(custom.productId, custom.variantId, 1, [], 1234), line(tea.productId, tea.variantId, 1, [tea.options[1]!])]),
    cartOf('dine_in', [line(tea.productId, tea.variantId, 2, [tea.options[0]!]), line(water.productId, water.variantId, 1)]),
  ];

  for (const pricesIncludeTax of [false, true]) {
    it(`costs what the server's quote says, line by line (prices ${pricesIncludeTax ? 'include' : 'exclude'} tax, service charge on dine-in)`, async () => {
      await updateTenantSettings(contextOf(t), { pricesIncludeTax, serviceChargeBasisPoints: 1000 });
      for (const cart of carts()) {
        const { local, server } = await bothQuotes(cart);
        expect(local.ok).toBe(true);
        if (!local.ok) return;
        expect(local.quote.total).toBe(server.total);
        expect({ ...local.quote, lines: undefined }).toEqual({
          subtotal: server.subtotal,
          discountTotal: server.discountTotal,
          serviceChargeBasisPoints: server.serviceChargeBasisPoints,
          serviceChargeTotal: server.serviceChargeTotal,
          taxTotal: server.taxTotal,
          total: server.total,
          lines: undefined,
        });
        expect(local.quote.lines.map((l) => [l.unitPrice, l.modifiersTotal, l.net, l.serviceCharge, l.tax, l.total])).toEqual(
          server.lines.map((l) => [l.unitPrice, l.modifiersTotal, l.net, l.serviceCharge, l.tax, l.total]),
        );
      }
    });
  }

  it('refuses, by name, what needs the server: a discount, a customer, an item it does not know', async () => {
    const data = await registerData(contextOf(t));
    const products = new Map(data.products.map((p) => [p.id, p]));
    const discounted = { ...cartOf('retail', [line(water.productId, water.variantId, 1)]), orderDiscount: { kind: 'percent' as const, basisPoints: 500 } };
    expect(offlineQuote(discounted, products, data.settings)).toEqual({ ok: false, reason: 'discount' });
    const withCustomer = { ...cartOf('retail', [line(water.productId, water.variantId, 1)]), customer: { id: crypto.randomUUID() } as CartState['customer'] };
    expect(offlineQuote(withCustomer, products, data.settings)).toEqual({ ok: false, reason: 'customer' });
    expect(offlineQuote(cartOf('retail', [line(crypto.randomUUID(), crypto.randomUUID(), 1)]), products, data.settings)).toEqual({ ok: false, reason: 'unknownItem' });
  });
});
