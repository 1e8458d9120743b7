import { beforeAll, describe, expect, it } from 'vitest';
import { createProduct, listProducts } from '@/lib/catalog/service';
import { productInputSchema, productListQuerySchema } from '@/lib/catalog/schemas';
import { cafe, type SeedVariant } from '@/scripts/seed/seed-data';
import { contextOf, createTenant, type TestTenant } from '../helpers';

/**
 * The café demo's Myanmar dishes and drinks carry their Burmese-script names beside the
 * romanised ones (scripts/seed/seed-data.ts), and a cashier finds them by either (issue 15).
 */
const named = cafe.products.filter((p) => p.altName);
const myanmarScript = /^[\u1000-\u109F\uAA60-\uAA7F\s()]+$/;

describe('the café demo’s names in two scripts', () => {
  it('gives the Myanmar dishes and drinks a Burmese name written in Myanmar script', () => {
    expect(named.length).toBeGreaterThanOrEqual(20);
    for (const p of named) expect(p.altName, p.name).toMatch(myanmarScript);
    expect(named.map((p) => p.altName)).toContain('လက်ဖက်ရည်');
  });

  describe('searched in either script', () => {
    let t: TestTenant;
    beforeAll(async () => {
      t = await createTenant({ currency: 'MMK' });
      for (const p of named.slice(0, 6)) {
        await createProduct(contextOf(t), productInputSchema.parse({ name: p.name, altName: p.altName, trackStock: false, variants: (p.variants as SeedVariant[]).map((v) => ({ name: v.name, sku: v.sku, price: v.price })) }));
      }
    });
    const found = async (search: string) => (await listProducts(contextOf(t), productListQuerySchema.parse({ search }))).data.map((p) => p.name);

    it('finds each by its Burmese name and by its romanised one', async () => {
      for (const p of named.slice(0, 6)) {
        expect(await found(p.altName!), p.altName).toContain(p.name);
        expect(await found(p.name.split(' ')[0]!), p.name).toContain(p.name);
      }
    });
  });
});
