'use client';

import { saveSettingsAction } from '@/app/t/[tenant]/admin/settings/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { TenantSettings } from '@/lib/tenancy/settings';

/** The business details printed on receipts, and the discount cashiers may give without a manager. */
export function SettingsForm({ settings, canWrite }: { settings: TenantSettings; canWrite: boolean }) {
  const { state, pending, onSubmit } = useFormAction(saveSettingsAction, null);
  const fe = state?.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && <Alert tone="success">{state.ok}</Alert>}
      {!canWrite && <Alert tone="info">Only an owner can change these settings.</Alert>}
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">On the receipt</legend>
        <TextAreaField label="Address" name="address" rows={2} defaultValue={settings.address ?? ''} maxLength={300} error={fe.address} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Phone" name="phone" defaultValue={settings.phone ?? ''} maxLength={40} error={fe.phone} />
          <TextField label="Tax ID" name="taxId" defaultValue={settings.taxId ?? ''} maxLength={40} error={fe.taxId} />
        </div>
        <TextField label="Footer" name="receiptFooter" defaultValue={settings.receiptFooter ?? ''} maxLength={300} placeholder="Thank you!" error={fe.receiptFooter} />
      </fieldset>
      <fieldset disabled={!canWrite} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold text-slate-700">At the register</legend>
        <TextField
          label="Largest discount without a manager (%)"
          name="discountLimit"
          inputMode="decimal"
          defaultValue={String(settings.discountLimitBasisPoints / 100)}
          error={fe.discountLimitBasisPoints}
          hint="A larger line or order discount needs a manager's or owner's PIN. Prices including tax or not is set under Catalog → Taxes."
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
