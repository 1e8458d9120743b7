'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** When a report could not be read (the database is away): say so and offer to try again; the details are in the server log. */
export default function ReportError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('admin.errors');
  const tt = useTranslations('admin.titles');
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{tt('report')}</h1>
      <Alert tone="error">{t('report')}</Alert>
      <div className="flex gap-3">
        <Button variant="secondary" onClick={reset}>
          {t('tryAgain')}
        </Button>
        <Link href="/admin/reports" className="self-center font-semibold text-brand-700 underline">
          {t('allReports')}
        </Link>
      </div>
    </div>
  );
}
