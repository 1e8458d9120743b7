import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { StaffAddForm } from '@/components/admin/staff-add-form';
import { StaffLostRegister } from '@/components/admin/staff-lost-register';
import { StaffRowEditor } from '@/components/admin/staff-row-editor';
import { listStaff, requireStaff, can } from '@/lib/auth';
import { getTenantSettings } from '@/lib/tenancy';
import { addStaffAction, rotateOfflinePinsAction, updateStaffAction } from './actions';
import { pageFormats } from '@/components/admin/page-formats';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('staff') };
}

export default async function StaffPage() {
  const ctx = await requireStaff('staff:read');
  const [staff, { minPinLength }] = await Promise.all([listStaff(ctx), getTenantSettings(ctx)]);
  const canWrite = can(ctx.role, 'staff:write');
  const canManageOwners = can(ctx.role, 'staff:manage-owners');
  const t = await getTranslations('admin.staff');
  const f = await pageFormats();
  const dateFormat = { format: (at: Date) => f.dateTime(at, ctx.tenant.timeZone) };

  return (
    <div className="max-w-5xl space-y-8">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro', { active: staff.filter((s) => s.active).length, total: staff.length })}</p>
        {can(ctx.role, 'timeclock:manage') && (
          <p className="mt-1">
            <Link href="/admin/staff/hours" className="font-semibold text-brand-700 underline">
              {t('hoursLink')}
            </Link>
          </p>
        )}
      </header>

      {canWrite && <StaffAddForm canManageOwners={canManageOwners} minPinLength={minPinLength} addStaffAction={addStaffAction} />}

      <section aria-labelledby="staff-list" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <h2 id="staff-list" className="sr-only">
          {t('members')}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-3">{t('name')}</th>
              <th scope="col" className="px-4 py-3">{t('role')}</th>
              <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t('pin')}</th>
              <th scope="col" className="hidden px-4 py-3 md:table-cell">{t('lastSignIn')}</th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {staff.map((member) => {
              const editable = canWrite && (member.role !== 'owner' || canManageOwners);
              return (
                <tr key={member.id} className={member.active ? '' : 'bg-slate-50 text-slate-500'} data-testid="staff-row">
                  <td className="px-4 py-3 align-top">
                    <p className="font-medium text-slate-900">
                      {member.name}
                      {member.id === ctx.userId && <span className="ml-2 text-xs text-slate-500">{t('you')}</span>}
                    </p>
                    <p className="text-slate-500">{member.email}</p>
                    {!member.active && <p className="mt-1 text-xs font-semibold text-red-700">{t('deactivated')}</p>}
                  </td>
                  <td className="px-4 py-3 align-top">{t('roleName', { role: member.role })}</td>
                  <td className="hidden px-4 py-3 align-top sm:table-cell">{member.hasPin ? t('pinSet') : '—'}</td>
                  <td className="hidden px-4 py-3 align-top whitespace-nowrap md:table-cell">
                    {member.lastSignInAt ? dateFormat.format(member.lastSignInAt) : t('never')}
                  </td>
                  <td className="px-4 py-3 text-right align-top">
                    {editable && (
                      <StaffRowEditor
                        member={member}
                        canManageOwners={canManageOwners}
                        isSelf={member.id === ctx.userId}
                        minPinLength={minPinLength}
                        updateStaffAction={updateStaffAction}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      {canWrite && <StaffLostRegister rotateAction={rotateOfflinePinsAction} />}
    </div>
  );
}
