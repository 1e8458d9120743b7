'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { StatusPage } from '@/components/ui/status-page';

/**
 * Any page that failed to render (a database away, a bug): say so in the house style, offer to
 * try again, and give the reference the server logged it under. Never the error's own text:
 * in production Next passes only a generic message and a digest, and that is all a person needs.
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('errors');
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <StatusPage
      status={t('somethingWrong')}
      tone="error"
      title={t('pageFailedTitle')}
      actions={
        <>
          <Button onClick={() => retry()}>{t('tryAgain')}</Button>
          <a href="/" className="font-semibold text-brand-700 underline">
            {t('goHome')}
          </a>
        </>
      }
    >
      <p>{t('pageFailedBody')}</p>
      {digest && <p className="text-xs text-slate-500">{t('reference', { digest })}</p>}
    </StatusPage>
  );
}
