import { useTranslations } from 'next-intl';
import { SelectField, TextField } from '@/components/ui/field';

export type StaffOption = { id: string; name: string; role: string };

/**
 * Who and their PIN, as the fields `userId` and `pin`: switching staff, the locked register's
 * PIN screen and the time clock all ask this way. `selected` is preselected when listed.
 */
export function StaffPinFields({ staff, label, selected, autoFocus = false }: { staff: StaffOption[]; label: string; selected?: string; autoFocus?: boolean }) {
  const t = useTranslations('pin');
  return (
    <>
      <SelectField label={label} name="userId" required defaultValue={staff.some((s) => s.id === selected) ? selected : undefined}>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.role})
          </option>
        ))}
      </SelectField>
      <TextField label={t('pin')} name="pin" type="password" inputMode="numeric" autoComplete="off" maxLength={6} required autoFocus={autoFocus} />
    </>
  );
}
