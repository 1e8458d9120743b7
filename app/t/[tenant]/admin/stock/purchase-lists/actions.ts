'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { currentCurrency } from '@/lib/tenancy';
import { cancelPurchaseOrder, createPurchaseOrder, purchaseOrderInputSchema, createSupplier, deletePurchaseList, deleteSupplier, draftPurchaseList, markPurchaseListOrdered, receivePurchaseOrder, supplierInputSchema } from '@/lib/inventory';
import { amountOf, text, texts, trimmedText } from '@/lib/platform/form-data';

const listId = z.uuid('Not a purchase order');
const locationInput = z.object({ locationId: z.uuid('Choose a location').optional() });
const receiveInput = z.object({
  id: listId,
  lines: z.array(z.object({ variantId: z.uuid(), quantity: z.number().int('Use whole units').min(0, 'Use 0 or more').max(1_000_000) })),
});

export async function draftPurchaseListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', locationInput, { locationId: text(formData, 'locationId') || undefined }, async (ctx, data) => {
    const list = await draftPurchaseList(ctx, data);
    return (await getTranslations('admin.purchaseOrders'))('draftedAnswer', { items: list.lines.length, location: list.locationName });
  });
}

export async function markOrderedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', listId, text(formData, 'id') ?? '', async (ctx, id) => {
    await markPurchaseListOrdered(ctx, id);
    return (await getTranslations('admin.purchaseOrders'))('sentAnswer');
  });
}

/** What arrived, line by line (a blank or 0 quantity: nothing of that line this time). */
export async function receivePurchaseListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const quantities = texts(formData, 'quantity');
  const input = {
    id: text(formData, 'id') ?? '',
    lines: texts(formData, 'variantId').map((variantId, i) => ({ variantId, quantity: quantities[i]?.trim() ? Number(quantities[i]) : 0 })),
  };
  return staffAction('stock:write', receiveInput, input, async (ctx, data) => {
    const lines = data.lines.filter((l) => l.quantity > 0);
    const { status } = await receivePurchaseOrder(ctx, data.id, { note: null, lines: lines.length ? lines : undefined });
    return (await getTranslations('admin.purchaseOrders'))(status === 'received' ? 'receivedAll' : 'receivedPart');
  });
}

export async function cancelPurchaseOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', listId, text(formData, 'id') ?? '', async (ctx, id) => {
    await cancelPurchaseOrder(ctx, id);
    return (await getTranslations('admin.purchaseOrders'))('cancelledAnswer');
  });
}

export async function deletePurchaseListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', listId, text(formData, 'id') ?? '', async (ctx, id) => {
    await deletePurchaseList(ctx, id);
    return (await getTranslations('admin.purchaseOrders'))('deletedAnswer');
  });
}

export async function createSupplierAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { name: trimmedText(formData, 'name'), contact: trimmedText(formData, 'contact'), email: trimmedText(formData, 'email'), phone: trimmedText(formData, 'phone'), note: trimmedText(formData, 'note') };
  return staffAction('stock:write', supplierInputSchema, input, async (ctx, data) => (await getTranslations('admin.purchaseOrders'))('supplierAdded', { name: (await createSupplier(ctx, data)).name }));
}

export async function deleteSupplierAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', z.uuid('Not a supplier'), text(formData, 'id') ?? '', async (ctx, id) => {
    await deleteSupplier(ctx, id);
    return (await getTranslations('admin.purchaseOrders'))('deletedAnswer');
  });
}

/** A purchase order by hand (the new order page): saved as a draft, then its page opens. */
export async function createPurchaseOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const quantities = texts(formData, 'quantity');
  const costs = texts(formData, 'unitCost');
  const currency = await currentCurrency();
  const input = {
    locationId: text(formData, 'locationId'),
    supplierId: text(formData, 'supplierId') ?? null,
    note: text(formData, 'note') ?? null,
    lines: texts(formData, 'variantId').map((variantId, i) => ({
      variantId,
      quantity: quantities[i]?.trim() ? Number(quantities[i]) : undefined,
      unitCost: amountOf(costs[i], currency) ?? null,
    })),
  };
  let created: string | null = null;
  const state = await staffAction('stock:write', purchaseOrderInputSchema, input, async (ctx, data) => {
    created = (await createPurchaseOrder(ctx, data)).id;
    return (await getTranslations('admin.purchaseOrders'))('draftSaved');
  });
  if (created) redirect(`/admin/stock/purchase-lists/${created}`);
  return state;
}
