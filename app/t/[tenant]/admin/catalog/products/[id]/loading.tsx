import { useTranslations } from 'next-intl';
import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function Loading() {
  const t = useTranslations('admin.titles');
  return <PageSkeleton title={t('product')} rows={4} />;
}
