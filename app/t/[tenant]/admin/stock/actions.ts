'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { CountPreviewLine, CountState } from '@/components/admin/stock/stock-count-form';
import type { PickableItem } from '@/components/admin/stock/stock-item-picker';
import { staffAction, staffRead, type FormState } from '@/lib/auth';
import { currentCurrency } from '@/lib/tenancy';
import { findVariantByCode, listProducts } from '@/lib/catalog';
import {
  adjustmentInputSchema,
  adjustStock,
  countInputSchema,
  countStock,
  createLocation,
  levelsOf,
  locationInputSchema,
  receiptInputSchema,
  receiveStock,
  setLowStockThreshold,
  thresholdInputSchema,
  transferInputSchema,
  transferStock,
  updateLocation,
} from '@/lib/inventory';
import { AppError } from '@/lib/platform/errors';
import { amountOf, text, texts } from '@/lib/platform/form-data';

/** Blank or not a number → undefined/NaN, which the module's schema refuses with a field error. */
const numberOf = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : Number(value));

/**
 * The item picker's search: an exact barcode or SKU first (what a scanner types), then active
 * products whose name or SKU matches. Reads only; it does not refresh the page.
 */
export async function searchStockItemsAction(query: string, locationId: string | null): Promise<{ items: PickableItem[]; error?: string }> {
  return staffRead('stock:read', { items: [] as PickableItem[] }, async (ctx) => {
    const q = String(query ?? '').trim().slice(0, 100);
    if (!q) return { items: [] };
    const [exact, page] = await Promise.all([
      findVariantByCode(ctx, q),
      listProducts(ctx, { search: q, status: 'active', skip: 0, limit: 8 }),
    ]);
    const items: PickableItem[] = [];
    if (exact) {
      items.push({ ...exact, quantity: null });
    }
    for (const p of page.data) {
      for (const v of p.variants) {
        if (items.some((i) => i.variantId === v.id)) continue;
        items.push({ variantId: v.id, productName: p.name, variantName: v.name, sku: v.sku, barcodes: v.barcodes, trackStock: p.trackStock, quantity: null });
      }
    }
    const shown = items.slice(0, 12);
    const location = z.uuid().safeParse(locationId);
    if (location.success) {
      const levels = new Map((await levelsOf(ctx, shown.map((i) => i.variantId), location.data)).map((l) => [l.variantId, l.quantity]));
      for (const item of shown) item.quantity = item.trackStock ? (levels.get(item.variantId) ?? 0) : null;
    }
    return {
      items: shown.map(({ variantId, productName, variantName, sku, barcodes, trackStock, quantity }) => ({ variantId, productName, variantName, sku, barcodes, trackStock, quantity })),
    };
  });
}

export async function receiveStockAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const quantities = texts(formData, 'quantity');
  const costs = texts(formData, 'unitCost');
  const currency = await currentCurrency();
  const input = {
    locationId: text(formData, 'locationId'),
    supplier: text(formData, 'supplier'),
    note: text(formData, 'note'),
    lines: texts(formData, 'variantId').map((variantId, i) => ({ variantId, quantity: numberOf(quantities[i]), unitCost: amountOf(costs[i], currency) })),
  };
  return staffAction('stock:write', receiptInputSchema, input, async (ctx, data) => {
      const result = await receiveStock(ctx, data);
      const units = data.lines.reduce((sum, l) => sum + l.quantity, 0);
      return (await getTranslations('admin.stock'))('received', { units, items: result.lines.length });
  });
}

export async function adjustStockAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const quantities = texts(formData, 'quantity');
  const directions = texts(formData, 'direction');
  const input = {
    locationId: text(formData, 'locationId'),
    reason: text(formData, 'reason'),
    note: text(formData, 'note'),
    lines: texts(formData, 'variantId').map((variantId, i) => {
      const quantity = numberOf(quantities[i]);
      return { variantId, delta: quantity === undefined ? undefined : directions[i] === 'add' ? quantity : -quantity };
    }),
  };
  return staffAction('stock:write', adjustmentInputSchema, input, async (ctx, data) => {
      const result = await adjustStock(ctx, data);
      const t = await getTranslations('admin.stock');
      return t('adjusted', { items: result.lines.length, reason: t(`reason.${data.reason}`) });
  });
}

/** "Review differences" (intent=preview: a dry run) and "Apply count" (intent=apply) post here. */
export async function countStockAction(_prev: CountState, formData: FormData): Promise<CountState> {
  const apply = text(formData, 'intent') === 'apply';
  const counted = texts(formData, 'counted');
  const input = {
    locationId: text(formData, 'locationId'),
    note: text(formData, 'note'),
    dryRun: !apply,
    lines: texts(formData, 'variantId').map((variantId, i) => ({ variantId, counted: numberOf(counted[i]) })),
  };
  let preview: CountPreviewLine[] | undefined;
  const state = await staffAction('stock:write', countInputSchema, input, async (ctx, data) => {
      const result = await countStock(ctx, data);
      preview = result.lines;
      const changed = result.lines.filter((l) => l.difference !== 0).length;
      const t = await getTranslations('admin.stock');
      if (!result.applied) return t('countReview', { changed });
      return changed === 0 ? t('countMatched', { lines: result.lines.length }) : t('countApplied', { changed });
  });
  return state && { ...state, preview, applied: apply && Boolean(state.ok) };
}

export async function transferStockAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const quantities = texts(formData, 'quantity');
  const input = {
    fromLocationId: text(formData, 'locationId'),
    toLocationId: text(formData, 'toLocationId'),
    note: text(formData, 'note'),
    lines: texts(formData, 'variantId').map((variantId, i) => ({ variantId, quantity: numberOf(quantities[i]) })),
  };
  return staffAction('stock:write', transferInputSchema, input, async (ctx, data) => {
      const result = await transferStock(ctx, data);
      const units = data.lines.reduce((sum, l) => sum + l.quantity, 0);
      return (await getTranslations('admin.stock'))('transferred', { units, items: result.lines.length });
  });
}

export async function setThresholdAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = {
    locationId: text(formData, 'locationId'),
    variantId: text(formData, 'variantId'),
    lowStockThreshold: numberOf(text(formData, 'threshold')) ?? null,
  };
  return staffAction('stock:write', thresholdInputSchema, input, async (ctx, data) => {
      await setLowStockThreshold(ctx, data);
      const t = await getTranslations('admin.stock');
      return data.lowStockThreshold === null ? t('thresholdRemoved') : t('thresholdSet', { threshold: data.lowStockThreshold });
  });
}

export async function addLocationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { name: text(formData, 'name'), address: text(formData, 'address') };
  return staffAction('stock:write', locationInputSchema, input, async (ctx, data) => {
    const location = await createLocation(ctx, data);
    return (await getTranslations('admin.stock'))('locationAdded', { name: location.name });
  });
}

export async function updateLocationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = z.uuid().safeParse(text(formData, 'id'));
  const input = { name: text(formData, 'name'), address: text(formData, 'address') };
  return staffAction('stock:write', locationInputSchema, input, async (ctx, data) => {
    if (!id.success) throw new AppError('not_found', 'Location not found');
    const location = await updateLocation(ctx, id.data, data);
    return (await getTranslations('admin.stock'))('locationSaved', { name: location.name });
  });
}
