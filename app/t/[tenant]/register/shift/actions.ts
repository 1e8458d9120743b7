'use server';

import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { CloseShiftState, ReportData, ShiftLookup } from '@/components/register/shift/types';
import { listApprovers, staffNameOf, approvalFromForm, approverFieldName, currentDisplayPreferences, staffAction, staffRead, type FormState } from '@/lib/auth';
import { formatsFor } from '@/lib/platform/formats';
import {
  addCashMovement,
  cashMovementSchema,
  closeShift,
  closeShiftSchema,
  currentShift,
  openShift,
  openShiftSchema,
  shiftReport,
  type ShiftReport,
} from '@/lib/orders';
import { AppError } from '@/lib/platform/errors';
import { decimalToMinor, minorToDecimal } from '@/lib/platform/money';
import { currentCurrency } from '@/lib/tenancy';
import { trimmedText } from '@/lib/platform/form-data';

const iso = (value: Date | string) => new Date(value).toISOString();

function toReportData(report: ShiftReport): ReportData {
  return {
    ...report,
    openedAt: iso(report.openedAt),
    closedAt: report.closedAt ? iso(report.closedAt) : null,
    movements: report.movements.map((m) => ({ ...m, at: iso(m.at) })),
  };
}

const registerNameSchema = z.string().trim().min(1).max(40);

/** Approval errors named as the form names its fields. */
function approvalFields(state: FormState): FormState {
  if (!state?.fieldErrors) return state;
  return { ...state, fieldErrors: Object.fromEntries(Object.entries(state.fieldErrors).map(([path, message]) => [approverFieldName(path), message])) };
}

/**
 * Money typed as a decimal in the store's currency → minor units. Blank or not an amount →
 * NaN, which the module's schema refuses with its own "Enter …" message.
 */
function minorOf(value: string, currency: string): number {
  if (value === '') return Number.NaN;
  return decimalToMinor(value, currency) ?? Number.NaN;
}

/** A friendlier message when something was typed that is not an amount (e.g. "12.345" in MMK). */
function amountHint(state: FormState, field: string, typed: string, currency: string): FormState {
  if (state?.fieldErrors?.[field] && typed !== '' && decimalToMinor(typed, currency) === null) {
    state.fieldErrors[field] = `Enter an amount in ${currency}, like ${minorToDecimal(150000, currency)}`;
  }
  return state;
}

/** The open shift of `registerName` with its X report (reads only; never refreshes the page). */
export async function loadShiftAction(registerName: string): Promise<ShiftLookup> {
  return staffRead('shift:operate', { shift: null, report: null } as ShiftLookup, async (ctx) => {
    const name = registerNameSchema.safeParse(registerName);
    if (!name.success) return { shift: null, report: null, error: 'Name the register (at most 40 characters).' };
    const shift = await currentShift(ctx, name.data);
    if (!shift) return { shift: null, report: null };
    const [report, openedBy, approvers] = await Promise.all([shiftReport(ctx, shift.id), staffNameOf(ctx, shift.openedBy), listApprovers(ctx)]);
    return {
      shift: {
        id: shift.id,
        registerName: shift.registerName,
        openedAt: iso(shift.openedAt),
        openedByName: openedBy ?? 'Unknown',
        openingFloat: shift.openingFloat,
      },
      report: toReportData(report),
      approvers,
    };
  });
}

/** The answer's words and amounts in the reader's language (and the tenant's money display). */
async function readerWords() {
  const [t, { locale, currencyDisplay }] = await Promise.all([getTranslations('shift'), currentDisplayPreferences()]);
  return { t, money: formatsFor(locale, currencyDisplay).money };
}

export async function openShiftAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const currency = await currentCurrency();
  const typed = trimmedText(formData, 'openingFloat');
  const state = await staffAction(
    'shift:operate',
    openShiftSchema,
    { registerName: trimmedText(formData, 'registerName'), openingFloat: minorOf(typed, currency) },
    async (ctx, data) => {
      const shift = await openShift(ctx, data);
      const { t, money } = await readerWords();
      return t('openedWith', { register: shift.registerName, amount: money(shift.openingFloat, ctx.tenant.currency) });
    },
  );
  return amountHint(state, 'openingFloat', typed, currency);
}

export async function cashMovementAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const currency = await currentCurrency();
  const typed = trimmedText(formData, 'amount');
  const kind = trimmedText(formData, 'kind');
  const state = await staffAction(
    'shift:operate',
    cashMovementSchema,
    { kind: kind || undefined, amount: minorOf(typed, currency), reason: trimmedText(formData, 'reason') },
    async (ctx, data) => {
      const shiftId = z.uuid().safeParse(trimmedText(formData, 'shiftId'));
      if (!shiftId.success) throw new AppError('not_found', 'Shift not found');
      const movement = await addCashMovement(ctx, shiftId.data, data, await approvalFromForm(ctx, formData, 'shift:manage'));
      const { t, money } = await readerWords();
      const amount = money(data.amount, ctx.tenant.currency);
      if (data.kind === 'in') return t('putIn', { amount });
      return t(movement.approvedBy && movement.approvedBy !== ctx.userId ? 'takenOutApproved' : 'takenOut', { amount });
    },
  );
  return approvalFields(amountHint(state, 'amount', typed, currency));
}

/** Closes the shift with the cash counted; answers the Z report beside the message. */
export async function closeShiftAction(_prev: CloseShiftState, formData: FormData): Promise<CloseShiftState> {
  const currency = await currentCurrency();
  const typed = trimmedText(formData, 'countedCash');
  let report: ReportData | undefined;
  const state = await staffAction('shift:operate', closeShiftSchema, { countedCash: minorOf(typed, currency) }, async (ctx, data) => {
    const shiftId = z.uuid().safeParse(trimmedText(formData, 'shiftId'));
    if (!shiftId.success) throw new AppError('not_found', 'Shift not found');
    report = toReportData(await closeShift(ctx, shiftId.data, data.countedCash, await approvalFromForm(ctx, formData, 'shift:manage')));
    return (await getTranslations('shift'))('closedMessage', { register: report.registerName });
  });
  const hinted = approvalFields(amountHint(state, 'countedCash', typed, currency));
  return hinted ? { ...hinted, ...(report && { report }) } : hinted;
}
