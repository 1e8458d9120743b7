import Link from 'next/link';
import { headers } from 'next/headers';
import { StatusPage } from '@/components/ui/status-page';
import { TENANT_HEADER, currentTenant } from '@/lib/tenancy';

const homeLink = 'font-semibold text-brand-700 underline';

/**
 * 404 for every host. A wrong address inside a store that exists is that store's missing page,
 * with a way back to its home; a subdomain that names no business says so plainly (the tenant
 * layout calls notFound()) and never falls back to another tenant; the root domain has its own.
 */
export default async function NotFound() {
  const slug = (await headers()).get(TENANT_HEADER);
  if (!slug) {
    return (
      <StatusPage status="404" title="Page not found" actions={<Link href="/" className={homeLink}>Go to the home page</Link>}>
        <p>This page does not exist.</p>
      </StatusPage>
    );
  }
  const store = await currentTenant();
  if (store) {
    return (
      <StatusPage
        status="404"
        title="Page not found"
        actions={
          <Link href="/" className={homeLink}>
            Go to {store.name}&apos;s home page
          </Link>
        }
      >
        <p>
          There is no page at this address in <span className="font-semibold text-slate-800">{store.name}</span>. The link may be old or
          mistyped.
        </p>
      </StatusPage>
    );
  }
  return (
    <StatusPage status="404" title="No such store">
      <p>
        There is no store at <span className="font-mono">{slug}</span>. Check the address you were given.
      </p>
    </StatusPage>
  );
}
