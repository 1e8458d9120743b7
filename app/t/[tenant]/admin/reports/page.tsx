import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { REPORT_INFO, type ReportName } from '@/lib/analytics';
import { requireStaff } from '@/lib/auth';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('reports') };
}

/** Every report, each with the question it answers; a report opens on today and has its own range, CSV and print view. */
export default async function ReportsPage() {
  await requireStaff('reports:read');
  const [t, tt] = await Promise.all([getTranslations('admin.reports'), getTranslations('admin.titles')]);
  return (
    <div className="max-w-7xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{tt('reports')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {(Object.keys(REPORT_INFO) as ReportName[]).map((name) => (
          <li key={name} className="relative rounded-xl border border-slate-200 bg-white p-5 hover:border-brand-600 focus-within:border-brand-600">
            <h2 className="font-semibold">
              <Link href={`/admin/reports/${name}`} className="text-brand-700 underline after:absolute after:inset-0 after:content-['']">
                {t(`info.${name}.title`)}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t(`info.${name}.question`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
