import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '@/db/schema/events';
import { withTenant } from '@/lib/platform/db';
import type { TenantContext } from '@/lib/auth';
import { receiveStock } from '@/lib/inventory';
import { createOrder, createOrderSchema, registerData, updateOpenOrder, updateOrderSchema } from '@/lib/orders';
import { listSoldOut, setSoldOut } from '@/lib/restaurant';
import { theAuditRowOf } from '../audit/audit-helpers';
import { contextOf, createStockedProduct, createTenant, mainLocation, sessionContextOf, type TestTenant } from '../helpers';

/**
 * The 86 list (lib/restaurant/sold-out.ts): an item marked sold out cannot be sold whatever its
 * stock, the register data says so, an open tab keeps what it already has, marking it is audited
 * once with before/after and announced, and only managers and owners of this business do it.
 */
let t: TestTenant;
let other: TestTenant;
let manager: TenantContext;
let mohinga: { productId: string; variantId: string };
let tea: { variantId: string };

const sale = (variantId: string, extra: Record<string, unknown> = {}) => createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId, quantity: 1 }], ...extra });

beforeAll(async () => {
  [t, other] = await Promise.all([createTenant(), createTenant()]);
  manager = await sessionContextOf(t, t.manager);
  const product = await createStockedProduct(t, { name: 'Mohinga' });
  mohinga = { productId: product.id, variantId: product.variants[0]!.id };
  tea = { variantId: (await createStockedProduct(t, { name: 'Tea', trackStock: false })).variants[0]!.id };
  await receiveStock(contextOf(t), { locationId: await mainLocation(t), supplier: null, note: null, lines: [{ variantId: mohinga.variantId, quantity: 50 }] });
});

describe('marking an item sold out', () => {
  it('refuses it at checkout with stock on hand, names it, and the register shows it', async () => {
    const row = await theAuditRowOf(t, () => setSoldOut(manager, mohinga.productId, true));
    expect(row).toMatchObject({ action: 'item.sold_out', entityType: 'product', entityId: mohinga.productId, actorUserId: t.manager.id, before: { soldOut: false }, after: { soldOut: true } });
    await expect(createOrder(manager, sale(mohinga.variantId))).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('Mohinga (V0) is sold out') });
    expect(await createOrder(manager, sale(tea.variantId))).toEqual(expect.any(String)); // the rest still sells
    const data = await registerData(manager);
    expect(data.products.find((p) => p.id === mohinga.productId)?.soldOut).toBe(true);
    expect(data.products.find((p) => p.name === 'Tea')?.soldOut).toBe(false);
    const announced = await withTenant(t.tenant.id, (tx) => tx.select({ payload: outboxEvents.payload }).from(outboxEvents).where(eq(outboxEvents.type, 'ItemAvailabilityChanged')));
    expect(announced.map((e) => e.payload)).toEqual([{ productId: mohinga.productId, soldOut: true }]);
  });

  it('writes nothing when it already is so', async () => {
    const again = await setSoldOut(manager, mohinga.productId, true);
    expect(again).toEqual({ changed: false, name: 'Mohinga' });
    expect((await listSoldOut(manager)).map((i) => i.productId)).toEqual([mohinga.productId]);
  });

  it('lets an open tab keep the mohinga it already has, but not add more', async () => {
    await setSoldOut(manager, mohinga.productId, false);
    const tab = await createOrder(manager, sale(mohinga.variantId, { park: true }));
    await setSoldOut(manager, mohinga.productId, true);
    const kept = await updateOpenOrder(manager, tab, updateOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: mohinga.variantId, quantity: 1 }, { variantId: tea.variantId, quantity: 2 }] }));
    expect(kept.lines.map((l) => l.productName).sort()).toEqual(['Mohinga', 'Tea']);
    const fresh = await createOrder(manager, sale(tea.variantId, { park: true }));
    await expect(updateOpenOrder(manager, fresh, updateOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: mohinga.variantId, quantity: 1 }] }))).rejects.toMatchObject({
      message: expect.stringContaining('sold out'),
    });
  });

  it('puts it back on sale, audited', async () => {
    const row = await theAuditRowOf(t, () => setSoldOut(manager, mohinga.productId, false));
    expect(row).toMatchObject({ action: 'item.back_on', before: { soldOut: true }, after: { soldOut: false } });
    expect(await createOrder(manager, sale(mohinga.variantId))).toEqual(expect.any(String));
  });
});

describe('who may', () => {
  it('refuses a cashier', async () => {
    await expect(setSoldOut(await sessionContextOf(t, t.cashier), mohinga.productId, true)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("finds no item of another business, and shows it none of this one's", async () => {
    await setSoldOut(manager, mohinga.productId, true);
    const them = await sessionContextOf(other, other.manager);
    await expect(setSoldOut(them, mohinga.productId, false)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listSoldOut(them)).toEqual([]);
    expect((await listSoldOut(manager)).map((i) => i.productId)).toEqual([mohinga.productId]);
  });
});
