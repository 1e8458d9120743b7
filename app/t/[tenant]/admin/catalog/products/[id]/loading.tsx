import { LoadingPanel } from '@/components/admin/catalog/loading-panel';

export default function Loading() {
  return <LoadingPanel label="Loading product…" rows={4} />;
}
