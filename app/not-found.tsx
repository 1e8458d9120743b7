import Link from 'next/link';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/ui/status-page';
import { TENANT_HEADER, currentTenant } from '@/lib/tenancy';

const homeLink = 'font-semibold text-brand-700 underline';

/**
 * 404 for every host. A wrong address inside a store that exists is that store's missing page,
 * with a way back to its home; a subdomain that names no business says so plainly (the tenant
 * layout calls notFound()) and never falls back to another tenant; the root domain has its own.
 */
export default async function NotFound() {
  const t = await getTranslations('errors');
  const slug = (await headers()).get(TENANT_HEADER);
  if (!slug) {
    return (
      <StatusPage status="404" title={t('notFoundTitle')} actions={<Link href="/" className={homeLink}>{t('goHome')}</Link>}>
        <p>{t('notFoundBody')}</p>
      </StatusPage>
    );
  }
  const store = await currentTenant();
  if (store) {
    return (
      <StatusPage
        status="404"
        title={t('notFoundTitle')}
        actions={
          <Link href="/" className={homeLink}>
            {t('goStoreHome', { store: store.name })}
          </Link>
        }
      >
        <p>{t.rich('notFoundInStore', { store: store.name, b: (chunks) => <span className="font-semibold text-slate-800">{chunks}</span> })}</p>
      </StatusPage>
    );
  }
  return (
    <StatusPage status="404" title={t('noStoreTitle')}>
      <p>{t.rich('noStoreBody', { slug, code: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
    </StatusPage>
  );
}
