import { AppError } from '@/lib/platform/errors';
import type { CatalogRepository, PricingRefs } from './repository';
import type { ModifierGroupInput } from './schemas';

/** Logic both catalog adapters share. */
export type Clash = { kind: 'sku' | 'barcode'; value: string };

/** 409 naming every SKU and barcode that another product already uses. */
export function clashError(clashes: Clash[]): AppError {
  const unique = [...new Map(clashes.map((c) => [`${c.kind}:${c.value}`, c])).values()];
  const list = unique
    .slice(0, 5)
    .map((c) => `${c.kind === 'sku' ? 'SKU' : 'barcode'} ${c.value}`)
    .join(', ');
  const more = unique.length > 5 ? ` and ${unique.length - 5} more` : '';
  return new AppError(
    'conflict',
    `Already used by another product: ${list}${more}`,
    unique.map((c) => ({ path: c.kind, value: c.value, message: `${c.kind === 'sku' ? 'SKU' : 'Barcode'} ${c.value} is already used` })),
  );
}

/** `items` in slices of at most `size` (batched queries and writes). */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Modifier options get stable ids on write: an order line refers to the option it chose. */
export function withModifierOptionIds(input: ModifierGroupInput): ModifierGroupInput & { options: { id: string }[] } {
  return { ...input, options: input.options.map((o) => ({ ...o, id: o.id ?? crypto.randomUUID() })) };
}

/**
 * Lets other work run (e.g. a streamed response send a progress line). PGlite runs in this
 * process, so a long import would otherwise hold the event loop until it ends.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** getPricing from the adapter's other reads (MongoDB has no transaction to share): the lists, filtered to what the variants use. */
export function pricingFromReads(repo: Pick<CatalogRepository, 'getVariants' | 'modifierGroups' | 'taxClasses'>): CatalogRepository['getPricing'] {
  return async (tenantId, variantIds): Promise<PricingRefs> => {
    const [variants, groups, taxes] = await Promise.all([repo.getVariants(tenantId, variantIds), repo.modifierGroups.list(tenantId), repo.taxClasses.list(tenantId)]);
    const groupIds = new Set(variants.flatMap((v) => v.modifierGroupIds));
    const taxIds = new Set(variants.map((v) => v.taxClassId));
    return { variants, modifierGroups: groups.filter((g) => groupIds.has(g.id)), taxClasses: taxes.filter((t) => taxIds.has(t.id)) };
  };
}
