import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TenantContext } from '@/lib/auth';
import { createCustomer, customerInputSchema, getCustomer, pointsLedgerOf, searchCustomers, customerSearchQuery, updateLoyaltySettings } from '@/lib/customers';
import { dispatchPending } from '@/lib/events';
import { checkout, createOrderSchema, customerProfile, eraseCustomer, exportCustomer, getOrder, receiptOf, refundOrder, registerData, voidOrder } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { contextOf, createStockedProduct, createTenant, mainLocation, rowsOf, sessionContextOf, type TestTenant } from '../helpers';

/**
 * Customers and loyalty (lib/customers, composed by lib/orders): profiles found by phone or name,
 * attached to an order at checkout, points earned on OrderPaid, taken back on OrderRefunded,
 * redeemed as the order discount — each move once, however often the outbox delivers the event.
 */
let t: TestTenant;
let other: TestTenant;
let owner: TenantContext;
let cashier: TenantContext;
let cake: string; // 100 a unit
let otherCake: string;

const sale = (input: Record<string, unknown>) => createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: cake, quantity: 5 }], ...input });
const paidInCash = (input: Record<string, unknown>) => sale({ payments: [{ tender: 'cash', tendered: 100_000 }], ...input });
const customer = (ctx: TenantContext, input: Record<string, unknown>) => createCustomer(ctx, customerInputSchema.parse(input));
const balanceOf = async (id: string) => (await getCustomer(owner, id)).pointsBalance;

/** Delivers every event of the tenant again, with the dispatcher's own delivery records of our handlers gone: only the ledger's key stands between an event and a second count. */
async function redeliver(tenantId: string): Promise<void> {
  await withTenant(tenantId, async (tx) => {
    await tx.execute(sql`update outbox_events set dispatched_at = null, next_attempt_at = now()`);
    await tx.execute(sql`delete from outbox_deliveries where handler like 'customers.%'`);
  });
  await dispatchPending();
}

beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
  await Promise.all([mainLocation(t), mainLocation(other)]);
  owner = contextOf(t);
  cashier = await sessionContextOf(t, t.cashier);
  cake = (await createStockedProduct(t, { name: 'Cake', trackStock: false })).variants[0]!.id;
  otherCake = (await createStockedProduct(other, { name: 'Cake', trackStock: false })).variants[0]!.id;
  // 1 point per 100 spent; 5 points take 50 off.
  await updateLoyaltySettings(owner, { earnPoints: 1, earnPerAmount: 100, rewardPoints: 5, rewardValue: 50 });
});

describe('customer search', () => {
  it('finds a customer by any digits of their phone, however it was typed, and by any part of the name', async () => {
    const aye = await customer(cashier, { name: 'Aye Chan', phone: '+95 9 4500-1234', tags: ['VIP', 'vip', 'regular'] });
    await customer(cashier, { name: 'Bo Bo', phone: '09 777 8888' });
    expect(aye.tags).toEqual(['vip', 'regular']);
    const search = async (q: string) => (await searchCustomers(cashier, customerSearchQuery.parse({ q }))).data.map((c) => c.name);
    expect(await search('4500 1234')).toEqual(['Aye Chan']);
    expect(await search('9-4500')).toEqual(['Aye Chan']);
    expect(await search('chan')).toEqual(['Aye Chan']);
    expect(await search('bo')).toEqual(['Bo Bo']);
    expect(await search('%')).toEqual([]);
    // Another business's customer with the same number is theirs alone.
    await customer(contextOf(other), { name: 'Aye Chan (other shop)', phone: '+95 9 4500 1234' });
    expect(await search('45001234')).toEqual(['Aye Chan']);
  });

  it('keeps one profile per phone number in a business (409 naming the field)', async () => {
    await customer(cashier, { name: 'Cho', phone: '555-0101' });
    await expect(customer(cashier, { name: 'Cho again', phone: '5550101' })).rejects.toMatchObject({ code: 'conflict', details: [{ path: 'phone' }] });
  });
});

describe('attaching a customer to an order', () => {
  it('puts the customer on the order and its receipt', async () => {
    const daw = await customer(cashier, { name: 'Daw Mya', phone: '0911112222' });
    const { order } = await checkout(cashier, paidInCash({ customerId: daw.id }));
    expect(order).toMatchObject({ customerId: daw.id, customerName: 'Daw Mya', total: 500 });
    const receipt = await receiptOf(cashier, order.id);
    expect(receipt).toContain('Customer: Daw Mya');
    // Printed before the outbox delivered OrderPaid: the balance already counts this order's 5 points.
    expect(receipt).toMatch(/Points earned<\/span><span>\+5</);
    expect(receipt).toMatch(/Points balance<\/span><span>5</);
  });

  it("refuses another business's customer id exactly like an unknown one, writing nothing", async () => {
    const theirs = await customer(contextOf(other), { name: 'Not yours', phone: '0933334444' });
    const before = await withTenant(t.tenant.id, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int n from orders`))[0]!.n);
    await expect(checkout(cashier, paidInCash({ customerId: theirs.id }))).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'customerId' }] });
    await expect(checkout(cashier, paidInCash({ customerId: crypto.randomUUID() }))).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'customerId' }] });
    const after = await withTenant(t.tenant.id, async (tx) => rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int n from orders`))[0]!.n);
    expect(after).toBe(before);
  });
});

describe('loyalty points', () => {
  it('offers the reward to the register', async () => {
    expect((await registerData(cashier)).loyaltyReward).toEqual({ points: 5, value: 50 });
  });

  it('earns on payment, takes back on refund, once each even when every event is delivered again', async () => {
    const kyaw = await customer(cashier, { name: 'Kyaw', phone: '0955556666' });
    const { order } = await checkout(cashier, paidInCash({ customerId: kyaw.id, lines: [{ variantId: cake, quantity: 10 }] }));
    expect(await balanceOf(kyaw.id)).toBe(0); // nothing moves before the outbox delivers OrderPaid
    await dispatchPending();
    expect(await balanceOf(kyaw.id)).toBe(10);
    await redeliver(t.tenant.id);
    expect(await balanceOf(kyaw.id)).toBe(10);

    // 3 of 10 cakes back: 300 of 1000 refunded, 7 points stay.
    const line = order.lines[0]!;
    await refundOrder(owner, order.id, { reason: 'Dropped three', restock: false, lines: [{ lineId: line.id, quantity: 3 }], approval: null });
    await dispatchPending();
    expect(await balanceOf(kyaw.id)).toBe(7);
    await redeliver(t.tenant.id);
    expect(await balanceOf(kyaw.id)).toBe(7);

    // The rest back: every point earned on the order goes.
    await refundOrder(owner, order.id, { reason: 'All of it', restock: false, lines: [{ lineId: line.id, quantity: 7 }], approval: null });
    await dispatchPending();
    await redeliver(t.tenant.id);
    expect(await balanceOf(kyaw.id)).toBe(0);
    const ledger = await pointsLedgerOf(owner, kyaw.id);
    expect(ledger.map((e) => [e.kind, e.points, e.amount]).sort()).toEqual([
      ['earn', 10, 1000],
      ['reverse', -3, 300],
      ['reverse', -7, 700],
    ]);
    expect(ledger.every((e) => e.orderId === order.id)).toBe(true);
  });

  it('redeems a reward as the order discount in the checkout transaction, earns on what was paid, and gives it back on a full refund', async () => {
    const nu = await customer(cashier, { name: 'Nu Nu', phone: '0977778888' });
    await checkout(cashier, paidInCash({ customerId: nu.id, lines: [{ variantId: cake, quantity: 12 }] }));
    await dispatchPending();
    expect(await balanceOf(nu.id)).toBe(12);

    // 2 rewards: 10 points for 100 off a 500 order; it earns on the 400 paid.
    const { order } = await checkout(cashier, paidInCash({ customerId: nu.id, redeemRewards: 2 }));
    expect(order).toMatchObject({ subtotal: 500, discountTotal: 100, total: 400 });
    expect(order.orderDiscount).toMatchObject({ kind: 'amount', amount: 100, loyaltyPoints: 10, reason: 'Loyalty reward (10 points)' });
    expect(await balanceOf(nu.id)).toBe(2); // taken at once: the same points cannot pay for two orders
    const receipt = await receiptOf(cashier, order.id);
    expect(receipt).toMatch(/Points redeemed<\/span><span>−10</);
    await dispatchPending();
    await redeliver(t.tenant.id);
    expect(await balanceOf(nu.id)).toBe(6);

    await refundOrder(owner, order.id, { reason: 'Wrong cakes', restock: false, lines: [{ lineId: order.lines[0]!.id, quantity: 5 }], approval: null });
    await dispatchPending();
    await redeliver(t.tenant.id);
    // The 4 earned go, the 10 redeemed come back.
    expect(await balanceOf(nu.id)).toBe(12);
    const kinds = (await pointsLedgerOf(owner, nu.id)).filter((e) => e.orderId === order.id).map((e) => [e.kind, e.points]).sort();
    expect(kinds).toEqual([['earn', 4], ['redeem', -10], ['reverse', -4], ['reverse', 10]]);
  });

  it('refuses a reward the balance does not cover, and gives redeemed points back when the order is voided', async () => {
    const zaw = await customer(cashier, { name: 'Zaw', phone: '0912121212' });
    await expect(checkout(cashier, paidInCash({ customerId: zaw.id, redeemRewards: 1 }))).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'redeemRewards' }] });
    await checkout(cashier, paidInCash({ customerId: zaw.id, lines: [{ variantId: cake, quantity: 5 }] }));
    await dispatchPending();
    const { order } = await checkout(cashier, sale({ customerId: zaw.id, redeemRewards: 1 })); // placed, not paid
    expect(await balanceOf(zaw.id)).toBe(0);
    await voidOrder(owner, order.id, { reason: 'Customer left', approval: null });
    await dispatchPending();
    await redeliver(t.tenant.id);
    expect(await balanceOf(zaw.id)).toBe(5);
    expect((await getOrder(owner, order.id)).status).toBe('voided');
  });

  it('refuses a reward with no customer, beside another order discount, or worth more than the order', async () => {
    const may = await customer(cashier, { name: 'May', phone: '0913131313' });
    expect(() => sale({ redeemRewards: 1 })).toThrow(/Attach the customer/);
    expect(() => sale({ customerId: may.id, redeemRewards: 1, orderDiscount: { kind: 'amount', amount: 10 } })).toThrow(/order discount/);
    await expect(checkout(cashier, paidInCash({ customerId: may.id, redeemRewards: 20, lines: [{ variantId: cake, quantity: 1 }] }))).rejects.toMatchObject({
      code: 'unprocessable',
      details: [{ path: 'redeemRewards' }],
    });
  });
});

describe('profile, export and erasure', () => {
  it('shows the history and totals; export holds it all; erasure leaves the orders and no personal data', async () => {
    const hla = await customer(cashier, { name: 'Hla Hla', phone: '+95 9 2020 3030', email: 'hla@example.com', note: 'Allergic to nuts', tags: ['regular'] });
    const first = (await checkout(cashier, paidInCash({ customerId: hla.id }))).order;
    const second = (await checkout(cashier, paidInCash({ customerId: hla.id, lines: [{ variantId: cake, quantity: 2 }] }))).order;
    await checkout(cashier, paidInCash({})); // someone else's sale
    await dispatchPending();

    const profile = await customerProfile(cashier, hla.id);
    expect(profile.orders.map((o) => o.id)).toEqual([second.id, first.id]);
    expect(profile.totals).toMatchObject({ orders: 2, spent: 700, refunded: 0 });
    expect(profile.customer.pointsBalance).toBe(7);

    const exported = await exportCustomer(owner, hla.id);
    expect(exported.customer).toMatchObject({ name: 'Hla Hla', email: 'hla@example.com', note: 'Allergic to nuts' });
    expect(exported.orders).toHaveLength(2);
    expect(exported.orders[1]!.lines).toEqual([{ name: 'Cake (V0)', quantity: 5, total: 500 }]);
    expect(exported.pointsLedger).toHaveLength(2);

    await eraseCustomer(owner, hla.id);
    const after = await customerProfile(owner, hla.id);
    expect(after.customer).toMatchObject({ name: 'Erased customer', phone: null, email: null, note: null, tags: [] });
    expect(after.customer.erasedAt).not.toBeNull();
    expect(after.orders).toHaveLength(2); // the orders stay, with their money
    expect(after.totals.spent).toBe(700);
    expect((await getOrder(owner, first.id)).customerName).toBeNull();
    // Nothing personal is left anywhere in the tenant's tables: not on orders, tickets, the customer row or the audit log.
    const leftovers = await withTenant(t.tenant.id, async (tx) =>
      rowsOf<{ n: number }>(
        await tx.execute(sql`select
          (select count(*) from orders where customer_name ilike '%Hla%')
          + (select count(*) from customers where name ilike '%Hla%' or phone_digits like '%20203030%' or email is not null and email like 'hla@%')
          + (select count(*) from audit_events where coalesce(before::text, '') || coalesce(after::text, '') || coalesce(details::text, '') ~* 'hla|20203030|nuts') as n`),
      )[0]!.n,
    );
    expect(Number(leftovers)).toBe(0);
    // Not found by search any more, cannot be attached or erased again.
    expect((await searchCustomers(cashier, customerSearchQuery.parse({ q: '20203030' }))).data).toEqual([]);
    await expect(checkout(cashier, paidInCash({ customerId: hla.id }))).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(eraseCustomer(owner, hla.id)).rejects.toMatchObject({ code: 'conflict' });
    // The audit log has who exported and who erased.
    const actions = await withTenant(t.tenant.id, async (tx) =>
      rowsOf<{ action: string; actor: string }>(await tx.execute(sql`select action, actor_user_id::text actor from audit_events where entity_id = ${hla.id} order by created_at`)),
    );
    expect(actions.map((a) => a.action)).toEqual(['customer.created', 'customer.exported', 'customer.erased']);
    expect(actions.at(-1)!.actor).toBe(t.owner.id);
  });

  it('never reaches another business: their customer is not found by id', async () => {
    const mine = await customer(cashier, { name: 'Mine', phone: '0914141414' });
    const theirs = contextOf(other);
    await expect(customerProfile(theirs, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportCustomer(theirs, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(eraseCustomer(theirs, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(checkout(theirs, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: otherCake, quantity: 1 }], customerId: mine.id }))).rejects.toMatchObject({
      code: 'unprocessable',
    });
    expect((await getCustomer(owner, mine.id)).name).toBe('Mine');
  });
});
