import { tool } from 'ai';
import { z } from 'zod';
import { can, type TenantContext } from '@/lib/auth';
import { listProducts, variantLabel, type Product } from '@/lib/catalog';
import { defaultLocation, draftPurchaseList, setLowStockThreshold } from '@/lib/inventory';
import { AppError } from '@/lib/platform/errors';
import { setSoldOut } from '@/lib/restaurant';
import { guarded, MAX_ROWS } from './tools';

/**
 * The assistant's changing tools (86 an item, a low-stock threshold, a purchase list drafted from low stock). Each needs the person's approval (AI SDK tool approval:
 * `needsApproval`), so the model can only propose; the page shows the approval card with the
 * input exactly as it will be applied, and nothing runs until "Approve" — a denial runs
 * nothing. The item is named as the person said it and must match one item exactly
 * (case-insensitive), so what was approved is what changes; no match or several is an error
 * the model explains. The module functions they call check the role and write the audit row.
 */
export const ACTION_TOOLS = ['setItemSoldOut', 'setLowStockThreshold', 'draftPurchaseList'] as const;
export type ActionTool = (typeof ACTION_TOOLS)[number];

const itemName = z.string().trim().min(1).max(80).describe('The item as the person named it, e.g. "Mohinga" or "Milk tea (Large)"');
const normal = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** Active products whose name (or "Name (Variant)", or a SKU) is exactly `name`, with the variants that matched. */
async function itemsNamed(ctx: TenantContext, name: string): Promise<{ product: Product; variantIds: string[] }[]> {
  const wanted = normal(name);
  const page = await listProducts(ctx, { search: name.trim().slice(0, 100), status: 'active', skip: 0, limit: 50 });
  return page.data.flatMap((product) => {
    if (normal(product.name) === wanted) return [{ product, variantIds: product.variants.map((v) => v.id) }];
    const variants = product.variants.filter((v) => normal(labelOf(product, v.id)) === wanted || normal(v.sku) === wanted);
    return variants.length ? [{ product, variantIds: variants.map((v) => v.id) }] : [];
  });
}

const labelOf = (product: Product, variantId: string) => variantLabel({ productName: product.name, variantName: product.variants.find((v) => v.id === variantId)!.name });

function onlyOne<T>(found: T[], name: string): T {
  if (found.length === 1) return found[0]!;
  throw new AppError('unprocessable', found.length === 0 ? `No item is called “${name}”. Check the name on the menu.` : `Several items are called “${name}”; name the one you mean.`);
}

export function assistantActions(ctx: TenantContext) {
  return {
    setItemSoldOut: tool({
      description: 'Mark a menu item sold out for now ("86 it") or available again. Changes nothing until the person approves.',
      inputSchema: z.object({ item: itemName, soldOut: z.boolean().describe('true: sold out (86); false: available again') }),
      needsApproval: true,
      execute: ({ item, soldOut }) =>
        guarded('setItemSoldOut', async () => {
          const { product } = onlyOne(await itemsNamed(ctx, item), item);
          const result = await setSoldOut(ctx, product.id, soldOut);
          return { item: result.name, soldOut, changed: result.changed };
        }),
    }),
    setLowStockThreshold: tool({
      description: "Set an item's low-stock threshold at the main location (it is flagged low at or below it). Changes nothing until the person approves.",
      inputSchema: z.object({ item: itemName, threshold: z.number().int().min(0).max(1_000_000).describe('Units') }),
      needsApproval: true,
      execute: ({ item, threshold }) =>
        guarded('setLowStockThreshold', async () => {
          if (!can(ctx, 'stock:write')) throw new AppError('forbidden', 'Only managers and owners change stock settings');
          const { product, variantIds } = onlyOne(await itemsNamed(ctx, item), item);
          if (!product.trackStock) throw new AppError('unprocessable', `${product.name} does not track stock, so it has no threshold.`);
          if (variantIds.length > 1) throw new AppError('unprocessable', `${product.name} comes in several sizes; name one, like “${labelOf(product, variantIds[0]!)}”.`);
          const variantId = variantIds[0]!;
          const location = await defaultLocation(ctx);
          if (!location) throw new AppError('unprocessable', 'This business has no location yet.');
          const { previous } = await setLowStockThreshold(ctx, { locationId: location.id, variantId, lowStockThreshold: threshold });
          return { item: labelOf(product, variantId), threshold, previous, location: location.name };
        }),
    }),
    draftPurchaseList: tool({
      description: 'Draft a purchase list of everything low on stock at the main location (each item up to twice its threshold). Creates a draft only; changes nothing until the person approves.',
      inputSchema: z.object({}),
      needsApproval: true,
      execute: () =>
        guarded('draftPurchaseList', async () => {
          const list = await draftPurchaseList(ctx);
          return {
            location: list.locationName,
            items: list.lines.length,
            units: list.lines.reduce((s, l) => s + l.quantity, 0),
            lines: list.lines.slice(0, MAX_ROWS).map((l) => ({ name: l.label, onHand: l.onHand, quantity: l.quantity })),
            link: `/admin/stock/purchase-lists/${list.id}`,
          };
        }),
    }),
  };
}
