'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useFormAction, useRefreshWhenSaved, type FormAction } from '@/components/ui/use-form-action';
import { useTranslations } from 'next-intl';
import { LOCALE_NAMES, LOCALES } from '@/lib/platform/locale';
import { formatMoney, minorDigits, minorToDecimal } from '@/lib/platform/money';
import type { TenantSettings } from '@/lib/tenancy';

/** 00:00, 00:15, … 23:45: a day start in 15-minute steps. */
const DAY_STARTS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

/** The business details printed on receipts, what cashiers may do without a manager, and when the business day starts. */
export function SettingsForm({
  settings,
  currency,
  defaultDrawerTolerance,
  canWrite,
  saveSettingsAction,
}: {
  settings: TenantSettings;
  currency: string;
  /** The tolerance a blank field means (minor units). */
  defaultDrawerTolerance: number;
  canWrite: boolean;
  saveSettingsAction: FormAction;
}) {
  const t = useTranslations('settings');
  const { state, pending, onSubmit } = useFormAction(saveSettingsAction, null);
  useRefreshWhenSaved(state); // the store's language may have changed
  // 2,500 of the currency's major unit, as the two ways would show it.
  const example = 2500 * 10 ** minorDigits(currency);
  const fe = state?.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      {!canWrite && <Alert tone="info">{t('ownerOnly')}</Alert>}
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('languageLegend')}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={t('locale')} name="locale" defaultValue={settings.locale} error={fe.locale} hint={t('localeHint')}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('currencyDisplay')} name="currencyDisplay" defaultValue={settings.currencyDisplay} error={fe.currencyDisplay}>
            <option value="code">{t('currencyCode', { example: formatMoney(example, currency, { locale: settings.locale, display: 'code' }) })}</option>
            <option value="local">{t('currencyLocal', { example: formatMoney(example, currency, { locale: settings.locale, display: 'local' }) })}</option>
          </SelectField>
        </div>
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('receiptLegend')}</legend>
        <TextAreaField label={t('address')} name="address" rows={2} defaultValue={settings.address ?? ''} maxLength={300} error={fe.address} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('phone')} name="phone" defaultValue={settings.phone ?? ''} maxLength={40} error={fe.phone} />
          <TextField label={t('taxId')} name="taxId" defaultValue={settings.taxId ?? ''} maxLength={40} error={fe.taxId} />
        </div>
        <TextField label={t('footer')} name="receiptFooter" defaultValue={settings.receiptFooter ?? ''} maxLength={300} placeholder={t('footerPlaceholder')} error={fe.receiptFooter} />
        <TextField
          label={t('receiptLinkDays')}
          name="receiptLinkDays"
          inputMode="numeric"
          defaultValue={String(settings.receiptLinkDays)}
          error={fe.receiptLinkDays}
          hint={t('receiptLinkHint')}
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('registerLegend')}</legend>
        <TextField
          label={t('discountLimit')}
          name="discountLimit"
          inputMode="decimal"
          defaultValue={String(settings.discountLimitBasisPoints / 100)}
          error={fe.discountLimitBasisPoints}
          hint={t('discountLimitHint')}
        />
        <TextField
          label={t('cashOutLimit', { currency })}
          name="cashOutLimit"
          inputMode="decimal"
          defaultValue={minorToDecimal(settings.cashOutLimit, currency)}
          error={fe.cashOutLimit}
          hint={t('cashOutLimitHint')}
        />
        <TextField
          label={t('drawerTolerance', { currency })}
          name="drawerTolerance"
          inputMode="decimal"
          defaultValue={settings.drawerTolerance === null ? '' : minorToDecimal(settings.drawerTolerance, currency)}
          placeholder={minorToDecimal(defaultDrawerTolerance, currency)}
          error={fe.drawerTolerance}
          hint={t('drawerToleranceHint', { amount: minorToDecimal(defaultDrawerTolerance, currency) })}
        />
        <SelectField
          label={t('pins')}
          name="minPinLength"
          defaultValue={String(settings.minPinLength)}
          error={fe.minPinLength}
          hint={t('pinsHint')}
        >
          <option value="4">{t('pins4')}</option>
          <option value="6">{t('pins6')}</option>
        </SelectField>
        <CheckboxField
          label={t('pinToOwner')}
          name="pinSwitchToOwner"
          defaultChecked={settings.pinSwitchToOwner}
          error={fe.pinSwitchToOwner}
          hint={t('pinToOwnerHint')}
        />
        <TextField
          label={t('idleLock')}
          name="idleLockMinutes"
          inputMode="numeric"
          defaultValue={String(settings.idleLockMinutes)}
          error={fe.idleLockMinutes}
          hint={t('idleLockHint')}
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('tipsLegend')}</legend>
        <CheckboxField
          label={t('tipsEnabled')}
          name="tipsEnabled"
          defaultChecked={settings.tipsEnabled}
          error={fe.tipsEnabled}
          hint={t('tipsEnabledHint')}
        />
        <TextField
          label={t('tipPresets')}
          name="tipPresets"
          inputMode="decimal"
          defaultValue={settings.tipPresets.map((p) => String(p / 100)).join(', ')}
          error={fe.tipPresets}
          hint={t('tipPresetsHint')}
        />
        <CheckboxField label={t('tipCustom')} name="tipCustomAmount" defaultChecked={settings.tipCustomAmount} error={fe.tipCustomAmount} />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('serviceLegend')}</legend>
        <TextField
          label={t('serviceCharge')}
          name="serviceCharge"
          inputMode="decimal"
          defaultValue={String(settings.serviceChargeBasisPoints / 100)}
          error={fe.serviceChargeBasisPoints}
          hint={t('serviceChargeHint')}
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('dayLegend')}</legend>
        <SelectField
          label={t('dayStarts')}
          name="dayStartsAt"
          defaultValue={settings.dayStartsAt}
          error={fe.dayStartsAt}
          hint={t('dayStartsHint')}
        >
          {DAY_STARTS.map((time) => (
            <option key={time} value={time}>
              {time}
            </option>
          ))}
        </SelectField>
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('offlineLegend')}</legend>
        <TextField
          label={t('offlineMaxHours')}
          name="offlineMaxHours"
          inputMode="numeric"
          defaultValue={String(settings.offlineMaxHours)}
          error={fe.offlineMaxHours}
          hint={t('offlineMaxHoursHint')}
        />
        <TextField
          label={t('offlineMaxTotal', { currency })}
          name="offlineMaxTotal"
          inputMode="decimal"
          defaultValue={settings.offlineMaxTotal === null ? '' : minorToDecimal(settings.offlineMaxTotal, currency)}
          error={fe.offlineMaxTotal}
          hint={t('offlineMaxTotalHint')}
        />
      </fieldset>
      {canWrite && (
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
      )}
    </form>
  );
}
