import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function ReportLoading() {
  return <PageSkeleton title="Report" rows={8} />;
}
