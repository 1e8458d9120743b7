import { LoadingPanel } from '@/components/admin/catalog/loading-panel';

export default function Loading() {
  return <LoadingPanel label="Loading tax classes…" rows={4} />;
}
