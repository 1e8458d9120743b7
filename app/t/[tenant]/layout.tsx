import { notFound } from 'next/navigation';
import { currentTenant } from '@/lib/tenancy';

/**
 * Every tenant page passes here. proxy.ts put the host's slug in a header and rewrote the
 * path to /t/<slug>/...; re-check both agree and that the tenant exists, so nothing under
 * this segment renders for an unknown store or a path that bypassed the proxy.
 */
export default async function TenantLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ tenant: string }>;
}) {
  const { tenant: slug } = await params;
  const tenant = await currentTenant();
  if (!tenant || tenant.slug !== slug) notFound();
  return children;
}
