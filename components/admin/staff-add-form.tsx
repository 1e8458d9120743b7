'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useAddForm, type FormAction } from '@/components/ui/use-form-action';

export function StaffAddForm({ canManageOwners, minPinLength, addStaffAction }: { canManageOwners: boolean; minPinLength: 4 | 6; addStaffAction: FormAction }) {
  const t = useTranslations('admin.staff');
  const { state, pending, onSubmit, form, fieldErrors: fe } = useAddForm(addStaffAction);

  return (
    <section aria-labelledby="add-staff" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="add-staff" className="text-lg font-semibold">
        {t('addTitle')}
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t('name')} name="name" required autoComplete="off" error={fe.name} />
          <TextField label={t('email')} name="email" type="email" required autoComplete="off" error={fe.email} />
          <SelectField label={t('role')} name="role" defaultValue="cashier" error={fe.role}>
            <option value="cashier">{t('roleCashier')}</option>
            <option value="manager">{t('roleManager')}</option>
            {canManageOwners && <option value="owner">{t('roleOwner')}</option>}
          </SelectField>
          <TextField
            label={t('tempPassword')}
            name="password"
            type="password"
            required
            autoComplete="new-password"
            error={fe.password}
            hint={t('tempPasswordHint')}
          />
          <TextField
            label={t('pinOptional')}
            name="pin"
            inputMode="numeric"
            pattern={`\\d{${minPinLength},6}`}
            maxLength={6}
            autoComplete="off"
            error={fe.pin}
            hint={t('pinHint', { six: minPinLength === 6 ? 'yes' : 'no' })}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('addButton')}
        </Button>
      </form>
    </section>
  );
}
