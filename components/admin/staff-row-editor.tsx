'use client';

import { updateStaffAction } from '@/app/t/[tenant]/admin/staff/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { StaffMember } from '@/lib/auth/staff';

/**
 * Per-person changes in a disclosure: role, PIN, password, deactivate. Each form posts one
 * `intent` to the same server action; the outcome shows above the forms.
 */
export function StaffRowEditor({ member, canManageOwners, isSelf }: { member: StaffMember; canManageOwners: boolean; isSelf: boolean }) {
  const { state, pending, onSubmit } = useFormAction(updateStaffAction, null);
  const fe = state?.fieldErrors ?? {};
  const hidden = <input type="hidden" name="id" value={member.id} />;

  return (
    <details className="group inline-block text-left">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
        Manage<span className="sr-only"> {member.name}</span>
      </summary>
      <div className="mt-2 w-[min(22rem,80vw)] space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-lg">
        {state?.error && <Alert tone="error">{state.error}</Alert>}
        {state?.ok && <Alert tone="success">{state.ok}</Alert>}

        <form onSubmit={onSubmit} className="flex items-end gap-2">
          {hidden}
          <input type="hidden" name="intent" value="role" />
          <div className="flex-1">
            <SelectField label="Role" name="role" defaultValue={member.role} error={fe.role}>
              <option value="cashier">Cashier</option>
              <option value="manager">Manager</option>
              {canManageOwners && <option value="owner">Owner</option>}
            </SelectField>
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Save
          </Button>
        </form>

        <form onSubmit={onSubmit} className="flex items-end gap-2">
          {hidden}
          <input type="hidden" name="intent" value="pin" />
          <div className="flex-1">
            <TextField label={member.hasPin ? 'New PIN' : 'Set a PIN'} name="pin" inputMode="numeric" maxLength={6} autoComplete="off" error={fe.pin} />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Set
          </Button>
        </form>
        {member.hasPin && (
          <form onSubmit={onSubmit}>
            {hidden}
            <input type="hidden" name="intent" value="clear-pin" />
            <Button type="submit" variant="ghost" disabled={pending}>
              Remove PIN
            </Button>
          </form>
        )}

        <form onSubmit={onSubmit} className="flex items-end gap-2">
          {hidden}
          <input type="hidden" name="intent" value="password" />
          <div className="flex-1">
            <TextField label="New password" name="password" type="password" autoComplete="new-password" error={fe.password} />
          </div>
          <Button type="submit" variant="secondary" disabled={pending}>
            Reset
          </Button>
        </form>

        {!isSelf && (
          <form onSubmit={onSubmit}>
            {hidden}
            <input type="hidden" name="intent" value={member.active ? 'deactivate' : 'reactivate'} />
            <Button type="submit" variant={member.active ? 'danger' : 'secondary'} disabled={pending} className="w-full">
              {member.active ? 'Deactivate and sign out' : 'Reactivate'}
            </Button>
          </form>
        )}
      </div>
    </details>
  );
}
