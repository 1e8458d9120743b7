import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents } from '@/db/schema/events';
import {
  adjustStock,
  countStock,
  createLocation,
  InsufficientStockError,
  levelsOf,
  listLedger,
  listLevels,
  receiveStock,
  reserveStock,
  setLowStockThreshold,
  transferStock,
} from '@/lib/inventory';
import { withTenant } from '@/lib/platform/db';
import { createStockedProduct, createTenant, mainLocation, contextOf, type TestTenant } from '../helpers';

const quantityOf = async (t: TestTenant, variantId: string, locationId: string) =>
  (await levelsOf({ tenantId: t.tenant.id }, [variantId], locationId))[0]?.quantity ?? 0;

const eventsOf = (t: TestTenant, type: string) =>
  withTenant(t.tenant.id, (tx) => tx.select().from(outboxEvents).where(eq(outboxEvents.type, type)));

describe('stock operations', () => {
  let t: TestTenant;
  let location: string;
  beforeAll(async () => {
    t = await createTenant();
    location = await mainLocation(t);
  });

  it('receives stock: level, ledger row and StockChanged event', async () => {
    const product = await createStockedProduct(t, { variants: 2 });
    const [a, b] = product.variants;
    const result = await receiveStock(contextOf(t), {
      locationId: location,
      supplier: 'Acme Supplies',
      note: 'PO 17',
      lines: [
        { variantId: a!.id, quantity: 20 },
        { variantId: b!.id, quantity: 5 },
      ],
    });
    expect(result.lines).toHaveLength(2);
    expect(await quantityOf(t, a!.id, location)).toBe(20);
    const ledger = await listLedger({ tenantId: t.tenant.id }, { variant: a!.id, skip: 0, limit: 10 });
    expect(ledger.data).toEqual([
      expect.objectContaining({ kind: 'receipt', delta: 20, quantityAfter: 20, actorUserId: t.owner.id, referenceType: 'receipt', referenceId: result.documentId }),
    ]);
    const changed = (await eventsOf(t, 'StockChanged')).filter((e) => e.payload.variantId === a!.id);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.payload).toMatchObject({ delta: 20, quantity: 20, kind: 'receipt', locationId: location });
  });

  it('refuses items that do not exist or do not track stock', async () => {
    const untracked = await createStockedProduct(t, { trackStock: false });
    await expect(
      receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: untracked.variants[0]!.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'unprocessable' });
    await expect(
      receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: crypto.randomUUID(), quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'unprocessable', message: expect.stringContaining('No such item') });
  });

  it('adjusts with a reason, and never below zero unless the product allows it', async () => {
    const product = await createStockedProduct(t);
    const v = product.variants[0]!.id;
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: v, quantity: 3 }] });
    await adjustStock(contextOf(t), { locationId: location, reason: 'damage', note: 'dropped', lines: [{ variantId: v, delta: -2 }] });
    expect(await quantityOf(t, v, location)).toBe(1);
    await expect(adjustStock(contextOf(t), { locationId: location, reason: 'theft', note: null, lines: [{ variantId: v, delta: -5 }] })).rejects.toBeInstanceOf(
      InsufficientStockError,
    );
    expect(await quantityOf(t, v, location)).toBe(1);
    const ledger = await listLedger({ tenantId: t.tenant.id }, { variant: v, skip: 0, limit: 10 });
    expect(ledger.data.map((m) => [m.kind, m.delta, m.reason])).toEqual([
      ['adjustment', -2, 'damage'],
      ['receipt', 3, null],
    ]);

    const negative = await createStockedProduct(t, { allowNegativeStock: true });
    await adjustStock(contextOf(t), { locationId: location, reason: 'correction', note: null, lines: [{ variantId: negative.variants[0]!.id, delta: -4 }] });
    expect(await quantityOf(t, negative.variants[0]!.id, location)).toBe(-4);
  });

  it('counts: previews differences, then applies them', async () => {
    const product = await createStockedProduct(t, { variants: 2 });
    const [a, b] = product.variants.map((v) => v.id) as [string, string];
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: a, quantity: 10 }] });
    const lines = [
      { variantId: a, counted: 7 },
      { variantId: b, counted: 2 },
    ];
    const preview = await countStock(contextOf(t), { locationId: location, note: null, dryRun: true, lines });
    expect(preview.applied).toBe(false);
    expect(preview.lines.sort((x, y) => x.expected - y.expected)).toEqual([
      { variantId: b, expected: 0, counted: 2, difference: 2 },
      { variantId: a, expected: 10, counted: 7, difference: -3 },
    ]);
    expect(await quantityOf(t, a, location)).toBe(10);
    const applied = await countStock(contextOf(t), { locationId: location, note: 'monthly', dryRun: false, lines });
    expect(applied.applied).toBe(true);
    expect([await quantityOf(t, a, location), await quantityOf(t, b, location)]).toEqual([7, 2]);
    expect((await listLedger({ tenantId: t.tenant.id }, { variant: a, skip: 0, limit: 1 })).data[0]).toMatchObject({ kind: 'count', delta: -3, quantityAfter: 7 });
  });

  it('transfers between locations, all or nothing', async () => {
    const warehouse = (await createLocation(contextOf(t), { name: `Warehouse ${crypto.randomUUID().slice(0, 6)}`, address: null })).id;
    const product = await createStockedProduct(t, { variants: 2 });
    const [a, b] = product.variants.map((v) => v.id) as [string, string];
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: a, quantity: 5 }, { variantId: b, quantity: 1 }] });
    await transferStock(contextOf(t), { fromLocationId: location, toLocationId: warehouse, note: null, lines: [{ variantId: a, quantity: 3 }] });
    expect([await quantityOf(t, a, location), await quantityOf(t, a, warehouse)]).toEqual([2, 3]);
    // b is short: the whole transfer fails, a stays where it is.
    await expect(
      transferStock(contextOf(t), { fromLocationId: location, toLocationId: warehouse, note: null, lines: [{ variantId: a, quantity: 1 }, { variantId: b, quantity: 2 }] }),
    ).rejects.toMatchObject({ code: 'conflict', items: [{ variantId: b, requested: 2, available: 1 }] });
    expect([await quantityOf(t, a, location), await quantityOf(t, a, warehouse), await quantityOf(t, b, location)]).toEqual([2, 3, 1]);
  });

  it('emits LowStock and ProductOutOfStock on the crossing only, and lists low items', async () => {
    const product = await createStockedProduct(t);
    const v = product.variants[0]!.id;
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: v, quantity: 6 }] });
    await setLowStockThreshold(contextOf(t), { locationId: location, variantId: v, lowStockThreshold: 3 });
    const sell = (n: number) =>
      withTenant(t.tenant.id, (tx) =>
        reserveStock(tx, t.tenant.id, {
          locationId: location,
          lines: [{ variantId: v, quantity: n, label: 'Test item', trackStock: true, allowNegativeStock: false }],
          referenceType: 'order',
          referenceId: crypto.randomUUID(),
          actorUserId: t.cashier.id,
        }),
      );
    await sell(2); // 4: above the threshold
    await sell(1); // 3: crosses into low
    await sell(1); // 2: still low, no new event
    const low = (await eventsOf(t, 'LowStock')).filter((e) => e.payload.variantId === v);
    expect(low.map((e) => e.payload.quantity)).toEqual([3]);
    expect((await listLevels({ tenantId: t.tenant.id }, { location, lowStock: true, skip: 0, limit: 100 })).data.map((l) => l.variantId)).toContain(v);
    await sell(2); // 0: out of stock
    const out = (await eventsOf(t, 'ProductOutOfStock')).filter((e) => e.payload.variantId === v);
    expect(out.map((e) => e.payload.quantity)).toEqual([0]);
  });
});

describe('reserveStock', () => {
  let t: TestTenant;
  let location: string;
  beforeAll(async () => {
    t = await createTenant();
    location = await mainLocation(t);
  });

  const sale = (lines: { variantId: string; quantity: number; trackStock?: boolean; allowNegativeStock?: boolean }[]) =>
    withTenant(t.tenant.id, (tx) =>
      reserveStock(tx, t.tenant.id, {
        locationId: location,
        lines: lines.map((l) => ({ trackStock: true, allowNegativeStock: false, label: `Item ${l.variantId.slice(0, 4)}`, ...l })),
        referenceType: 'order',
        referenceId: crypto.randomUUID(),
        actorUserId: null,
      }),
    );

  it('fails the whole sale naming every short item, changing nothing', async () => {
    const p = await createStockedProduct(t, { variants: 3 });
    const [a, b, c] = p.variants.map((v) => v.id) as [string, string, string];
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: a, quantity: 5 }, { variantId: b, quantity: 1 }] });
    const failure = await sale([{ variantId: a, quantity: 2 }, { variantId: b, quantity: 2 }, { variantId: c, quantity: 1 }]).catch((e) => e);
    expect(failure).toBeInstanceOf(InsufficientStockError);
    expect((failure as Error).message).toContain(`Item ${c.slice(0, 4)} (0 left, 1 needed)`);
    expect((failure as InsufficientStockError).details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'lines.2.quantity', message: 'Only 0 in stock' })]),
    );
    expect((failure as InsufficientStockError).items.sort((x, y) => x.available - y.available)).toEqual(
      [
        { variantId: c, requested: 1, available: 0 },
        { variantId: b, requested: 2, available: 1 },
      ],
    );
    expect([await quantityOf(t, a, location), await quantityOf(t, b, location)]).toEqual([5, 1]);
  });

  it('skips untracked items and lets allowed items go below zero', async () => {
    const untracked = await createStockedProduct(t, { trackStock: false });
    const negative = await createStockedProduct(t, { allowNegativeStock: true });
    await sale([
      { variantId: untracked.variants[0]!.id, quantity: 3, trackStock: false },
      { variantId: negative.variants[0]!.id, quantity: 2, allowNegativeStock: true },
    ]);
    expect(await quantityOf(t, untracked.variants[0]!.id, location)).toBe(0);
    expect((await levelsOf({ tenantId: t.tenant.id }, [untracked.variants[0]!.id])).length).toBe(0);
    expect(await quantityOf(t, negative.variants[0]!.id, location)).toBe(-2);
  });

  it('500 concurrent sales of 1 unit with 10 in stock: exactly 10 succeed, none oversold', async () => {
    const p = await createStockedProduct(t);
    const v = p.variants[0]!.id;
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: [{ variantId: v, quantity: 10 }] });
    const results = await Promise.allSettled(Array.from({ length: 500 }, () => sale([{ variantId: v, quantity: 1 }])));
    const succeeded = results.filter((r) => r.status === 'fulfilled').length;
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toBe(10);
    expect(failures.every((f) => f.reason instanceof InsufficientStockError)).toBe(true);
    expect(await quantityOf(t, v, location)).toBe(0);
    const ledger = await listLedger({ tenantId: t.tenant.id }, { variant: v, skip: 0, limit: 500 });
    const sales = ledger.data.filter((m) => m.kind === 'sale');
    expect(sales).toHaveLength(10);
    expect(Math.min(...ledger.data.map((m) => m.quantityAfter))).toBe(0);
  }, 120_000);

  it('300 concurrent 3-item sales over 4 items, lines in every order: no deadlock, none oversold, the ledger adds up', async () => {
    const p = await createStockedProduct(t, { variants: 4 });
    const items = p.variants.map((v) => v.id);
    await receiveStock(contextOf(t), { locationId: location, supplier: null, note: null, lines: items.map((variantId) => ({ variantId, quantity: 60 })) });
    // Sale i takes one each of three items, starting at item i mod 4 and going round: the same
    // rows, asked for in different orders (each one statement: movements.ts#takeGuarded).
    const carts = Array.from({ length: 300 }, (_, i) => [0, 1, 2].map((k) => ({ variantId: items[(i + k) % 4]!, quantity: 1 })));
    const results = await Promise.allSettled(carts.map((lines) => sale(lines)));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.filter((f) => !(f.reason instanceof InsufficientStockError)).map((f) => String(f.reason))).toEqual([]);
    const sold = new Map(items.map((v) => [v, 0]));
    results.forEach((r, i) => r.status === 'fulfilled' && carts[i]!.forEach((l) => sold.set(l.variantId, sold.get(l.variantId)! + 1)));
    for (const v of items) {
      const left = await quantityOf(t, v, location);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left).toBe(60 - sold.get(v)!);
      const ledger = await listLedger({ tenantId: t.tenant.id }, { variant: v, skip: 0, limit: 500 });
      expect(ledger.data.filter((m) => m.kind === 'sale')).toHaveLength(sold.get(v)!);
    }
    expect(Math.max(...sold.values())).toBe(60); // stock ran out: the guard was tested, not just the happy path
  }, 120_000);
});

describe('stock across tenants', () => {
  it('never reaches another tenant’s locations, items, levels or ledger', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const [locA, locB] = [await mainLocation(a), await mainLocation(b)];
    const itemB = await createStockedProduct(b);
    await receiveStock(contextOf(b), { locationId: locB, supplier: null, note: null, lines: [{ variantId: itemB.variants[0]!.id, quantity: 4 }] });
    const itemA = await createStockedProduct(a);

    // A cannot receive into B's location, nor receive B's item into its own.
    await expect(
      receiveStock(contextOf(a), { locationId: locB, supplier: null, note: null, lines: [{ variantId: itemA.variants[0]!.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      receiveStock(contextOf(a), { locationId: locA, supplier: null, note: null, lines: [{ variantId: itemB.variants[0]!.id, quantity: 1 }] }),
    ).rejects.toMatchObject({ code: 'unprocessable' });
    expect((await listLevels({ tenantId: a.tenant.id }, { variant: itemB.variants[0]!.id, lowStock: false, skip: 0, limit: 10 })).total).toBe(0);
    expect((await listLedger({ tenantId: a.tenant.id }, { variant: itemB.variants[0]!.id, skip: 0, limit: 10 })).total).toBe(0);
    expect(await quantityOf(b, itemB.variants[0]!.id, locB)).toBe(4);
  });
});
