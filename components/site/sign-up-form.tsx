'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { FormMessage } from '@/lib/platform/errors';
import { suggestedTaxClass } from './tax-suggestions';
import { currentZoneName, timeZoneOptions } from './time-zones';

const BUSINESS_TYPES = [
  { value: 'restaurant', label: 'typeRestaurant', hint: 'typeRestaurantHint' },
  { value: 'shop', label: 'typeShop', hint: 'typeShopHint' },
  { value: 'both', label: 'typeBoth', hint: 'typeBothHint' },
] as const;

const COMMON_CURRENCIES = ['MMK', 'USD', 'EUR', 'GBP', 'THB', 'SGD', 'MYR', 'INR', 'JPY', 'AUD'];

/** The sign-up form's state: the usual message, plus the new store's address once it exists. */
export type SignUpState = (FormMessage & { redirectTo?: string }) | null;

export function SignUpForm({ signUpAction }: { signUpAction: FormAction<SignUpState> }) {
  const t = useTranslations('site');
  const { state, pending, onSubmit } = useFormAction<SignUpState>(signUpAction, null);
  const [slug, setSlug] = useState('');
  const [host, setHost] = useState('localhost:3000');
  const [timeZone, setTimeZone] = useState('UTC');
  const [timeZones, setTimeZones] = useState<string[]>(['UTC']);
  const [currency, setCurrency] = useState('USD');
  const [businessType, setBusinessType] = useState<string>('restaurant');
  const [tax, setTax] = useState(suggestedTaxClass('USD'));
  const fe = state?.fieldErrors ?? {};

  useEffect(() => {
    setHost(window.location.host);
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    setTimeZone(currentZoneName(detected));
    setTimeZones(timeZoneOptions(detected));
  }, []);

  useEffect(() => {
    if (state?.redirectTo) window.location.assign(state.redirectTo);
  }, [state?.redirectTo]);

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{t('takingYou', { message: state.ok })}</Alert>}

      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('business')}</legend>
        <TextField label={t('businessName')} name="businessName" required autoComplete="organization" error={fe.businessName} />
        <TextField
          label={t('storeAddress')}
          name="slug"
          required
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={slug}
          onChange={(e) => setSlug(e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, ''))}
          error={fe.slug}
          hint={t('storeAt', { address: `${slug || 'your-store'}.${host.replace(/^www\./, '')}` })}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t('currency')}
            name="currency"
            value={currency}
            onChange={(e) => {
              setCurrency(e.target.value);
              setTax(suggestedTaxClass(e.target.value));
            }}
            error={fe.currency}
          >
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('timeZone')} name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={fe.timeZone}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" aria-describedby={fe.businessType ? 'business-type-error' : undefined}>
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('whatBusiness')}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {BUSINESS_TYPES.map((type) => (
            <label
              key={type.value}
              className="flex cursor-pointer flex-col gap-1 rounded-lg border border-slate-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600/30"
            >
              <span className="flex items-center gap-2 font-medium text-slate-900">
                <input
                  type="radio"
                  name="businessType"
                  value={type.value}
                  checked={businessType === type.value}
                  onChange={() => setBusinessType(type.value)}
                  className="size-4 accent-brand-600"
                />
                {t(type.label)}
              </span>
              <span className="text-sm text-slate-600">{t(type.hint)}</span>
            </label>
          ))}
        </div>
        {fe.businessType && (
          <p id="business-type-error" className="text-sm text-red-700">
            {fe.businessType}
          </p>
        )}
        <CheckboxField
          label={businessType === 'shop' ? t('sampleCatalog') : t('sampleMenu')}
          name="sampleCatalog"
          hint={t('sampleHint')}
        />
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('taxAndReceipts')}</legend>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
          <TextField
            label={t('taxName')}
            name="taxName"
            value={tax.name}
            onChange={(e) => setTax({ ...tax, name: e.target.value })}
            error={fe.taxName}
            hint={t('taxNameHint')}
          />
          <TextField
            label={t('taxRate')}
            name="taxRate"
            inputMode="decimal"
            value={tax.rate}
            onChange={(e) => setTax({ ...tax, rate: e.target.value })}
            error={fe.taxRate}
          />
        </div>
        <TextField label={t('address')} name="address" autoComplete="street-address" error={fe.address} />
        <TextField label={t('phone')} name="phone" type="tel" autoComplete="tel" error={fe.phone} />
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('owner')}</legend>
        <TextField label={t('yourName')} name="ownerName" required autoComplete="name" error={fe.ownerName} />
        <TextField label={t('email')} name="email" type="email" required autoComplete="email" error={fe.email} />
        <TextField
          label={t('password')}
          name="password"
          type="password"
          required
          autoComplete="new-password"
          minLength={8}
          error={fe.password}
          hint={t('passwordHint')}
        />
      </fieldset>

      <Button type="submit" disabled={pending || Boolean(state?.redirectTo)} className="w-full">
        {pending ? t('creating') : t('createButton')}
      </Button>
    </form>
  );
}
