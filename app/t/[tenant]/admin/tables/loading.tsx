import { PageSkeleton } from '@/components/admin/stock/page-skeleton';

export default function Loading() {
  return <PageSkeleton title="Tables" rows={4} />;
}
