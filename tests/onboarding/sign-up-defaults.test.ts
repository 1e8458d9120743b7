import { describe, expect, it } from 'vitest';
import { addStaff, contextFor } from '@/lib/auth';
import { createProduct, listProducts, patchProduct, productInputSchema, taxClassService } from '@/lib/catalog';
import { createLocation, listLocations } from '@/lib/inventory';
import { businessSignUpSchema, dismissChecklist, firstDayChecklist, removeSamples, signUpWithDefaults } from '@/lib/onboarding';
import { checkout, createOrderSchema, openShift } from '@/lib/orders';
import { listTables, updateTable } from '@/lib/restaurant';
import { getTenantSettings } from '@/lib/tenancy';
import { PASSWORD, uniqueSlug } from '../helpers';

const raw = (businessType: string, extra: Record<string, string> = {}) => {
  const slug = uniqueSlug(businessType);
  return {
    businessName: 'First Day',
    slug,
    currency: 'MMK',
    timeZone: 'Asia/Yangon',
    ownerName: 'Aye',
    email: `aye@${slug}.test`,
    password: PASSWORD,
    businessType,
    ...extra,
  };
};
const form = (businessType: string, extra: Record<string, string> = {}) => businessSignUpSchema.parse(raw(businessType, extra));

async function signUp(businessType: string, extra: Record<string, string> = {}) {
  const { tenant, owner } = await signUpWithDefaults(form(businessType, extra));
  const ctx = contextFor(tenant, owner);
  // The location comes from the TenantCreated handler, which the dispatcher runs; not here.
  if ((await listLocations(ctx)).length === 0) await createLocation(ctx, { name: 'Main store', address: null });
  return { tenant, owner, ctx };
}

const done = async (ctx: Parameters<typeof firstDayChecklist>[0]) =>
  Object.fromEntries((await firstDayChecklist(ctx))!.items.map((i) => [i.step, i.done]));

describe('sign-up defaults per business type', () => {
  it('a restaurant gets dine-in (a starter floor), untracked items, its tax class and receipt details', async () => {
    const { ctx } = await signUp('restaurant', { taxName: 'Commercial tax', taxRate: '5', address: '12 Anawrahta Rd', phone: '09 123 456' });
    const settings = await getTenantSettings(ctx);
    expect(settings).toMatchObject({ businessType: 'restaurant', trackStockByDefault: false, address: '12 Anawrahta Rd', phone: '09 123 456', checklistDismissed: false });
    const tables = await listTables(ctx);
    expect(tables.map((t) => t.name)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(tables.every((t) => t.area === 'Main' && t.gridX !== null)).toBe(true);
    expect((await taxClassService.list(ctx)).map(({ name, rateBasisPoints }) => ({ name, rateBasisPoints }))).toEqual([{ name: 'Commercial tax', rateBasisPoints: 500 }]);
    expect((await listProducts(ctx, { status: 'all', skip: 0, limit: 10 })).total).toBe(0);
  });

  it('a shop tracks stock by default and gets no tables', async () => {
    const { ctx } = await signUp('shop');
    expect(await getTenantSettings(ctx)).toMatchObject({ businessType: 'shop', trackStockByDefault: true, address: null, phone: null });
    expect(await listTables(ctx)).toEqual([]);
    expect(await taxClassService.list(ctx)).toEqual([]);
    expect((await firstDayChecklist(ctx))!.items.map((i) => i.step)).toEqual(['items', 'taxes', 'staff', 'shift']);
  });

  it('both: tables and stock tracking, and both sample catalogs when asked', async () => {
    const { ctx } = await signUp('both', { sampleCatalog: 'on', taxName: 'VAT', taxRate: '7.5' });
    expect(await getTenantSettings(ctx)).toMatchObject({ businessType: 'both', trackStockByDefault: true });
    expect(await listTables(ctx)).toHaveLength(6);
    const products = (await listProducts(ctx, { status: 'all', skip: 0, limit: 100 })).data;
    expect(products.map((p) => p.name)).toEqual(expect.arrayContaining(['Latte', 'Mohinga', 'T-shirt', 'Potato chips']));
    const [vat] = await taxClassService.list(ctx);
    expect(vat).toMatchObject({ name: 'VAT', rateBasisPoints: 750 });
    expect(products.every((p) => p.attributes.sample === true && p.taxClassId === vat!.id && p.variants.every((v) => v.sku.startsWith('SAMPLE-')))).toBe(true);
    expect(products.find((p) => p.name === 'Latte')!.variants.map((v) => v.price)).toEqual([3500, 4500]); // MMK: prices a café would charge
  });

  it('asks for a tax rate with a tax name (and the other way round), and refuses an unknown business type', () => {
    const base = raw('shop');
    const issues = (extra: Record<string, unknown>) => businessSignUpSchema.safeParse({ ...base, ...extra }).error?.issues.map((i) => i.path[0]);
    expect(issues({ taxName: 'GST' })).toEqual(['taxRate']);
    expect(issues({ taxRate: '9' })).toEqual(['taxName']);
    expect(issues({ taxName: 'GST', taxRate: '101' })).toEqual(['taxRate']);
    expect(issues({ businessType: 'bar' })).toEqual(['businessType']);
    expect(issues({ taxName: '', taxRate: '' })).toBeUndefined();
  });
});

describe('the first-day checklist', () => {
  it('ticks itself off from what exists, and stays hidden once dismissed', async () => {
    const { tenant, owner, ctx } = await signUp('restaurant', { taxName: 'Commercial tax', taxRate: '5', sampleCatalog: 'on' });
    // Samples are not the owner's items; the tax class named at sign-up counts; the starter floor is not set up yet.
    expect(await done(ctx)).toEqual({ items: false, taxes: true, staff: false, tables: false, shift: false });
    expect((await firstDayChecklist(ctx))!.removableSamples).toBe(8);

    await addStaff(ctx, { name: 'Cashier', email: `c@${tenant.slug}.test`, role: 'cashier', password: PASSWORD, pin: '4821' });
    const [t1] = await listTables(ctx);
    await updateTable(ctx, t1!.id, { seats: 3 });
    expect(await done(ctx)).toMatchObject({ staff: true, tables: true, shift: false });

    await openShift(ctx, { registerName: 'Front', openingFloat: 0 });
    expect(await done(ctx)).toMatchObject({ shift: true });

    await dismissChecklist(contextFor(tenant, owner));
    expect(await firstDayChecklist(ctx)).toBeNull();
  });
});

describe('removing the sample catalog', () => {
  it('deletes untouched samples, archives one that was sold, keeps one the owner edited, and does nothing the second time', async () => {
    const { ctx } = await signUp('restaurant', { sampleCatalog: 'on' });
    const all = async () => (await listProducts(ctx, { status: 'all', skip: 0, limit: 100 })).data;
    const byName = async (name: string) => (await all()).find((p) => p.name === name)!;

    const latte = await byName('Latte');
    const espresso = await byName('Espresso');
    await patchProduct(ctx, espresso.id, { name: 'House espresso' }); // the owner made it theirs
    const [location] = await listLocations(ctx);
    await openShift(ctx, { registerName: 'Front', openingFloat: 0 });
    await checkout(ctx, createOrderSchema.parse({ type: 'takeaway', locationId: location!.id, lines: [{ variantId: latte.variants[0]!.id, quantity: 1 }], payments: [{ tender: 'cash', tendered: 3500 }] }));
    const ownItem = await createProduct(ctx, productInputSchema.parse({ name: 'My own cake', variants: [{ sku: 'CAKE-1', price: 2000 }] }));

    expect(await removeSamples(ctx)).toEqual({ deleted: 6, archived: 1, kept: 1 });
    const left = await all();
    expect(left.map((p) => `${p.name}:${p.status}`).sort()).toEqual(['House espresso:active', 'Latte:archived', 'My own cake:active']);
    expect(left.find((p) => p.id === ownItem.id)).toBeDefined();
    expect((await firstDayChecklist(ctx))!.removableSamples).toBe(0);

    expect(await removeSamples(ctx)).toEqual({ deleted: 0, archived: 0, kept: 1 });
    expect((await all()).length).toBe(3);
  });
});
