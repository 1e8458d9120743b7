'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useAddForm, type FormAction } from '@/components/ui/use-form-action';

export function StaffAddForm({ canManageOwners, minPinLength, addStaffAction }: { canManageOwners: boolean; minPinLength: 4 | 6; addStaffAction: FormAction }) {
  const { state, pending, onSubmit, form, fieldErrors: fe } = useAddForm(addStaffAction);

  return (
    <section aria-labelledby="add-staff" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="add-staff" className="text-lg font-semibold">
        Add a staff member
      </h2>
      <form ref={form} onSubmit={onSubmit} className="mt-4 space-y-4" noValidate>
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" name="name" required autoComplete="off" error={fe.name} />
          <TextField label="Email" name="email" type="email" required autoComplete="off" error={fe.email} />
          <SelectField label="Role" name="role" defaultValue="cashier" error={fe.role}>
            <option value="cashier">Cashier — register only</option>
            <option value="manager">Manager — register and admin</option>
            {canManageOwners && <option value="owner">Owner — everything, incl. settings</option>}
          </SelectField>
          <TextField
            label="Temporary password"
            name="password"
            type="password"
            required
            autoComplete="new-password"
            error={fe.password}
            hint="At least 8 characters. Share it with them in person."
          />
          <TextField
            label="Register PIN (optional)"
            name="pin"
            inputMode="numeric"
            pattern={`\\d{${minPinLength},6}`}
            maxLength={6}
            autoComplete="off"
            error={fe.pin}
            hint={`${minPinLength === 6 ? '6' : '4 to 6'} digits, to switch to this person at the register (a manager's also approves).`}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add staff member'}
        </Button>
      </form>
    </section>
  );
}
