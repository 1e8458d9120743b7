'use server';

import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';
import { amountOf } from '@/lib/platform/form-data';
import { decimalToMinor } from '@/lib/platform/money';
import { currentCurrency, settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Whole units as typed: a missing field → undefined, blank or not a number → NaN (the schema's error). */
const wholeOf = (value: string | undefined) => (value === undefined ? undefined : Number(value.trim() || Number.NaN));

/** An amount where blank means none: a missing field → undefined, blank → null, else minor units (NaN: the schema's error). */
const optionalAmountOf = (value: string | undefined, currency: string) => (value === undefined ? undefined : (amountOf(value, currency) ?? null));

/** "10" or "12.5" (%) → basis points; anything else is left for the schema to refuse. */
function percentToBasisPoints(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(value);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN;
}

/** "10, 15, 20" (%) → basis points each; empty → no presets. */
function tipPresets(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((p) => percentToBasisPoints(p) ?? Number.NaN);
}

/** Owners only: what the receipt shows, and what a cashier may do alone (discounts, cash out, PINs). */
export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const currency = await currentCurrency();
  const cashOut = field(formData, 'cashOutLimit');
  const input = {
    address: field(formData, 'address'),
    phone: field(formData, 'phone'),
    taxId: field(formData, 'taxId'),
    receiptFooter: field(formData, 'receiptFooter'),
    discountLimitBasisPoints: percentToBasisPoints(field(formData, 'discountLimit')),
    minPinLength: Number(field(formData, 'minPinLength')),
    pinSwitchToOwner: formData.get('pinSwitchToOwner') === 'on',
    idleLockMinutes: wholeOf(field(formData, 'idleLockMinutes')),
    cashOutLimit: cashOut === undefined ? undefined : (decimalToMinor(cashOut, currency) ?? Number.NaN),
    dayStartsAt: field(formData, 'dayStartsAt'),
    // Blank: back to the default (one unit of the currency).
    drawerTolerance: optionalAmountOf(field(formData, 'drawerTolerance'), currency),
    tipsEnabled: formData.get('tipsEnabled') === 'on',
    tipPresets: tipPresets(field(formData, 'tipPresets')),
    tipCustomAmount: formData.get('tipCustomAmount') === 'on',
    serviceChargeBasisPoints: percentToBasisPoints(field(formData, 'serviceCharge')),
    receiptLinkDays: wholeOf(field(formData, 'receiptLinkDays')),
    locale: field(formData, 'locale'),
    currencyDisplay: field(formData, 'currencyDisplay'),
    offlineMaxHours: wholeOf(field(formData, 'offlineMaxHours')),
    // Blank: no limit.
    offlineMaxTotal: optionalAmountOf(field(formData, 'offlineMaxTotal'), currency),
  };
  return staffAction('settings:write', settingsPatchSchema, input, async (ctx, data) => {
    await updateTenantSettings(ctx, data);
    return (await getTranslations('settings'))('saved');
  });
}
