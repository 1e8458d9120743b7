import { useTranslations } from 'next-intl';
import Form from 'next/form';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { AUDIT_GROUPS, type AuditAction, type AuditGroup } from '@/lib/platform/audit-actions';

export type AuditFilterValues = { action?: string; actor?: string; from?: string; to?: string };

/**
 * The filters as a GET form, so every filtered view is a link (`/admin/audit?action=…`).
 * Actions are grouped; a group's first choice is the whole group.
 */
export function AuditFilters({ values, staff, today }: { values: AuditFilterValues; staff: { id: string; name: string; active: boolean }[]; today: string }) {
  const t = useTranslations('admin.audit');
  const words = useTranslations('auditActions');
  return (
    <Form action="/admin/audit" className="flex flex-wrap items-end gap-3" aria-label={t('filterLabel')}>
      <div className="w-64">
        <SelectField label={t('action')} name="action" defaultValue={values.action ?? ''}>
          <option value="">{t('everyAction')}</option>
          {(Object.keys(AUDIT_GROUPS) as AuditGroup[]).map((group) => {
            const label = words(`group.${group}`);
            return (
              <optgroup key={group} label={label}>
                <option value={group}>{t('allOf', { group: label.toLowerCase() })}</option>
                {(Object.keys(AUDIT_GROUPS[group].actions) as AuditAction[]).map((action) => (
                  <option key={action} value={action}>
                    {words(`action.${action}`)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </SelectField>
      </div>
      <div className="w-52">
        <SelectField label={t('person')} name="actor" defaultValue={values.actor ?? ''}>
          <option value="">{t('anyone')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.active ? '' : t('deactivated')}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="w-44">
        <TextField label={t('from')} name="from" type="date" defaultValue={values.from ?? ''} max={today} />
      </div>
      <div className="w-44">
        <TextField label={t('to')} name="to" type="date" defaultValue={values.to ?? ''} max={today} />
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        {t('show')}
      </button>
      {(values.action || values.actor || values.from || values.to) && (
        <Link href="/admin/audit" className={buttonClass('ghost')}>
          {t('clearFilters')}
        </Link>
      )}
    </Form>
  );
}
