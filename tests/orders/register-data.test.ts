import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { categoryService, createProduct, modifierGroupService, patchProduct, taxClassService } from '@/lib/catalog/service';
import { productInputSchema } from '@/lib/catalog/schemas';
import { createLocation, receiveStock, setLowStockThreshold } from '@/lib/inventory';
import { registerData, registerScreen } from '@/lib/orders/register-data';
import { metrics } from '@/lib/platform/metrics';
import { createMenu, createTable } from '@/lib/restaurant';
import { menuInputSchema } from '@/lib/restaurant/schemas';
import { getTenantSettings, updateTenantSettings } from '@/lib/tenancy/settings';
import { listPinStaff, staffToSwitchTo } from '@/lib/auth';
import { clockAt } from '../analytics/fixtures';
import { createTenant, mainLocation, contextOf, uniqueSlug, type TestTenant } from '../helpers';

/**
 * The register's one server call: the sellable catalog, stock where the register stands,
 * pricing settings, tables and approvers — and nothing of another business.
 */
let a: TestTenant;
let b: TestTenant;
let mainA: string;
let warehouseA: string;
let tea: { productId: string; variantId: string; groupId: string; options: string[] };
let water: { productId: string; variantIds: string[] };
let archivedId: string;
let untracked: { productId: string; variantId: string };
let bProductId: string;
let bVariantId: string;
let bCategoryId: string;
let bTableId: string;

const sku = (prefix: string) => `${prefix}-${uniqueSlug('x').toUpperCase()}`;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  mainA = await mainLocation(a);
  warehouseA = (await createLocation(contextOf(a), { name: 'Warehouse', address: null })).id;
  const owner = contextOf(a);

  const drinks = await categoryService.create(owner, { name: 'Drinks', position: 1, color: '#1f9d5c', tracksStock: null });
  await categoryService.create(owner, { name: 'Empty category', position: 0, color: null, tracksStock: null });
  const vat = await taxClassService.create(owner, { name: 'VAT 5%', rateBasisPoints: 500 });
  const sweetness = await modifierGroupService.create(owner, {
    name: 'Sweetness',
    minSelect: 1,
    maxSelect: 1,
    options: [
      { name: 'Normal', priceDelta: 0 },
      { name: 'Extra', priceDelta: 100 },
    ],
  });

  const teaProduct = await createProduct(
    owner,
    productInputSchema.parse({
      name: 'Milk tea',
      categoryId: drinks.id,
      taxClassId: vat.id,
      modifierGroupIds: [sweetness.id],
      trackStock: false,
      variants: [{ sku: sku('TEA'), price: 1200 }],
    }),
  );
  tea = { productId: teaProduct.id, variantId: teaProduct.variants[0]!.id, groupId: sweetness.id, options: sweetness.options.map((o) => o.id) };

  const waterProduct = await createProduct(
    owner,
    productInputSchema.parse({
      name: 'Water',
      categoryId: drinks.id,
      variants: [
        { name: '1 L', sku: sku('W1'), price: 500, barcodes: ['8836001000112'] },
        { name: '2 L', sku: sku('W2'), price: 800 },
        { name: '5 L', sku: sku('W5'), price: 1500 },
      ],
    }),
  );
  water = { productId: waterProduct.id, variantIds: waterProduct.variants.map((v) => v.id) };
  const [oneL, twoL] = water.variantIds;
  await receiveStock(owner, { locationId: mainA, supplier: null, note: null, lines: [{ variantId: oneL!, quantity: 30 }, { variantId: twoL!, quantity: 4 }] });
  await receiveStock(owner, { locationId: warehouseA, supplier: null, note: null, lines: [{ variantId: oneL!, quantity: 500 }] });
  await setLowStockThreshold(owner, { locationId: mainA, variantId: twoL!, lowStockThreshold: 5 });

  const archived = await createProduct(owner, productInputSchema.parse({ name: 'Old biscuit', trackStock: false, variants: [{ sku: sku('OLD'), price: 100 }] }));
  await patchProduct(owner, archived.id, { status: 'archived' });
  archivedId = archived.id;

  const plain = await createProduct(owner, productInputSchema.parse({ name: 'Samosa', trackStock: false, variants: [{ sku: sku('SAM'), price: 300 }] }));
  untracked = { productId: plain.id, variantId: plain.variants[0]!.id };

  await createTable(owner, { name: 'T1', seats: 4, area: 'Hall', position: 0 });
  await updateTenantSettings(owner, { pricesIncludeTax: true, discountLimitBasisPoints: 1500 });

  // Tenant B: a product, stock, a category and a table that must never show up for A.
  const ownerB = contextOf(b);
  const catB = await categoryService.create(ownerB, { name: 'B only', position: 0, color: null, tracksStock: null });
  bCategoryId = catB.id;
  const productB = await createProduct(ownerB, productInputSchema.parse({ name: 'B secret', categoryId: catB.id, variants: [{ sku: sku('B'), price: 999 }] }));
  bProductId = productB.id;
  bVariantId = productB.variants[0]!.id;
  await receiveStock(ownerB, { locationId: await mainLocation(b), supplier: null, note: null, lines: [{ variantId: bVariantId, quantity: 7 }] });
  bTableId = (await createTable(ownerB, { name: 'B1', seats: 2, area: 'Patio', position: 0 })).id;
});

describe('registerData', () => {
  it('has the expected shape, with modifier groups resolved and the tax rate of each product', async () => {
    const data = await registerData(contextOf(a));
    expect(Object.keys(data).sort()).toEqual(['approvers', 'categories', 'location', 'loyaltyReward', 'menus', 'products', 'savedDiscounts', 'settings', 'stock', 'stockAt', 'tables', 'timeZone']);
    expect(Date.parse(data.stockAt)).not.toBeNaN(); // when the stock was read: offline, the register shows it "as of" then
    expect(data.location).toEqual({ id: mainA, name: expect.any(String) });
    expect(data.loyaltyReward).toBeNull(); // this business has no loyalty scheme
    expect(data.settings).toEqual({
      pricesIncludeTax: true,
      discountLimitBasisPoints: 1500,
      tips: { enabled: false, presets: [1000, 1500, 2000], custom: true },
      // What the register prices and limits an offline sale with (docs/offline.md).
      serviceChargeBasisPoints: 0,
      offlineMaxHours: 24,
      offlineMaxTotal: null,
    });

    const milkTea = data.products.find((p) => p.id === tea.productId)!;
    expect(milkTea).toMatchObject({ name: 'Milk tea', trackStock: false, allowNegativeStock: false, taxRateBasisPoints: 500 });
    expect(milkTea.modifierGroups).toEqual([
      {
        id: tea.groupId,
        name: 'Sweetness',
        minSelect: 1,
        maxSelect: 1,
        options: [
          { id: tea.options[0], name: 'Normal', priceDelta: 0 },
          { id: tea.options[1], name: 'Extra', priceDelta: 100 },
        ],
      },
    ]);
    const waterProduct = data.products.find((p) => p.id === water.productId)!;
    expect(waterProduct.taxRateBasisPoints).toBe(0);
    expect(waterProduct.variants.map((v) => v.name)).toEqual(['1 L', '2 L', '5 L']);
    expect(waterProduct.variants[0]!.barcodes).toEqual(['8836001000112']);

    // Only categories that have something to sell, in their position order.
    expect(data.categories.map((c) => c.name)).toEqual(['Drinks']);
    expect(data.tables).toEqual([{ id: expect.any(String), name: 'T1', seats: 4, area: 'Hall', status: 'free', covers: 0 }]);
    // JSON-safe: it is handed to a client component.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('lists only active products', async () => {
    const data = await registerData(contextOf(a));
    const ids = data.products.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([tea.productId, water.productId, untracked.productId]));
    expect(ids).not.toContain(archivedId);
  });

  it('gives stock levels of the register location only, for tracked variants, with the low flag', async () => {
    const [oneL, twoL, fiveL] = water.variantIds;
    const main = await registerData(contextOf(a));
    expect(main.stock[oneL!]).toEqual({ quantity: 30, threshold: null, low: false });
    expect(main.stock[twoL!]).toEqual({ quantity: 4, threshold: 5, low: true });
    expect(main.stock[fiveL!]).toEqual({ quantity: 0, threshold: null, low: true }); // never received: out
    expect(main.stock[untracked.variantId]).toBeUndefined();
    expect(main.stock[tea.variantId]).toBeUndefined();

    const warehouse = await registerData(contextOf(a), warehouseA);
    expect(warehouse.location).toEqual({ id: warehouseA, name: 'Warehouse' });
    expect(warehouse.stock[oneL!]).toEqual({ quantity: 500, threshold: null, low: false });
    expect(warehouse.stock[twoL!]).toEqual({ quantity: 0, threshold: null, low: true });
  });

  it('lists managers and owners with a PIN as approvers, with their roles, never cashiers', async () => {
    const data = await registerData(contextOf(a));
    const ids = data.approvers.map((s) => s.id);
    expect(ids).toContain(a.manager.id);
    expect(ids).not.toContain(a.cashier.id);
    expect(ids).not.toContain(a.owner.id); // the sign-up owner has no PIN yet
    // With their role: the PIN dialog says who is the manager and who the owner.
    expect(data.approvers.find((s) => s.id === a.manager.id)).toEqual({ id: a.manager.id, name: a.manager.name, role: 'manager' });
  });

  it("never shows another tenant's products, stock, categories, tables, staff or location", async () => {
    const data = await registerData(contextOf(a));
    const text = JSON.stringify(data);
    for (const id of [bProductId, bVariantId, bCategoryId, bTableId, b.manager.id, b.owner.id, await mainLocation(b)]) expect(text).not.toContain(id);
    expect(text).not.toContain('B secret');
    await expect(registerData(contextOf(a), await mainLocation(b))).rejects.toMatchObject({ code: 'not_found' });

    const other = await registerData(contextOf(b));
    expect(other.products.map((p) => p.id)).toEqual([bProductId]);
    expect(other.stock).toEqual({ [bVariantId]: { quantity: 7, threshold: null, low: false } });
    expect(other.approvers.map((s) => s.id)).toEqual([b.manager.id]);
  });
});

describe('registerScreen', () => {
  it('adds the header\'s PIN staff, whom to switch to and the idle lock to registerData', async () => {
    const screen = await registerScreen(contextOf(a));
    expect(screen.data).toEqual({ ...(await registerData(contextOf(a))), stockAt: expect.any(String) });
    expect(screen.pinStaff).toEqual(await listPinStaff(contextOf(a)));
    expect(screen.switchTo).toEqual(await staffToSwitchTo(contextOf(a), null));
    expect(screen.idleLockMinutes).toBe((await getTenantSettings(contextOf(a))).idleLockMinutes);
  });

  // PGlite statements are not counted (db/client.ts hooks postgres.js only).
  it.runIf(process.env.DATABASE_URL)('reads the page in one transaction: a fixed number of statements, not one transaction per module', async () => {
    const sent = async () => (await metrics().dbQueries.get()).values[0]?.value ?? 0;
    const before = await sent();
    await registerScreen(contextOf(a));
    // Measured: BEGIN, set_config, COMMIT; locations; the active products, their variants (each
    // with its barcodes); categories, modifier groups, tax classes, settings, tables, PIN staff,
    // 86 list, saved discounts, loyalty reward; the active menus; stock at the location = 17,
    // however many products. Was 72 in 17 transactions, then 20 (products paged and counted,
    // barcodes apart, menus counted; docs/performance.md). A count, not a timing.
    expect((await sent()) - before).toBeLessThanOrEqual(17);
  });
});

describe('registerData menus', () => {
  // A café in Yangon (UTC+6:30): Breakfast 06:00–11:00 every day, Lunch 11:00–14:00 on weekdays, and an all-day menu.
  let cafe: TestTenant;
  let other: TestTenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [cafe, other] = await Promise.all([createTenant({ timeZone: 'Asia/Yangon' }), createTenant({ timeZone: 'Asia/Yangon' })]);
    const owner = contextOf(cafe);
    const product = async (name: string) => (ids[name] = (await createProduct(owner, productInputSchema.parse({ name, trackStock: false, variants: [{ sku: sku(name.slice(0, 3).toUpperCase()), price: 1000 }] }))).id);
    for (const name of ['Milk tea', 'Coffee', 'Mohinga', 'Palata', 'Fried rice', 'Retired scone']) await product(name);
    await patchProduct(owner, ids['Retired scone']!, { status: 'archived' });

    const menu = (name: string, availability: { days: number[]; start: string; end: string }[], sections: [string, string[]][], isActive = true) =>
      createMenu(owner, menuInputSchema.parse({ name, isActive, availability, sections: sections.map(([n, products]) => ({ name: n, productIds: products.map((p) => ids[p]) })) }));
    const everyDay = [1, 2, 3, 4, 5, 6, 7];
    // Sections deliberately not in alphabetical order: the register keeps the editor's.
    ids.Breakfast = (await menu('Breakfast', [{ days: everyDay, start: '06:00', end: '11:00' }], [['Tea', ['Milk tea', 'Coffee']], ['Morning bowls', ['Mohinga']], ['Griddle', ['Palata', 'Retired scone']], ['Bakery', ['Retired scone']]])).id;
    ids.Lunch = (await menu('Lunch', [{ days: [1, 2, 3, 4, 5], start: '11:00', end: '14:00' }], [['Rice', ['Fried rice']]])).id;
    ids['All day'] = (await menu('All day', [], [['Drinks', ['Coffee', 'Milk tea']]])).id;
    await menu('Old menu', [], [['Tea', ['Milk tea']]], false);
    await menu('Nothing to sell', [], [['Gone', ['Retired scone']]]);
    await createMenu(contextOf(other), menuInputSchema.parse({ name: 'Other café breakfast', sections: [] }));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const offered = async () => Object.fromEntries((await registerData(contextOf(cafe))).menus.map((m) => [m.name, m.offeredNow]));

  it('lists Breakfast as offered at 07:00 local time, with its sections and products in the editor’s order', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clockAt('2026-11-23T00:30:00Z'); // Monday 07:00 in Yangon (00:30 UTC)
    const data = await registerData(contextOf(cafe));
    expect(data.timeZone).toBe('Asia/Yangon');
    // Offered now first, a menu with hours before the all-day one; inactive menus and menus with nothing to sell are left out.
    expect(data.menus.map((m) => [m.name, m.offeredNow])).toEqual([
      ['Breakfast', true],
      ['All day', true],
      ['Lunch', false],
    ]);
    const breakfast = data.menus[0]!;
    expect(breakfast.id).toBe(ids.Breakfast);
    expect(breakfast.availability).toEqual([{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '11:00' }]);
    // An archived product is not on the register; a section left with nothing is dropped.
    expect(breakfast.sections.map((s) => [s.name, s.productIds])).toEqual([
      ['Tea', [ids['Milk tea'], ids.Coffee]],
      ['Morning bowls', [ids.Mohinga]],
      ['Griddle', [ids.Palata]],
    ]);
    expect(JSON.parse(JSON.stringify(data.menus))).toEqual(data.menus);
  });

  it('takes Breakfast off at 11:00 and puts Lunch first by noon, on the tenant’s clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clockAt('2026-11-23T04:29:00Z'); // 10:59 in Yangon: still breakfast
    expect(await offered()).toEqual({ Breakfast: true, 'All day': true, Lunch: false });
    clockAt('2026-11-23T04:30:00Z'); // 11:00: the window's end is exclusive
    expect(await offered()).toEqual({ Breakfast: false, 'All day': true, Lunch: true });

    clockAt('2026-11-23T05:30:00Z'); // Monday 12:00 in Yangon
    const data = await registerData(contextOf(cafe));
    expect(data.menus.map((m) => [m.name, m.offeredNow])).toEqual([
      ['Lunch', true],
      ['All day', true],
      ['Breakfast', false],
    ]);
  });

  it('reads the hours in the tenant’s time zone, not the server’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clockAt('2026-11-23T07:00:00Z'); // 07:00 in UTC, but 13:30 in Yangon: lunch, not breakfast
    expect(await offered()).toEqual({ Breakfast: false, 'All day': true, Lunch: true });
    clockAt('2026-11-28T05:30:00Z'); // Saturday 12:00 in Yangon: no weekday lunch
    expect(await offered()).toEqual({ Breakfast: false, 'All day': true, Lunch: false });
  });

  it("never lists another tenant's menus", async () => {
    const data = await registerData(contextOf(cafe));
    expect(JSON.stringify(data.menus)).not.toContain('Other café');
    expect((await registerData(contextOf(other))).menus).toEqual([]); // its one menu has no sections
  });
});
