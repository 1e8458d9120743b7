'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** When the log could not be read (the database is away): say so and offer to try again; the details are in the server log. */
export default function AuditError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('admin.errors');
  const tt = useTranslations('admin.titles');
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{tt('auditLog')}</h1>
      <Alert tone="error">{t('audit')}</Alert>
      <Button variant="secondary" onClick={reset}>
        {t('tryAgain')}
      </Button>
    </div>
  );
}
