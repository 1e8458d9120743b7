import { beforeAll, describe, expect, it } from 'vitest';
import * as discountItem from '@/app/api/v1/discounts/[id]/route';
import * as discounts from '@/app/api/v1/discounts/route';
import type { TenantContext } from '@/lib/auth';
import { grantApproval } from '@/lib/auth/approvals';
import { createProduct, savedDiscountService } from '@/lib/catalog/service';
import { productInputSchema, savedDiscountInputSchema } from '@/lib/catalog/schemas';
import { createOrder, createOrderSchema, getOrder, quoteOrder, renderReceipt } from '@/lib/orders';
import { getTenantSettings } from '@/lib/tenancy/settings';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, sessionContextOf, type TestTenant } from '../helpers';

/**
 * Saved discounts (Catalog → Discounts) and open-price items ("Custom amount"): the register
 * sends a saved discount by id and the server prices it from the catalog, names it as the
 * reason and decides whether a manager must approve; an open-price item takes the price typed in.
 */
let t: TestTenant;
let other: TestTenant;
let cashier: TenantContext;
let cake: string;
let custom: string;
let staffMeal: string;
let happyHour: string;
let comp: string;

const order = (input: Record<string, unknown>) => createOrderSchema.parse({ type: 'takeaway', ...input });
const saved = (input: Record<string, unknown>) => savedDiscountService.create(contextOf(t), savedDiscountInputSchema.parse(input));

beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
  await mainLocation(t);
  cashier = await sessionContextOf(t, t.cashier);
  cake = (await createStockedProduct(t, { name: 'Cake', trackStock: false })).variants[0]!.id; // 100
  const customProduct = await createProduct(
    contextOf(t),
    productInputSchema.parse({ name: 'Custom amount', trackStock: false, openPrice: true, variants: [{ sku: 'CUSTOM', price: 0 }] }),
  );
  custom = customProduct.variants[0]!.id;
  staffMeal = (await saved({ name: 'Staff meal', kind: 'percent', basisPoints: 5000 })).id;
  happyHour = (await saved({ name: 'Happy hour', kind: 'amount', amount: 30, appliesTo: 'line' })).id;
  comp = (await saved({ name: 'Comp', kind: 'percent', basisPoints: 10_000, appliesTo: 'order', needsApproval: true })).id;
});

describe('saved discounts at checkout', () => {
  it('prices a saved discount from the catalog and keeps its name as the reason, pre-approved beyond the limit', async () => {
    // 50 % is over the 10 % limit, but a manager approved "Staff meal" by saving it.
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake, quantity: 2 }], orderDiscount: { kind: 'saved', discountId: staffMeal } }));
    const view = await getOrder(cashier, id);
    expect(view).toMatchObject({ subtotal: 200, discountTotal: 100, total: 100 });
    expect(view.orderDiscount).toMatchObject({ kind: 'percent', basisPoints: 5000, reason: 'Staff meal', savedDiscountId: staffMeal, approvedBy: null });
    const html = renderReceipt(view, t.tenant, await getTenantSettings(cashier), null);
    expect(html).toContain('Discount: Staff meal');
  });

  it('still holds what the cashier typed in to the limit, beside a saved discount', async () => {
    const lines = [{ variantId: cake, quantity: 1, discount: { kind: 'percent', basisPoints: 2000, reason: 'Birthday' } }];
    await expect(quoteOrder(cashier, order({ lines, orderDiscount: { kind: 'saved', discountId: staffMeal } }))).rejects.toMatchObject({ code: 'forbidden' });
    const within = await quoteOrder(cashier, order({ lines: [{ ...lines[0], discount: { kind: 'percent', basisPoints: 1000, reason: 'Birthday' } }], orderDiscount: { kind: 'saved', discountId: staffMeal } }));
    expect(within.lines[0]!.discount).toMatchObject({ reason: 'Birthday', approvedBy: null });
    expect(within.total).toBe(45);
  });

  it('asks for a manager on every use of a discount saved that way, and names it', async () => {
    const input = order({ lines: [{ variantId: cake, quantity: 1 }], orderDiscount: { kind: 'saved', discountId: comp } });
    await expect(quoteOrder(cashier, input)).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('Comp') });
    const approval = { token: (await grantApproval(cashier, { userId: t.manager.id, pin: '2222', permission: 'discount:override' })).token };
    const quote = await quoteOrder(cashier, { ...input, approval });
    expect(quote).toMatchObject({ total: 0, orderDiscount: { reason: 'Comp', approvedBy: t.manager.id } });
  });

  it('refuses a saved discount where it is not offered, an unknown one, and another business’s', async () => {
    await expect(quoteOrder(cashier, order({ lines: [{ variantId: cake, quantity: 1 }], orderDiscount: { kind: 'saved', discountId: happyHour } }))).rejects.toMatchObject({
      code: 'unprocessable',
      details: [{ path: 'orderDiscount.discountId', message: '“Happy hour” is for an item, not the whole order' }],
    });
    const onLine = await quoteOrder(cashier, order({ lines: [{ variantId: cake, quantity: 1, discount: { kind: 'saved', discountId: happyHour } }] }));
    expect(onLine.lines[0]).toMatchObject({ lineDiscount: 30, discount: { kind: 'amount', amount: 30, reason: 'Happy hour' } });

    await expect(quoteOrder(cashier, order({ lines: [{ variantId: cake, quantity: 1, discount: { kind: 'saved', discountId: crypto.randomUUID() } }] }))).rejects.toMatchObject({
      details: [{ path: 'lines.0.discount.discountId' }],
    });
    const theirs = (await savedDiscountService.create(contextOf(other), savedDiscountInputSchema.parse({ name: 'Theirs', kind: 'percent', basisPoints: 9000 }))).id;
    await expect(quoteOrder(cashier, order({ lines: [{ variantId: cake, quantity: 1 }], orderDiscount: { kind: 'saved', discountId: theirs } }))).rejects.toMatchObject({
      details: [{ path: 'orderDiscount.discountId', message: expect.stringContaining('No such discount') }],
    });
  });

  it('keeps the order’s snapshot when the saved discount changes later', async () => {
    const temp = (await saved({ name: 'Opening week', kind: 'percent', basisPoints: 1000 })).id;
    const id = await createOrder(cashier, order({ lines: [{ variantId: cake, quantity: 1 }], orderDiscount: { kind: 'saved', discountId: temp } }));
    await savedDiscountService.remove(contextOf(t), temp);
    expect((await getOrder(cashier, id)).orderDiscount).toMatchObject({ basisPoints: 1000, reason: 'Opening week' });
  });
});

describe('open-price items', () => {
  it('takes the price typed in for an open-price item and refuses one for a fixed price', async () => {
    const quote = await quoteOrder(cashier, order({ lines: [{ variantId: custom, quantity: 2, unitPrice: 1250, note: 'Gift wrap' }] }));
    expect(quote.lines[0]).toMatchObject({ productName: 'Custom amount', unitPrice: 1250, gross: 2500 });
    await expect(quoteOrder(cashier, order({ lines: [{ variantId: custom, quantity: 1 }] }))).rejects.toMatchObject({
      details: [{ path: 'lines.0.unitPrice', message: 'Custom amount: enter the price' }],
    });
    await expect(quoteOrder(cashier, order({ lines: [{ variantId: cake, quantity: 1, unitPrice: 1 }] }))).rejects.toMatchObject({
      details: [{ path: 'lines.0.unitPrice', message: 'Cake (V0) has a fixed price' }],
    });
  });
});

describe('/api/v1/discounts', () => {
  it('lets a manager save discounts, cashiers read them, and refuses bad input with the field', async () => {
    const created = await discounts.POST(
      await apiRequest('POST', '/api/v1/discounts', { host: t.tenant, as: t.manager, body: { name: 'Student', kind: 'percent', basisPoints: 1500 } }),
      noParams,
    );
    expect(created.status).toBe(201);
    const { body } = await json(created);
    expect(body).toMatchObject({ name: 'Student', kind: 'percent', basisPoints: 1500, amount: null, appliesTo: 'any', needsApproval: false });

    const bad = await json(await discounts.POST(await apiRequest('POST', '/api/v1/discounts', { host: t.tenant, as: t.manager, body: { name: 'Nothing', kind: 'amount' } }), noParams));
    expect(bad).toMatchObject({ status: 422, body: { error: { code: 'unprocessable', details: [{ path: 'amount' }] } } });
    const asCashier = await discounts.POST(await apiRequest('POST', '/api/v1/discounts', { host: t.tenant, as: t.cashier, body: { name: 'Mine', kind: 'percent', basisPoints: 9000 } }), noParams);
    expect(asCashier.status).toBe(403);
    const list = await json(await discounts.GET(await apiRequest('GET', '/api/v1/discounts', { host: t.tenant, as: t.cashier }), noParams));
    expect(list.body.data.map((d: { name: string }) => d.name)).toContain('Student');

    const patched = await json(
      await discountItem.PATCH(await apiRequest('PATCH', `/api/v1/discounts/${body.id}`, { host: t.tenant, as: t.manager, body: { kind: 'amount', amount: 200, basisPoints: null } }), segment({ id: body.id })),
    );
    expect(patched.body).toMatchObject({ kind: 'amount', amount: 200, basisPoints: null });
  });

  it('never shows, changes or deletes another business’s saved discount', async () => {
    const route = (method: string, body?: unknown) => apiRequest(method, `/api/v1/discounts/${staffMeal}`, { host: other.tenant, as: other.owner, body });
    expect((await discountItem.GET(await route('GET'), segment({ id: staffMeal }))).status).toBe(404);
    expect((await discountItem.PATCH(await route('PATCH', { basisPoints: 10_000 }), segment({ id: staffMeal }))).status).toBe(404);
    expect((await discountItem.DELETE(await route('DELETE'), segment({ id: staffMeal }))).status).toBe(404);
    const list = await json(await discounts.GET(await apiRequest('GET', '/api/v1/discounts', { host: other.tenant, as: other.owner }), noParams));
    expect(list.body.data.map((d: { id: string }) => d.id)).not.toContain(staffMeal);
    expect((await savedDiscountService.get(contextOf(t), staffMeal)).basisPoints).toBe(5000);
  });
});
