import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import type { Approver } from '@/lib/orders';

/**
 * A manager stepping in on a form the server action posts: who approves (managers and owners
 * with a register PIN) and their PIN, as the fields `approverId` and `pin` that
 * `approvalFromForm` (lib/auth/current.ts) exchanges for a one-action approval token.
 */
export function ApproverPinFields({ approvers, errors, what }: { approvers: Approver[]; errors: Record<string, string>; what: 'refund' | 'void' | 'closeShift' | 'cashOut' }) {
  const t = useTranslations('orders');
  const tr = useTranslations('roles');
  if (approvers.length === 0) {
    return (
      <Alert tone="info">{t('approvalNone', { what })}</Alert>
    );
  }
  return (
    <fieldset className="space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <legend className="px-1 text-sm font-semibold text-amber-900">{t('approvalTitle')}</legend>
      <p className="text-sm text-amber-900">{t('approvalBody', { what })}</p>
      <div className="@container">
        <div className="grid gap-3 @md:grid-cols-2">
          <SelectField label={t('approvedBy')} name="approverId" required error={errors.approverId}>
            {approvers.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.role === 'owner' || a.role === 'manager' || a.role === 'cashier' ? tr(a.role) : a.role})
              </option>
            ))}
          </SelectField>
          <TextField label={t('theirPin')} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} required error={errors.pin} />
        </div>
      </div>
    </fieldset>
  );
}
