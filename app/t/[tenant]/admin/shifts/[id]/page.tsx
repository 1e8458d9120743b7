import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ShiftReportView } from '@/components/register/shift/shift-report-view';
import type { ReportData } from '@/components/register/shift/types';
import { requireStaff } from '@/lib/auth';
import { getShift, shiftReport } from '@/lib/orders';
import { businessDayOf } from '@/lib/platform/business-day';
import { idParam } from '@/lib/platform/validation';
import { businessDayRule } from '@/lib/tenancy';
import { BackLink } from '@/components/admin/back-link';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('shiftReport') };
}

/** One shift's Z report (or X report while it is open), to read and reprint on 80 mm paper. */
export default async function ShiftPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaff('reports:read');
  const id = idParam.safeParse((await params).id);
  const shift = id.success ? await getShift(ctx, id.data) : null;
  if (!shift) notFound();
  const t = await getTranslations('admin.shifts');
  const report = JSON.parse(JSON.stringify(await shiftReport(ctx, shift.id))) as ReportData;
  return (
    <div className="max-w-4xl space-y-4">
      <BackLink href={`/admin/shifts?date=${businessDayOf(shift.openedAt, await businessDayRule(ctx)).date}`}>{t('thatDay')}</BackLink>
      <h1 className="text-2xl font-bold">{t('reportTitle', { register: shift.registerName })}</h1>
      <ShiftReportView report={report} currency={ctx.tenant.currency} timeZone={ctx.tenant.timeZone} businessName={ctx.tenant.name} />
    </div>
  );
}
