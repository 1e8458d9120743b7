import { Alert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import type { Approver } from '@/lib/orders';

/**
 * A manager stepping in on a form the server action posts: who approves (managers and owners
 * with a register PIN) and their PIN, as the fields `approverId` and `pin` that
 * `approvalFromForm` (lib/auth/current.ts) exchanges for a one-action approval token.
 */
export function ApproverPinFields({ approvers, errors, what }: { approvers: Approver[]; errors: Record<string, string>; what: string }) {
  if (approvers.length === 0) {
    return (
      <Alert tone="info">
        A manager or owner must approve {what}, and none has a register PIN yet. One of them can set a PIN in Admin → Staff, or do
        this themselves.
      </Alert>
    );
  }
  return (
    <fieldset className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <legend className="px-1 text-sm font-semibold text-amber-900">Manager approval</legend>
      <p className="text-sm text-amber-900">A manager or owner approves {what} with their PIN.</p>
      <div className="@container">
        <div className="grid gap-3 @md:grid-cols-2">
          <SelectField label="Approved by" name="approverId" required error={errors.approverId}>
            {approvers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.role})
              </option>
            ))}
          </SelectField>
          <TextField label="Their PIN" name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} required error={errors.pin} />
        </div>
      </div>
    </fieldset>
  );
}
