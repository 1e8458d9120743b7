import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@/gateway/server';
import type { TenantContext } from '@/lib/auth';
import { createOrder, createOrderSchema, getOrder, payOrder, refundOrder, refundOrderSchema } from '@/lib/orders';
import { createStockedProduct, createTenant, mainLocation, sessionContextOf, startGateway, type TestTenant } from '../helpers';

/**
 * Where a refund goes (issue #12.9): by default back to the tenders latest first; the manager
 * may choose — all to the card, all in cash, or split — within what each tender can return.
 * A choice that does not add up, or asks a tender for more than it took, changes nothing.
 */
let gateway: Gateway;
let t: TestTenant;
let manager: TenantContext;
let item: string;

/** An order of 4 items (1.00 each) paid 1.50 in cash and 2.50 by card. */
async function splitPaid() {
  const id = await createOrder(manager, createOrderSchema.parse({ type: 'retail', lines: [{ variantId: item, quantity: 4 }] }));
  await payOrder(manager, id, { tender: 'cash', amount: 150, tendered: 150 });
  await payOrder(manager, id, { tender: 'card', source: 'tok_visa' });
  return { id, line: (await getOrder(manager, id)).lines[0]!.id };
}
const refund = (orderId: string, lineId: string, quantity: number, tenders: { tender: 'cash' | 'card'; amount: number }[] | null) =>
  refundOrder(manager, orderId, refundOrderSchema.parse({ reason: 'Wrong size', restock: false, lines: [{ lineId, quantity }], tenders }));
const backBy = async (orderId: string) => Object.fromEntries((await getOrder(manager, orderId)).payments.map((p) => [p.tender, p.refundedAmount]));

beforeAll(async () => {
  gateway = await startGateway();
  t = await createTenant({ currency: 'USD' });
  await mainLocation(t);
  manager = await sessionContextOf(t, t.manager);
  item = (await createStockedProduct(t, { name: 'Shirt', trackStock: false })).variants[0]!.id;
});

afterAll(async () => {
  await gateway.close();
});

describe('a refund of a split-paid order', () => {
  it('goes back latest first by default: the card', async () => {
    const o = await splitPaid();
    await refund(o.id, o.line, 2, null);
    expect(await backBy(o.id)).toEqual({ cash: 0, card: 200 });
  });

  it('goes where the manager says: all in cash, or split', async () => {
    const a = await splitPaid();
    await refund(a.id, a.line, 1, [{ tender: 'cash', amount: 100 }]);
    expect(await backBy(a.id)).toEqual({ cash: 100, card: 0 });
    const b = await splitPaid();
    await refund(b.id, b.line, 3, [{ tender: 'cash', amount: 150 }, { tender: 'card', amount: 150 }]);
    expect(await backBy(b.id)).toEqual({ cash: 150, card: 150 });
  });

  it('refuses a choice that does not add up or asks a tender for more than it took, changing nothing', async () => {
    const o = await splitPaid();
    await expect(refund(o.id, o.line, 2, [{ tender: 'cash', amount: 100 }])).rejects.toMatchObject({ code: 'unprocessable', details: [{ path: 'tenders' }] });
    await expect(refund(o.id, o.line, 2, [{ tender: 'cash', amount: 200 }])).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('Cash can return at most $1.50') });
    expect(() => refundOrderSchema.parse({ reason: 'x y z', lines: [{ lineId: o.line, quantity: 1 }], tenders: [{ tender: 'cash', amount: 50 }, { tender: 'cash', amount: 50 }] })).toThrow(/once/);
    expect(await backBy(o.id)).toEqual({ cash: 0, card: 0 });
    expect((await getOrder(manager, o.id)).status).toBe('completed');
  });
});
