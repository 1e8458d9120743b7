import { useTranslations } from 'next-intl';
import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function DashboardLoading() {
  const t = useTranslations('admin.titles');
  return <PageSkeleton title={t('dashboard')} rows={4} />;
}
