'use server';

import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth';
import { deletePurchaseList, draftPurchaseList, markPurchaseListOrdered, receivePurchaseList } from '@/lib/inventory';
import { text, trimmedText } from '@/lib/platform/form-data';

const listId = z.uuid('Not a purchase list');
const locationInput = z.object({ locationId: z.uuid('Choose a location').optional() });
const receiveInput = z.object({ id: listId, supplier: z.string().trim().max(120).nullable() });

export async function draftPurchaseListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', locationInput, { locationId: text(formData, 'locationId') || undefined }, async (ctx, data) => {
    const list = await draftPurchaseList(ctx, data);
    return `Drafted a list of ${list.lines.length} item${list.lines.length === 1 ? '' : 's'} for ${list.locationName}.`;
  });
}

export async function markOrderedAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', listId, text(formData, 'id') ?? '', async (ctx, id) => {
    await markPurchaseListOrdered(ctx, id);
    return 'Marked as ordered.';
  });
}

export async function receivePurchaseListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', receiveInput, { id: text(formData, 'id') ?? '', supplier: trimmedText(formData, 'supplier') || null }, async (ctx, data) => {
    await receivePurchaseList(ctx, data.id, data.supplier);
    return 'Received: every line is in stock.';
  });
}

export async function deletePurchaseListAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return staffAction('stock:write', listId, text(formData, 'id') ?? '', async (ctx, id) => {
    await deletePurchaseList(ctx, id);
    return 'Deleted.';
  });
}
