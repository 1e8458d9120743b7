import { beforeAll, describe, expect, it } from 'vitest';
import { categoryService, newProductDefaults, taxClassService } from '@/lib/catalog';
import { categoryInputSchema } from '@/lib/catalog/schemas';
import { getTenantSettings, updateTenantSettings } from '@/lib/tenancy/settings';
import { createTenant, contextOf, type TestTenant } from '../helpers';

/**
 * A new product must be sellable the moment it is saved. It was not: the form started with
 * "Track stock" on (0 on hand: the register refuses it) and "No tax" while the café's only class
 * was 5 % commercial tax. What the product form starts with is what the new-product page reads:
 * the catalog (categories, tax classes) and the store's settings, resolved by newProductDefaults.
 */
async function defaultsOf(t: TestTenant) {
  const ctx = contextOf(t);
  const [categories, taxClasses, settings] = await Promise.all([categoryService.list(ctx), taxClassService.list(ctx), getTenantSettings(ctx)]);
  return newProductDefaults({ categories, taxClasses }, settings);
}

describe('new product defaults', () => {
  let cafe: TestTenant;
  let commercialTax: string;

  beforeAll(async () => {
    cafe = await createTenant({ currency: 'MMK', timeZone: 'Asia/Yangon' });
    commercialTax = (await taxClassService.create(contextOf(cafe), { name: 'Commercial tax 5%', rateBasisPoints: 500 })).id;
  });

  it('starts a new café product untracked and with its only tax class', async () => {
    const settings = await getTenantSettings(contextOf(cafe));
    expect(settings).toMatchObject({ trackStockByDefault: false, defaultTaxClassId: null });
    expect(await defaultsOf(cafe)).toEqual({ taxClassId: commercialTax, trackStock: false, trackStockByCategory: {} });
  });

  it('takes track-stock from the category, and from the store where the category does not say', async () => {
    const owner = contextOf(cafe);
    const tea = await categoryService.create(owner, categoryInputSchema.parse({ name: 'Tea', tracksStock: false }));
    const bottled = await categoryService.create(owner, categoryInputSchema.parse({ name: 'Bottled drinks', tracksStock: true }));
    const snacks = await categoryService.create(owner, categoryInputSchema.parse({ name: 'Snacks' })); // the store's default
    expect(snacks.tracksStock).toBeNull();
    expect((await defaultsOf(cafe)).trackStockByCategory).toEqual({ [tea.id]: false, [bottled.id]: true, [snacks.id]: false });

    // A shop that counts everything turns the store default on; categories that say otherwise keep their say.
    await updateTenantSettings(owner, { trackStockByDefault: true });
    const defaults = await defaultsOf(cafe);
    expect(defaults.trackStock).toBe(true);
    expect(defaults.trackStockByCategory).toEqual({ [tea.id]: false, [bottled.id]: true, [snacks.id]: true });

    // A PATCH of another field keeps the category's setting.
    const patched = await categoryService.patch(owner, tea.id, () => ({ position: 4 }));
    expect(patched).toMatchObject({ position: 4, tracksStock: false });
    await updateTenantSettings(owner, { trackStockByDefault: false });
  });

  it("preselects the store's chosen tax class, and falls back when it is gone", async () => {
    const owner = contextOf(cafe);
    const takeaway = await taxClassService.create(owner, { name: 'Takeaway 0%', rateBasisPoints: 0 });
    // Two classes and no choice: nothing is guessed.
    expect((await defaultsOf(cafe)).taxClassId).toBeNull();

    await updateTenantSettings(owner, { defaultTaxClassId: commercialTax });
    expect((await getTenantSettings(owner)).defaultTaxClassId).toBe(commercialTax);
    expect((await defaultsOf(cafe)).taxClassId).toBe(commercialTax);

    // The chosen class deleted: the only one left is preselected, never an id that no longer exists.
    await taxClassService.remove(owner, commercialTax);
    expect((await defaultsOf(cafe)).taxClassId).toBe(takeaway.id);
  });

  it("never preselects another store's tax class", async () => {
    const other = await createTenant();
    const theirs = (await taxClassService.create(contextOf(other), { name: 'VAT', rateBasisPoints: 700 })).id;
    const mine = await createTenant();
    await updateTenantSettings(contextOf(mine), { defaultTaxClassId: theirs });
    expect((await defaultsOf(mine)).taxClassId).toBeNull();
  });
});
