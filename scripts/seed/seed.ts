import { addStaff, contextFor, signUpBusiness, updateStaff, type TenantContext } from '@/lib/auth';
import { categoryService, createProduct, modifierGroupService, savedDiscountService, taxClassService } from '@/lib/catalog/service';
import { productInputSchema, savedDiscountInputSchema } from '@/lib/catalog/schemas';
import { rebuildAnalytics } from '@/lib/analytics';
import { createCustomer, customerInputSchema, updateLoyaltySettings } from '@/lib/customers';
import { dispatchPending } from '@/lib/events';
import { createLocation, createPurchaseOrder, createSupplier, listLevels, listLocations, purchaseOrderInputSchema, receiveStock, setLowStockThreshold, supplierInputSchema } from '@/lib/inventory';
import { logger } from '@/lib/platform/logger';
import { createMenu, createStation, createTable, setCategoryRoutes, setProductRoute, stationsOf } from '@/lib/restaurant';
import { menuInputSchema, tableInputSchema } from '@/lib/restaurant/schemas';
import { findTenantBySlug } from '@/lib/tenancy/registry';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { cafe, shop, type SeedProduct } from './seed-data';
import { describeOrderHistory, seedOrderHistory } from './seed-history';

export const DEMO_PASSWORD = 'tillwise-demo';

/** The demo businesses everyone can try; listed in the README and printed by `npm run demo`. */
export const DEMO_TENANTS = [
  { slug: 'demo', businessName: 'Golden Cup Tea House', currency: 'MMK', timeZone: 'Asia/Yangon', domain: 'demo.test', kind: 'café' },
  { slug: 'acme', businessName: 'Acme Hardware & Supply', currency: 'USD', timeZone: 'America/New_York', domain: 'acme.test', kind: 'shop' },
] as const;

export const DEMO_STAFF = [
  { role: 'owner', name: 'Daw Aye Aye', pin: '1111' },
  { role: 'manager', name: 'Ko Min Thu', pin: '2222' },
  { role: 'cashier', name: 'Ma Su Su', pin: '3333' },
] as const;

/** Creates the demo tenants, staff, catalog, stock, menus and tables; an existing tenant is left as it is. */
export async function seedDemo(options: { historyDays?: number } = {}): Promise<void> {
  for (const t of DEMO_TENANTS) await seedDemoTenant({ ...t, ...options });
}

export type DemoTenant = {
  slug: string;
  businessName: string;
  currency: string;
  timeZone: string;
  domain: string;
  kind: 'café' | 'shop';
  /** Days of past orders (default 60); a test that digests every row wants few. */
  historyDays?: number;
};

/**
 * One demo business (as listed in DEMO_TENANTS, or a twin of one under another slug, e.g. the
 * bench's 10k-order café): staff, catalog, 60 days of history and its rollups. Nothing if the slug exists.
 */
export async function seedDemoTenant(t: DemoTenant): Promise<void> {
  if (await findTenantBySlug(t.slug)) return;
  const [owner, ...others] = DEMO_STAFF;
  const { tenant, owner: ownerRow } = await signUpBusiness({
    businessName: t.businessName,
    slug: t.slug,
    currency: t.currency,
    timeZone: t.timeZone,
    ownerName: owner.name,
    email: `owner@${t.domain}`,
    password: DEMO_PASSWORD,
  });
  const ctx = contextFor(tenant, ownerRow);
  await updateStaff(ctx, ownerRow.id, { pin: owner.pin });
  for (const s of others) {
    await addStaff(ctx, { name: s.name, email: `${s.role}@${t.domain}`, role: s.role, password: DEMO_PASSWORD, pin: s.pin });
  }
  await dispatchPending(); // TenantCreated → the inventory module creates "Main store"
  if (t.kind === 'café') await seedCafe(ctx);
  else await seedShop(ctx);
  // 60 days of past orders for dashboards and the assistant (today stays empty; stock untouched).
  const profile = t.kind === 'café' ? 'cafe' : 'shop';
  const days = t.historyDays ?? 60;
  const history = await seedOrderHistory(tenant.id, { days, profile, timeZone: tenant.timeZone, currency: tenant.currency });
  logger.info({ tenant: t.slug, ...history }, describeOrderHistory(profile, days));
  // The history emits no events (it happened "before" the system): the report rollups are computed from it.
  await rebuildAnalytics(tenant.id);
  await seedRegisterKeys(ctx, t.kind);
  await seedCustomers(ctx, t.kind);
  await seedPurchasing(ctx, t.kind);
}

/** A supplier, and a draft purchase order from it of a few stocked items (at their costs, if any). */
async function seedPurchasing(ctx: TenantContext, kind: DemoTenant['kind']): Promise<void> {
  const supplier = await createSupplier(
    ctx,
    supplierInputSchema.parse(
      kind === 'café'
        ? { name: 'Shwe Leaf Traders', contact: 'U Aung', phone: '+95 9 300 100 200', note: 'Tea leaves and condensed milk; delivers Mondays' }
        : { name: 'Metro Wholesale', contact: 'Dana', email: 'orders@metro.example', phone: '555 0199' },
    ),
  );
  const [location] = await listLocations(ctx);
  const stocked = (await listLevels(ctx, { location: location!.id, lowStock: false, skip: 0, limit: 3 })).data;
  if (location && stocked.length) {
    await createPurchaseOrder(ctx, purchaseOrderInputSchema.parse({ locationId: location.id, supplierId: supplier.id, lines: stocked.map((l) => ({ variantId: l.variantId, quantity: 12 })) }));
  }
}

/**
 * A loyalty scheme and a few regulars to find at the register (by phone or name). Café (MMK): a
 * point per 1,000 Ks, 50 points take 2,500 Ks off; the shop: a point per whole unit, 100 points
 * take 5 off. Their points start at 0: points move only with paid orders (docs/customers.md).
 */
async function seedCustomers(ctx: TenantContext, kind: DemoTenant['kind']): Promise<void> {
  const unit = ctx.tenant.currency === 'MMK' ? 1000 : 100;
  await updateLoyaltySettings(ctx, kind === 'café' ? { earnPoints: 1, earnPerAmount: unit, rewardPoints: 50, rewardValue: 2500 * (unit / 1000) } : { earnPoints: 1, earnPerAmount: unit, rewardPoints: 100, rewardValue: 5 * unit });
  const regulars =
    kind === 'café'
      ? [
          { name: 'Daw Khin Myo', phone: '+95 9 420 111 222', tags: ['regular'], note: 'Tea less sweet' },
          { name: 'Ko Zaw Lin', phone: '+95 9 250 333 444', tags: ['regular', 'office'] },
          { name: 'Ma Thiri', phone: '+95 9 780 555 666', email: 'thiri@example.com', tags: [] },
        ]
      : [
          { name: 'Corner Cafe (trade)', phone: '555 0100', email: 'orders@corner.example', tags: ['trade'] },
          { name: 'Sam Lee', phone: '555 0101', tags: [] },
        ];
  for (const c of regulars) await createCustomer(ctx, customerInputSchema.parse(c));
}

/**
 * The register's "Custom amount" key (an open-price product) and the saved discounts staff use
 * every day. Added after the history, which sells only fixed-price items.
 */
async function seedRegisterKeys(ctx: TenantContext, kind: DemoTenant['kind']): Promise<void> {
  await createProduct(ctx, productInputSchema.parse({ name: 'Custom amount', trackStock: false, openPrice: true, variants: [{ sku: 'CUSTOM', price: 0 }] }));
  const discounts =
    kind === 'café'
      ? [
          { name: 'Staff meal', kind: 'percent', basisPoints: 5000, appliesTo: 'order' },
          { name: 'Happy hour', kind: 'percent', basisPoints: 2000, appliesTo: 'line' },
          { name: 'Regular customer', kind: 'percent', basisPoints: 500 },
        ]
      : [
          { name: 'Trade customer', kind: 'percent', basisPoints: 1000, appliesTo: 'order' },
          { name: 'Damaged box', kind: 'percent', basisPoints: 3000, appliesTo: 'line', needsApproval: true },
        ];
  for (const d of discounts) await savedDiscountService.create(ctx, savedDiscountInputSchema.parse(d));
}

async function seedCatalog(
  ctx: TenantContext,
  data: { taxes: { name: string; rateBasisPoints: number }[]; categories: string[]; stockedCategories?: string[]; modifierGroups?: { name: string; minSelect: number; maxSelect: number; options: { name: string; priceDelta: number }[] }[]; products: SeedProduct[] },
  locationIds: string[],
): Promise<Map<string, string>> {
  const taxes = new Map<string, string>();
  for (const t of data.taxes) taxes.set(t.name, (await taxClassService.create(ctx, t)).id);
  const categories = new Map<string, string>();
  for (const [position, name] of data.categories.entries()) categories.set(name, (await categoryService.create(ctx, { name, position, color: null, tracksStock: data.stockedCategories?.includes(name) ? true : null })).id);
  const groups = new Map<string, string>();
  for (const g of data.modifierGroups ?? []) groups.set(g.name, (await modifierGroupService.create(ctx, g)).id);

  const productIdBySku = new Map<string, string>();
  const defaultTax = data.taxes[0]!.name;
  for (const p of data.products) {
    const product = await createProduct(
      ctx,
      productInputSchema.parse({
        name: p.name,
        altName: p.altName ?? null,
        categoryId: categories.get(p.category),
        taxClassId: taxes.get(p.tax ?? defaultTax),
        trackStock: p.trackStock ?? true,
        attributes: p.attributes ?? {},
        modifierGroupIds: (p.modifiers ?? []).map((m) => groups.get(m)),
        variants: p.variants.map((v) => ({ name: v.name ?? 'Default', sku: v.sku, price: v.price, barcodes: v.barcodes ?? [] })),
      }),
    );
    for (const v of product.variants) productIdBySku.set(v.sku, product.id);
    // Opening stock per location, and the level at which each item counts as low.
    for (const [i, locationId] of locationIds.entries()) {
      const lines = product.variants
        .map((v, j) => ({ variantId: v.id, quantity: p.variants[j]!.stock?.[i] ?? 0 }))
        .filter((l) => l.quantity > 0);
      if (lines.length === 0) continue;
      await receiveStock(ctx, { locationId, supplier: 'Opening stock', note: null, lines });
      if (p.lowStock !== undefined) {
        for (const l of lines) await setLowStockThreshold(ctx, { locationId, variantId: l.variantId, lowStockThreshold: p.lowStock });
      }
    }
  }
  return productIdBySku;
}

async function seedCafe(ctx: TenantContext): Promise<void> {
  const [main] = await listLocations(ctx);
  const productIdBySku = await seedCatalog(ctx, cafe, [main!.id]);
  for (const menu of cafe.menus) {
    await createMenu(
      ctx,
      menuInputSchema.parse({
        name: menu.name,
        availability: menu.windows,
        sections: Object.entries(menu.sections).map(([name, skus]) => ({
          name,
          productIds: [...new Set(skus.map((sku) => productIdBySku.get(sku)))],
        })),
      }),
    );
  }
  for (const table of cafe.tables) await createTable(ctx, tableInputSchema.parse(table));
  await seedKitchen(ctx, productIdBySku);
}

/** The café's kitchen: noodles and snacks in the Kitchen (the default), tea and drinks at the Bar, bottled water on no ticket. */
async function seedKitchen(ctx: TenantContext, productIdBySku: Map<string, string>): Promise<void> {
  await stationsOf(ctx); // the default "Kitchen"
  const bar = await createStation(ctx, { name: 'Bar' });
  const categories = await categoryService.list(ctx);
  const barCategories = categories.filter((c) => cafe.kitchen.bar.includes(c.name));
  await setCategoryRoutes(ctx, { routes: barCategories.map((c) => ({ categoryId: c.id, station: bar.id })) });
  for (const sku of cafe.kitchen.noTicket) await setProductRoute(ctx, { productId: productIdBySku.get(sku)!, station: 'none' });
}

async function seedShop(ctx: TenantContext): Promise<void> {
  // A hardware store counts everything it sells: new items track stock.
  await updateTenantSettings(ctx, { pricesIncludeTax: false, trackStockByDefault: true });
  const [main] = await listLocations(ctx);
  const warehouse = await createLocation(ctx, { name: shop.secondLocation, address: '12 Industrial Way' });
  await seedCatalog(ctx, shop, [main!.id, warehouse.id]);
}
