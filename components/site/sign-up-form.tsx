'use client';

import { useEffect, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { FormMessage } from '@/lib/platform/errors';
import { currentZoneName, timeZoneOptions } from './time-zones';

const COMMON_CURRENCIES = ['MMK', 'USD', 'EUR', 'GBP', 'THB', 'SGD', 'MYR', 'INR', 'JPY', 'AUD'];

/** The sign-up form's state: the usual message, plus the new store's address once it exists. */
export type SignUpState = (FormMessage & { redirectTo?: string }) | null;

export function SignUpForm({ signUpAction }: { signUpAction: FormAction<SignUpState> }) {
  const { state, pending, onSubmit } = useFormAction<SignUpState>(signUpAction, null);
  const [slug, setSlug] = useState('');
  const [host, setHost] = useState('localhost:3000');
  const [timeZone, setTimeZone] = useState('UTC');
  const [timeZones, setTimeZones] = useState<string[]>(['UTC']);
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
      {state?.ok && <Alert tone="success">{state.ok} Taking you to your store…</Alert>}

      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">Business</legend>
        <TextField label="Business name" name="businessName" required autoComplete="organization" error={fe.businessName} />
        <TextField
          label="Store address"
          name="slug"
          required
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={slug}
          onChange={(e) => setSlug(e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, ''))}
          error={fe.slug}
          hint={`Your store will be at ${slug || 'your-store'}.${host.replace(/^www\./, '')}`}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Currency" name="currency" defaultValue="USD" error={fe.currency}>
            {COMMON_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <SelectField label="Time zone" name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={fe.timeZone}>
            {timeZones.map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">Owner</legend>
        <TextField label="Your name" name="ownerName" required autoComplete="name" error={fe.ownerName} />
        <TextField label="Email" name="email" type="email" required autoComplete="email" error={fe.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          autoComplete="new-password"
          minLength={8}
          error={fe.password}
          hint="At least 8 characters."
        />
      </fieldset>

      <Button type="submit" disabled={pending || Boolean(state?.redirectTo)} className="w-full">
        {pending ? 'Creating your business…' : 'Create business'}
      </Button>
    </form>
  );
}
