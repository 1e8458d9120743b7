'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { approvalFromForm, approverFieldName, currentDisplayPreferences, staffAction, type FormState } from '@/lib/auth';
import { formatsFor } from '@/lib/platform/formats';
import { currentShift, refundOrder, refundOrderSchema, resolveRefusedSale, resolveRefusedSaleSchema, voidOrder, voidOrderSchema } from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';
import { trimmedText } from '@/lib/platform/form-data';

/**
 * Refunds and voids from the order screens (register and admin). The permission is the API's
 * (`order:create`); refundOrder/voidOrder then require a manager or owner, or an approval:
 * the form carries the manager's PIN once, exchanged here for a one-action approval token.
 */

/** The refund dialog's amounts per tender (minor units; zero or blank: that tender gives nothing). */
function chosenTenders(formData: FormData): { tender: 'cash' | 'card'; amount: number }[] {
  return (['cash', 'card'] as const)
    .map((tender) => ({ tender, amount: Number(formData.get(`tender.${tender}`) ?? 0) }))
    .filter((t) => t.amount !== 0);
}

function orderIdOf(formData: FormData): string {
  const id = z.uuid().safeParse(trimmedText(formData, 'orderId'));
  if (!id.success) throw new AppError('not_found', 'Order not found');
  return id.data;
}

/** Field errors named as the form names its fields (`userId` → `approverId`, `lines.0.quantity` → `qty.<lineId>`). */
function renameFields(state: FormState, lineIds: string[] = []): FormState {
  if (!state?.fieldErrors) return state;
  const renamed: Record<string, string> = {};
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    const line = /^lines\.(\d+)\./.exec(path);
    if (line && lineIds[Number(line[1])]) renamed[`qty.${lineIds[Number(line[1])]}`] = message;
    else if (path.startsWith('tenders')) renamed.tenders = message;
    else renamed[approverFieldName(path)] = message;
  }
  return { ...state, fieldErrors: renamed };
}

export async function refundOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const lines = [...formData.entries()]
    .filter(([name, value]) => name.startsWith('qty.') && typeof value === 'string' && value.trim() !== '' && value.trim() !== '0')
    .map(([name, value]) => ({ lineId: name.slice(4), quantity: Number(value) }));
  const input = {
    reason: trimmedText(formData, 'reason'),
    restock: formData.get('restock') === 'on',
    lines,
    approval: null,
    tenders: formData.get('goesTo') === 'split' ? chosenTenders(formData) : null,
  };
  const state = await staffAction('order:create', refundOrderSchema, input, async (ctx, data) => {
    const orderId = orderIdOf(formData);
    const approval = await approvalFromForm(ctx, formData, 'refund:create');
    // Cash goes back out of this register's drawer when it has an open shift (else the order's own shift).
    const registerName = trimmedText(formData, 'registerName');
    const shift = registerName ? await currentShift(ctx, registerName.slice(0, 40)) : null;
    const refund = await refundOrder(ctx, orderId, { ...data, approval }, shift?.id ?? null);
    const [t, { locale, currencyDisplay }] = await Promise.all([getTranslations('orders'), currentDisplayPreferences()]);
    const money = (minor: number) => formatsFor(locale, currencyDisplay).money(minor, ctx.tenant.currency);
    if (refund.status === 'pending') {
      // Nothing has changed on the order yet: it completes (or is refused) when the card service answers.
      return t('refundPending', { amount: money(refund.amount) });
    }
    return t(data.restock ? 'refundedRestocked' : 'refunded', { amount: money(refund.amount) });
  });
  return renameFields(state, lines.map((l) => l.lineId));
}

export async function voidOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { reason: trimmedText(formData, 'reason'), approval: null };
  const state = await staffAction('order:create', voidOrderSchema, input, async (ctx, data) => {
    await voidOrder(ctx, orderIdOf(formData), { ...data, approval: await approvalFromForm(ctx, formData, 'order:void') });
    return (await getTranslations('orders'))('voided');
  });
  return renameFields(state);
}

function refusedSaleIdOf(formData: FormData): string {
  const id = z.uuid().safeParse(trimmedText(formData, 'saleId'));
  if (!id.success) throw new AppError('not_found', 'No such refused sale');
  return id.data;
}

/** "Needs attention" (register and admin): a manager writes a refused offline sale off, with the reason (audited). */
export async function writeOffRefusedSaleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { resolution: 'written_off', reason: trimmedText(formData, 'reason') };
  return staffAction('offline:resolve', resolveRefusedSaleSchema, input, async (ctx, data) => {
    const sale = await resolveRefusedSale(ctx, refusedSaleIdOf(formData), data);
    return (await getTranslations('needsAttention'))('writtenOff', { number: sale.provisional });
  });
}

/** "Needs attention" at a register: a manager re-rings a refused offline sale as a normal sale, into this register's open shift. */
export async function reringRefusedSaleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { registerName: trimmedText(formData, 'registerName').slice(0, 40) };
  return staffAction('offline:resolve', z.object({ registerName: z.string().min(1) }), input, async (ctx, { registerName }) => {
    const tn = await getTranslations('needsAttention');
    const shift = await currentShift(ctx, registerName);
    if (!shift) throw new AppError('conflict', tn('openShiftFirst', { register: registerName }));
    const sale = await resolveRefusedSale(ctx, refusedSaleIdOf(formData), { resolution: 'rerung', shiftId: shift.id });
    return tn('rerung', { number: sale.provisional, order: sale.order?.number ?? 0 });
  });
}
