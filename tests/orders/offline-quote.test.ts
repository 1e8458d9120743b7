import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct, modifierGroupService, savedDiscountService, taxClassService } from '@/lib/catalog/service';
import { productInputSchema, savedDiscountInputSchema } from '@/lib/catalog/schemas';
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
 * modifiers, open prices, dine-in's service charge and the saved discounts that ask for no manager
 * (percent and amount, on a line and on the order).
 */
let t: TestTenant;
let tea: { productId: string; variantId: string; options: string[] };
let water: { productId: string; variantId: string };
let custom: { productId: string; variantId: string };
/** Saved discounts (Catalog → Discounts): the register may apply those asking for no manager offline. */
let saved: Record<'tenPercentAny' | 'fiveOffOrder' | 'thirdOffLine' | 'oneOffLine' | 'managerOnly', string>;

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
  const save = async (input: Record<string, unknown>) => (await savedDiscountService.create(owner, savedDiscountInputSchema.parse(input))).id;
  saved = {
    tenPercentAny: await save({ name: 'Regulars', kind: 'percent', basisPoints: 1000 }),
    fiveOffOrder: await save({ name: 'Five off', kind: 'amount', amount: 500, appliesTo: 'order' }),
    // Over the 10 % limit a typed discount has: a saved one is not held to it.
    thirdOffLine: await save({ name: 'Staff meal', kind: 'percent', basisPoints: 3333, appliesTo: 'line' }),
    oneOffLine: await save({ name: 'Dented', kind: 'amount', amount: 117, appliesTo: 'line' }),
    managerOnly: await save({ name: 'Friends', kind: 'percent', basisPoints: 2000, needsApproval: true }),
  };
});

/** A saved discount as the discount dialog puts it in the cart (its value is for showing only). */
const savedChoice = (discountId: string) => ({ kind: 'saved' as const, discountId, name: 'shown', value: { kind: 'percent' as const, basisPoints: 1 } });

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
  const local = offlineQuote(cart, new Map(data.products.map((p) => [p.id, p])), data.settings, data.savedDiscounts);
  // As POST /api/v1/orders/quote takes what the register sends (its schema fills the defaults).
  const server = await quoteOrder(contextOf(t, t.cashier), quoteOrderSchema.parse(pricingInput(cart)));
  return { local, server };
}

describe('an offline sale priced on the device', () => {
  const carts = () => [
    cartOf('retail', [line(tea.productId, tea.variantId, 3, tea.options), line(water.productId, water.variantId, 7)]),
    cartOf('takeaway', [line(custom.productId, custom.variantId, 1, [], 1234), line(tea.productId, tea.variantId, 1, [tea.options[1]!])]),
    cartOf('dine_in', [line(tea.productId, tea.variantId, 2, [tea.options[0]!]), line(water.productId, water.variantId, 1)]),
    // Saved discounts: percent and amount, on the order and on lines, with both at once.
    { ...cartOf('retail', [line(tea.productId, tea.variantId, 3, tea.options), line(water.productId, water.variantId, 7)]), orderDiscount: savedChoice(saved.tenPercentAny) },
    { ...cartOf('takeaway', [line(water.productId, water.variantId, 3), line(custom.productId, custom.variantId, 1, [], 777)]), orderDiscount: savedChoice(saved.fiveOffOrder) },
    {
      ...cartOf('dine_in', [
        { ...line(tea.productId, tea.variantId, 2, [tea.options[0]!]), discount: savedChoice(saved.thirdOffLine) },
        { ...line(water.productId, water.variantId, 5), discount: savedChoice(saved.oneOffLine) },
        { ...line(tea.productId, tea.variantId, 1), discount: savedChoice(saved.tenPercentAny) },
      ]),
      orderDiscount: savedChoice(saved.fiveOffOrder),
    },
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
        expect(local.quote.lines.map((l) => [l.unitPrice, l.modifiersTotal, l.lineDiscount, l.orderDiscount, l.net, l.serviceCharge, l.tax, l.total])).toEqual(
          server.lines.map((l) => [l.unitPrice, l.modifiersTotal, l.lineDiscount, l.orderDiscount, l.net, l.serviceCharge, l.tax, l.total]),
        );
      }
    });
  }

  it('the discounted carts above do carry a discount (the comparison is not of undiscounted totals)', async () => {
    for (const cart of carts().slice(3)) expect((await bothQuotes(cart)).server.discountTotal).toBeGreaterThan(0);
  });

  it('refuses, by name, what needs the server: a typed-in discount, one asking for a manager, one it does not know, a customer, an item it does not know', async () => {
    const data = await registerData(contextOf(t));
    const products = new Map(data.products.map((p) => [p.id, p]));
    const price = (cart: CartState) => offlineQuote(cart, products, data.settings, data.savedDiscounts);
    const water1 = () => cartOf('retail', [line(water.productId, water.variantId, 1)]);
    expect(price({ ...water1(), orderDiscount: { kind: 'percent', basisPoints: 500 } })).toEqual({ ok: false, reason: 'discountTyped' });
    expect(price({ ...water1(), lines: [{ ...water1().lines[0]!, discount: { kind: 'amount', amount: 50, reason: 'dented' } }] })).toEqual({ ok: false, reason: 'discountTyped' });
    expect(price({ ...water1(), orderDiscount: savedChoice(saved.managerOnly) })).toEqual({ ok: false, reason: 'discountApproval' });
    // Deleted since the page loaded (not in its list), or offered only elsewhere ("Five off" is for the order).
    expect(price({ ...water1(), orderDiscount: savedChoice(crypto.randomUUID()) })).toEqual({ ok: false, reason: 'discountUnknown' });
    expect(price({ ...water1(), lines: [{ ...water1().lines[0]!, discount: savedChoice(saved.fiveOffOrder) }] })).toEqual({ ok: false, reason: 'discountUnknown' });
    const withCustomer = { ...cartOf('retail', [line(water.productId, water.variantId, 1)]), customer: { id: crypto.randomUUID() } as CartState['customer'] };
    expect(price(withCustomer)).toEqual({ ok: false, reason: 'customer' });
    expect(price(cartOf('retail', [line(crypto.randomUUID(), crypto.randomUUID(), 1)]))).toEqual({ ok: false, reason: 'unknownItem' });
  });
});
