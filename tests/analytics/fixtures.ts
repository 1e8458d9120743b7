import { sql } from 'drizzle-orm';
import { vi } from 'vitest';
import type { TenantContext } from '@/lib/auth';
import { categoryService, createProduct, taxClassService } from '@/lib/catalog/service';
import { productInputSchema } from '@/lib/catalog/schemas';
import { withTenant } from '@/lib/platform/db';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { contextOf, createTenant, mainLocation, rowsOf, sessionContextOf, type TestTenant } from '../helpers';

export type Shop = {
  t: TestTenant;
  location: string;
  cashier: TenantContext;
  manager: TenantContext;
  owner: TenantContext;
  /** Tea: 400, taxed 10 %, category Drinks. Cake: 100, untaxed, no category. Neither tracks stock. */
  tea: { variantId: string; productId: string };
  cake: { variantId: string; productId: string };
  drinks: string;
};

/** A business in `timeZone` with two items, its day start, tax mode and dine-in service charge set. */
export async function setUpShop(options: { timeZone: string; currency?: string; dayStartsAt: string; pricesIncludeTax: boolean; serviceChargeBasisPoints?: number }): Promise<Shop> {
  const t = await createTenant({ timeZone: options.timeZone, currency: options.currency });
  const location = await mainLocation(t);
  await updateTenantSettings(contextOf(t), {
    dayStartsAt: options.dayStartsAt,
    pricesIncludeTax: options.pricesIncludeTax,
    serviceChargeBasisPoints: options.serviceChargeBasisPoints ?? 0,
  });
  const vat = await taxClassService.create(contextOf(t), { name: 'VAT 10%', rateBasisPoints: 1000 });
  const drinks = await categoryService.create(contextOf(t), { name: 'Drinks', position: 0, color: null, tracksStock: null });
  const product = (name: string, price: number, cost: number | null, extra: Record<string, unknown>) =>
    createProduct(contextOf(t), productInputSchema.parse({ name, trackStock: false, variants: [{ sku: `${name}-${t.tenant.slug}`, price, cost }], ...extra }));
  // Tea's cost is known, cake's is not: margins count one and show the other apart.
  const tea = await product('Tea', 400, 150, { taxClassId: vat.id, categoryId: drinks.id });
  const cake = await product('Cake', 100, null, {});
  return {
    t,
    location,
    cashier: await sessionContextOf(t, t.cashier),
    manager: await sessionContextOf(t, t.manager),
    owner: await sessionContextOf(t, t.owner),
    tea: { variantId: tea.variants[0]!.id, productId: tea.id },
    cake: { variantId: cake.variants[0]!.id, productId: cake.id },
    drinks: drinks.id,
  };
}

/** A summary's figures as plain numbers: this period's (`value`) or a week earlier's (`previous`). */
export function figuresOf(summary: object, which: 'value' | 'previous' = 'value'): Record<string, number> {
  return Object.fromEntries(
    Object.entries(summary)
      .filter(([k]) => !['from', 'to', 'previous'].includes(k))
      .map(([k, v]) => [k, (v as Record<typeof which, number>)[which]]),
  );
}

/** The clock the modules see (Date only: timers, the database and the gateway keep real time). */
export function clockAt(iso: string | Date): void {
  vi.setSystemTime(new Date(iso));
}

const ROLLUP_TABLES = ['analytics_sales', 'analytics_products', 'analytics_categories', 'analytics_tenders', 'analytics_staff', 'analytics_tax_rates', 'analytics_discount_reasons', 'analytics_facts'];

/** Every rollup row of the tenant, in key order (to compare incremental with rebuilt). */
export async function rollupSnapshot(tenantId: string): Promise<Record<string, unknown[]>> {
  return withTenant(tenantId, async (tx) => {
    const out: Record<string, unknown[]> = {};
    for (const table of ROLLUP_TABLES) {
      out[table] = rowsOf(await tx.execute(sql.raw(`select * from ${table} order by 1, 2, 3, 4`))).map((row) => {
        const r = { ...(row as Record<string, unknown>) };
        for (const [k, v] of Object.entries(r)) if (typeof v === 'bigint' || (typeof v === 'string' && /^-?\d+$/.test(v) && k !== 'hour')) r[k] = Number(v);
        return r;
      });
    }
    return out;
  });
}
