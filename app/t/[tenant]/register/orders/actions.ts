'use server';

import { z } from 'zod';
import { staffAction, type FormState } from '@/lib/auth/current';
import { currentShift, refundOrder, refundOrderSchema, voidOrder, voidOrderSchema } from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';
import { formatMoney } from '@/lib/platform/money';

/**
 * Refunds and voids from the order screens (register and admin). The permission is the API's
 * (`order:create`); refundOrder/voidOrder then require a manager or owner, or the PIN of one
 * sent as `approval`.
 */
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A manager's approval when the form carried one (approver picked and PIN typed). */
function approvalOf(formData: FormData) {
  const userId = text(formData, 'approverId');
  const pin = text(formData, 'pin');
  if (!userId && !pin) return null;
  return { userId, pin };
}

function orderIdOf(formData: FormData): string {
  const id = z.uuid().safeParse(text(formData, 'orderId'));
  if (!id.success) throw new AppError('not_found', 'Order not found');
  return id.data;
}

/** Field errors named as the form names its fields (`approval.pin` → `pin`, `lines.0.quantity` → `qty.<lineId>`). */
function renameFields(state: FormState, lineIds: string[] = []): FormState {
  if (!state?.fieldErrors) return state;
  const renamed: Record<string, string> = {};
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    const line = /^lines\.(\d+)\./.exec(path);
    if (line && lineIds[Number(line[1])]) renamed[`qty.${lineIds[Number(line[1])]}`] = message;
    else if (path === 'approval.userId') renamed.approverId = message;
    else if (path === 'approval' || path === 'approval.pin') renamed.pin = message;
    else renamed[path] = message;
  }
  return { ...state, fieldErrors: renamed };
}

export async function refundOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const lines = [...formData.entries()]
    .filter(([name, value]) => name.startsWith('qty.') && typeof value === 'string' && value.trim() !== '' && value.trim() !== '0')
    .map(([name, value]) => ({ lineId: name.slice(4), quantity: Number(value) }));
  const input = {
    reason: text(formData, 'reason'),
    restock: formData.get('restock') === 'on',
    lines,
    approval: approvalOf(formData),
  };
  const state = await staffAction('order:create', refundOrderSchema, input, async (ctx, data) => {
    const orderId = orderIdOf(formData);
    // Cash goes back out of this register's drawer when it has an open shift (else the order's own shift).
    const registerName = text(formData, 'registerName');
    const shift = registerName ? await currentShift(ctx.tenant.id, registerName.slice(0, 40)) : null;
    const refund = await refundOrder(ctx, orderId, data, shift?.id ?? null);
    const money = (minor: number) => formatMoney(minor, ctx.tenant.currency);
    const parts = [`Refunded ${money(refund.amount)}.`];
    if (refund.pendingCard > 0) parts.push(`${money(refund.pendingCard)} back to the card is still waiting for the card processor; it is retried automatically.`);
    if (data.restock) parts.push('The items are back in stock.');
    return parts.join(' ');
  });
  return renameFields(state, lines.map((l) => l.lineId));
}

export async function voidOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { reason: text(formData, 'reason'), approval: approvalOf(formData) };
  const state = await staffAction('order:create', voidOrderSchema, input, async (ctx, data) => {
    await voidOrder(ctx, orderIdOf(formData), data);
    return 'The order is voided. Anything it took from stock is back.';
  });
  return renameFields(state);
}
