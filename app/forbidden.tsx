import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/ui/status-page';

/** Rendered with status 403 when a page calls forbidden() (e.g. a cashier opening /admin). */
export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <StatusPage
      status="403"
      tone="error"
      title={t('forbiddenTitle')}
      actions={
        <Link href="/register" className="font-semibold text-brand-700 underline">
          {t('goRegister')}
        </Link>
      }
    >
      <p>{t('forbiddenBody')}</p>
    </StatusPage>
  );
}
