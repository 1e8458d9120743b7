'use server';

import { staffAction, type FormState } from '@/lib/auth';
import { decimalToMinor } from '@/lib/platform/money';
import { currentCurrency, settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

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
  const tolerance = field(formData, 'drawerTolerance');
  const idle = field(formData, 'idleLockMinutes');
  const linkDays = field(formData, 'receiptLinkDays');
  const offlineHours = field(formData, 'offlineMaxHours');
  const offlineTotal = field(formData, 'offlineMaxTotal');
  const input = {
    address: field(formData, 'address'),
    phone: field(formData, 'phone'),
    taxId: field(formData, 'taxId'),
    receiptFooter: field(formData, 'receiptFooter'),
    discountLimitBasisPoints: percentToBasisPoints(field(formData, 'discountLimit')),
    minPinLength: Number(field(formData, 'minPinLength')),
    pinSwitchToOwner: formData.get('pinSwitchToOwner') === 'on',
    idleLockMinutes: idle === undefined ? undefined : Number(idle.trim() || Number.NaN),
    cashOutLimit: cashOut === undefined ? undefined : (decimalToMinor(cashOut, currency) ?? Number.NaN),
    dayStartsAt: field(formData, 'dayStartsAt'),
    // Blank: back to the default (one unit of the currency).
    drawerTolerance: tolerance === undefined ? undefined : tolerance.trim() === '' ? null : (decimalToMinor(tolerance, currency) ?? Number.NaN),
    tipsEnabled: formData.get('tipsEnabled') === 'on',
    tipPresets: tipPresets(field(formData, 'tipPresets')),
    tipCustomAmount: formData.get('tipCustomAmount') === 'on',
    serviceChargeBasisPoints: percentToBasisPoints(field(formData, 'serviceCharge')),
    receiptLinkDays: linkDays === undefined ? undefined : Number(linkDays.trim() || Number.NaN),
    locale: field(formData, 'locale'),
    currencyDisplay: field(formData, 'currencyDisplay'),
    offlineMaxHours: offlineHours === undefined ? undefined : Number(offlineHours.trim() || Number.NaN),
    // Blank: no limit.
    offlineMaxTotal: offlineTotal === undefined ? undefined : offlineTotal.trim() === '' ? null : (decimalToMinor(offlineTotal, currency) ?? Number.NaN),
  };
  return staffAction('settings:write', settingsPatchSchema, input, async (ctx, data) => {
    await updateTenantSettings(ctx, data);
    return 'Settings saved.';
  });
}
