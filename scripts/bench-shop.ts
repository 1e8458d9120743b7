// The bench's shop: a fresh tenant with an owner and a cashier, one location, a 7 % tax class
// and 20 products with a million units each, so no run ever sells out. Shared by the money
// path (module calls) and the HTTP section.
import type { StaffMember, TenantContext } from '../lib/auth';

export type BenchShop = {
  tenantId: string;
  slug: string;
  locationId: string;
  taxClassId: string;
  staff: Record<'owner' | 'cashier', StaffMember>;
  /** The cashier's context, for module calls. */
  cashierCtx: TenantContext;
  variantIds: string[];
  /** A 3-line retail cart (quantities 1, 2, 3), different products for different `i`. */
  cart(i: number): { type: 'retail'; locationId: string; lines: { variantId: string; quantity: number }[] };
};

export async function setUpBenchShop(): Promise<BenchShop> {
  const { signUpBusiness, addStaff, contextFor } = await import('../lib/auth');
  const { createProduct, taxClassService } = await import('../lib/catalog/service');
  const { productInputSchema } = await import('../lib/catalog/schemas');
  const { createLocation, receiveStock } = await import('../lib/inventory');

  const slug = `bench-${Date.now().toString(36)}`;
  const { tenant, owner } = await signUpBusiness({ businessName: 'Bench', slug, currency: 'USD', timeZone: 'UTC', ownerName: 'B', email: `o@${slug}.test`, password: 'bench-password' });
  const ownerCtx = contextFor(tenant, owner);
  const cashier = await addStaff(ownerCtx, { name: 'C', email: `c@${slug}.test`, role: 'cashier', password: 'bench-password' });
  const location = await createLocation(ownerCtx, { name: 'Main', address: null });
  const tax = await taxClassService.create(ownerCtx, { name: 'VAT', rateBasisPoints: 700 });
  const variantIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const product = await createProduct(ownerCtx, productInputSchema.parse({ name: `Item ${i}`, taxClassId: tax.id, variants: [{ sku: `B-${i}`, price: 100 + i }] }));
    variantIds.push(product.variants[0]!.id);
  }
  await receiveStock(ownerCtx, { locationId: location.id, supplier: null, note: null, lines: variantIds.map((variantId) => ({ variantId, quantity: 1_000_000 })) });
  return {
    tenantId: tenant.id,
    slug,
    locationId: location.id,
    taxClassId: tax.id,
    staff: { owner, cashier },
    cashierCtx: contextFor(tenant, cashier),
    variantIds,
    cart: (i) => ({
      type: 'retail',
      locationId: location.id,
      lines: [0, 1, 2].map((k) => ({ variantId: variantIds[(i + k) % variantIds.length]!, quantity: 1 + k })),
    }),
  };
}
