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
      {!canWrite && <Alert tone="info">Only an owner can change these settings.</Alert>}
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
        <legend className="px-1 text-sm font-semibold text-slate-700">On the receipt</legend>
        <TextAreaField label="Address" name="address" rows={2} defaultValue={settings.address ?? ''} maxLength={300} error={fe.address} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Phone" name="phone" defaultValue={settings.phone ?? ''} maxLength={40} error={fe.phone} />
          <TextField label="Tax ID" name="taxId" defaultValue={settings.taxId ?? ''} maxLength={40} error={fe.taxId} />
        </div>
        <TextField label="Footer" name="receiptFooter" defaultValue={settings.receiptFooter ?? ''} maxLength={300} placeholder="Thank you!" error={fe.receiptFooter} />
        <TextField
          label="Receipt link works for (days)"
          name="receiptLinkDays"
          inputMode="numeric"
          defaultValue={String(settings.receiptLinkDays)}
          error={fe.receiptLinkDays}
          hint="Every receipt prints a QR code and a link that opens it online without signing in. After this many days from the sale the link says it has expired (1–3650)."
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">At the register</legend>
        <TextField
          label="Largest discount without a manager (%)"
          name="discountLimit"
          inputMode="decimal"
          defaultValue={String(settings.discountLimitBasisPoints / 100)}
          error={fe.discountLimitBasisPoints}
          hint="Line and order discounts count together (10 % off a line and 10 % off the order is 19 %); beyond this a manager's or owner's PIN is needed. Prices including tax or not is set under Catalog → Taxes."
        />
        <TextField
          label={`Cash a cashier may take out of a drawer without a manager (${currency})`}
          name="cashOutLimit"
          inputMode="decimal"
          defaultValue={minorToDecimal(settings.cashOutLimit, currency)}
          error={fe.cashOutLimit}
          hint="Per cash-out. More needs a manager's or owner's PIN; 0 means every cash-out does."
        />
        <TextField
          label={`Drawer shortage the dashboard lets pass (${currency})`}
          name="drawerTolerance"
          inputMode="decimal"
          defaultValue={settings.drawerTolerance === null ? '' : minorToDecimal(settings.drawerTolerance, currency)}
          placeholder={minorToDecimal(defaultDrawerTolerance, currency)}
          error={fe.drawerTolerance}
          hint={`A shift that closes short by more than this shows as an alert on the dashboard; 0 flags any shortage. Leave it empty for ${minorToDecimal(defaultDrawerTolerance, currency)}.`}
        />
        <SelectField
          label="Register PINs"
          name="minPinLength"
          defaultValue={String(settings.minPinLength)}
          error={fe.minPinLength}
          hint="With 6 digits, a PIN shorter than that stops working until it is set again under Staff."
        >
          <option value="4">At least 4 digits</option>
          <option value="6">At least 6 digits</option>
        </SelectField>
        <CheckboxField
          label="Switch staff by PIN may sign in as an owner"
          name="pinSwitchToOwner"
          defaultChecked={settings.pinSwitchToOwner}
          error={fe.pinSwitchToOwner}
          hint="Off: owners sign in at the register with their email and password (their PIN still approves discounts, voids and refunds)."
        />
        <TextField
          label="Lock the register after this many idle minutes"
          name="idleLockMinutes"
          inputMode="numeric"
          defaultValue={String(settings.idleLockMinutes)}
          error={fe.idleLockMinutes}
          hint="With no tap or key for this long the register signs its person out and shows the PIN screen; the sale in progress waits for the next PIN. 0 never locks (0–240). The kitchen display never locks."
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">Tips</legend>
        <CheckboxField
          label="Ask for a tip when taking cash or card"
          name="tipsEnabled"
          defaultChecked={settings.tipsEnabled}
          error={fe.tipsEnabled}
          hint="Tips are recorded on the payment: they are not part of the order's total or of sales, cash tips stay in the drawer, card tips are charged with the card, and a refund never gives a tip back."
        />
        <TextField
          label="Tip presets (%)"
          name="tipPresets"
          inputMode="decimal"
          defaultValue={settings.tipPresets.map((p) => String(p / 100)).join(', ')}
          error={fe.tipPresets}
          hint="Up to 3, separated by commas, e.g. 10, 15, 20. Each is a percentage of the amount being paid."
        />
        <CheckboxField label="Allow a custom tip amount" name="tipCustomAmount" defaultChecked={settings.tipCustomAmount} error={fe.tipCustomAmount} />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">Service charge</legend>
        <TextField
          label="Service charge on dine-in orders (%)"
          name="serviceCharge"
          inputMode="decimal"
          defaultValue={String(settings.serviceChargeBasisPoints / 100)}
          error={fe.serviceChargeBasisPoints}
          hint="Added to every dine-in order on what its items come to after discounts, and taxed with them; 0 means none. Unlike a tip it is the business's revenue: it is in the order's total and in sales. Takeaway and retail orders never have one; orders already rung up keep the rate they were priced with until they are changed."
        />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">Business day</legend>
        <SelectField
          label="The business day starts at"
          name="dayStartsAt"
          defaultValue={settings.dayStartsAt}
          error={fe.dayStartsAt}
          hint="Sales before this time count on the day before, in reports, the dashboard and order numbers (a bar open past midnight might choose 04:00). After a change, reports are recalculated within a few minutes."
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
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      )}
    </form>
  );
}
