import { useTranslations } from 'next-intl';
import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function ReportLoading() {
  const t = useTranslations('admin.titles');
  return <PageSkeleton title={t('report')} rows={8} />;
}
