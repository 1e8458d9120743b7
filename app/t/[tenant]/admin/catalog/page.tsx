import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { pageFormats } from '@/components/admin/page-formats';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { firstParam } from '@/components/ui/pager';
import { requireStaff, can } from '@/lib/auth';
import { type Product, categoryService, getProduct, listProducts } from '@/lib/catalog';
import type { Formats } from '@/lib/platform/formats';
import { isUuid } from './form-input';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('products') };
}

const PAGE_SIZE = 25;
const STATUSES = ['active', 'archived', 'all'] as const;
type Status = (typeof STATUSES)[number];
type SearchParams = Record<string, string | string[] | undefined>;


/** The list's address with some parameters changed (defaults left out, so URLs stay short). */
function listHref(current: { q: string; category?: string; status: Status; page: number }, change: Partial<typeof current>): string {
  const next = { ...current, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.category) params.set('category', next.category);
  if (next.status !== 'active') params.set('status', next.status);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `/admin/catalog?${query}` : '/admin/catalog';
}

function priceText(product: Product, currency: string, f: Formats): string {
  const prices = product.variants.map((v) => v.price);
  if (prices.length === 0) return '—';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high ? f.money(low, currency) : `${f.money(low, currency)} – ${f.money(high, currency)}`;
}

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireStaff('catalog:read');
  const canWrite = can(ctx.role, 'catalog:write');
  const sp = await searchParams;
  const q = (firstParam(sp.q) ?? '').trim().slice(0, 100);
  const categoryParam = firstParam(sp.category);
  const category = isUuid(categoryParam) ? categoryParam : undefined;
  const statusParam = firstParam(sp.status);
  const status: Status = (STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as Status) : 'active';
  const page = Math.min(Math.max(1, Math.floor(Number(firstParam(sp.page))) || 1), 100_000);
  const current = { q, category, status, page };
  const addedId = firstParam(sp.added);

  const [t, f] = await Promise.all([getTranslations('admin.catalog.products'), pageFormats()]);
  const [result, categories, added] = await Promise.all([
    listProducts(ctx, { search: q || undefined, categoryId: category, status, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    categoryService.list(ctx),
    isUuid(addedId) ? getProduct(ctx, addedId).catch(() => null) : null,
  ]);
  const filtered = Boolean(q || category || status !== 'active');
  // "No products at all" and "nothing matches" are different situations with different help.
  const catalogEmpty =
    result.total === 0 && (status === 'all' && !q && !category ? true : (await listProducts(ctx, { status: 'all', skip: 0, limit: 1 })).total === 0);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const first = result.total === 0 ? 0 : result.skip + 1;
  const last = result.skip + result.data.length;
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">{t('intro')}</p>
        </div>
        {canWrite && (
          <Link href="/admin/catalog/products/new" className={buttonClass('primary')}>
            {t('add')}
          </Link>
        )}
      </header>

      {added && (
        <Alert tone="success">
          {t('added', { name: added.name })}{' '}
          <Link href={`/admin/catalog/products/${added.id}`} className="font-semibold underline">
            {t('openIt')}
          </Link>
        </Alert>
      )}

      {catalogEmpty ? (
        <section aria-labelledby="empty-catalog" className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
          <h2 id="empty-catalog" className="text-lg font-semibold">
            {t('emptyTitle')}
          </h2>
          <p className="mx-auto mt-2 max-w-md text-slate-600">
            {t('emptyIntro')}
          </p>
          {canWrite && (
            <p className="mt-6 flex flex-wrap justify-center gap-3">
              <Link href="/admin/catalog/products/new" className={buttonClass('primary')}>
                {t('addFirst')}
              </Link>
              <Link href="/admin/catalog/import" className={buttonClass('secondary')}>
                {t('importCsv')}
              </Link>
            </p>
          )}
        </section>
      ) : (
        <>
          <form method="get" action="/admin/catalog" role="search" aria-label={t('searchForm')} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end xl:grid-cols-[1fr_12rem_10rem_auto]">
            <div className="space-y-1 sm:col-span-3 xl:col-span-1">
              <label htmlFor="product-search" className="block text-sm font-medium text-slate-700">
                {t('search')}
              </label>
              <input
                id="product-search"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={100}
                placeholder={t('searchPlaceholder')}
                className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="product-category" className="block text-sm font-medium text-slate-700">
                {t('category')}
              </label>
              <select
                id="product-category"
                name="category"
                defaultValue={category ?? ''}
                className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
              >
                <option value="">{t('allCategories')}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor="product-status" className="block text-sm font-medium text-slate-700">
                {t('status')}
              </label>
              <select
                id="product-status"
                name="status"
                defaultValue={status}
                className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-600/30 focus:outline-none"
              >
                <option value="active">{t('active')}</option>
                <option value="archived">{t('archived')}</option>
                <option value="all">{t('all')}</option>
              </select>
            </div>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass('primary')}>
                {t('search')}
              </button>
              {filtered && (
                <Link href="/admin/catalog" className={buttonClass('ghost')}>
                  {t('clear')}
                </Link>
              )}
            </div>
          </form>

          {result.data.length === 0 ? (
            <section aria-labelledby="no-matches" className="rounded-xl border border-slate-200 bg-white px-6 py-10 text-center">
              <h2 id="no-matches" className="text-lg font-semibold">
                {page > 1 && result.total > 0 ? t('pageEmpty') : t('noMatch')}
              </h2>
              <p className="mt-2 text-slate-600">
                {page > 1 && result.total > 0 ? (
                  <>
                    {t('onlyPages', { pages })}{' '}
                    <Link href={listHref(current, { page: 1 })} className="font-semibold text-brand-700 underline">
                      {t('firstPage')}
                    </Link>
                  </>
                ) : (
                  <>
                    {t('nothingFound', {
                      hasQuery: q ? 'yes' : 'no',
                      q,
                      hasCategory: category ? 'yes' : 'no',
                      category: category ? (categoryName.get(category) ?? t('thisCategory')) : '',
                      status,
                    })}{' '}
                    {status !== 'all' && (
                      <Link href={listHref(current, { status: 'all', page: 1 })} className="font-semibold text-brand-700 underline">
                        {t('include', { status })}
                      </Link>
                    )}
                    {status !== 'all' && ' · '}
                    <Link href="/admin/catalog" className="font-semibold text-brand-700 underline">
                      {t('clearSearch')}
                    </Link>
                  </>
                )}
              </p>
            </section>
          ) : (
            <section aria-labelledby="product-list" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
              <h2 id="product-list" className="sr-only">
                {t('title')}
              </h2>
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-xs uppercase text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-3">{t('name')}</th>
                    <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t('category')}</th>
                    <th scope="col" className="px-4 py-3 text-right">{t('price')}</th>
                    <th scope="col" className="hidden px-4 py-3 md:table-cell">{t('sku')}</th>
                    <th scope="col" className="px-4 py-3">{t('status')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {result.data.map((p) => (
                    <tr key={p.id} className={p.status === 'archived' ? 'bg-slate-50 text-slate-500' : ''} data-testid="product-row">
                      <td className="px-4 py-3 align-top">
                        <div className="flex items-start gap-3">
                          {p.photoUrl && (
                            // eslint-disable-next-line @next/next/no-img-element -- our own resized WebP (the list's small size) or the owner's URL
                            <img src={p.photoUrl.replace(/\/480$/, '/160')} alt="" width={40} height={40} loading="lazy" className="h-10 w-10 shrink-0 rounded-md border border-slate-200 object-cover" data-testid="product-row-photo" />
                          )}
                          <div>
                            <Link href={`/admin/catalog/products/${p.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline focus-visible:underline">
                              {p.name}
                            </Link>
                            {p.altName && <p lang="my" className="text-sm text-slate-600">{p.altName}</p>}
                            {p.variants.length > 1 && <p className="text-xs text-slate-500">{t('variants', { count: p.variants.length })}</p>}
                          </div>
                        </div>
                      </td>
                      <td className="hidden px-4 py-3 align-top sm:table-cell">
                        {p.categoryId ? (categoryName.get(p.categoryId) ?? '—') : <span className="text-slate-400">—</span>}
                      </td>
                      <td className="px-4 py-3 text-right align-top whitespace-nowrap tabular-nums">{priceText(p, ctx.tenant.currency, f)}</td>
                      <td className="hidden px-4 py-3 align-top md:table-cell">
                        <span className="block max-w-[10rem] truncate font-mono text-xs leading-5" title={p.variants[0]?.sku}>
                          {p.variants[0]?.sku ?? '—'}
                        </span>
                        {p.variants.length > 1 && <span className="text-xs text-slate-500">{t('moreSkus', { count: p.variants.length - 1 })}</span>}
                      </td>
                      <td className="px-4 py-3 align-top">
                        <span
                          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-semibold ${
                            p.status === 'active' ? 'bg-brand-50 text-brand-900' : 'bg-slate-200 text-slate-700'
                          }`}
                        >
                          {p.status === 'active' ? t('active') : t('archived')}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}

          {result.total > 0 && (
            <nav aria-label={t('pages')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
              <p aria-live="polite">
                {t('showing', { first, last, total: result.total })}
              </p>
              {pages > 1 && (
                <div className="flex items-center gap-2">
                  <PageLink href={page > 1 ? listHref(current, { page: page - 1 }) : undefined} label={t('previous')} rel="prev" />
                  <span className="px-2 text-slate-600">
                    {t('pageOf', { page: Math.min(page, pages), pages })}
                  </span>
                  <PageLink href={page < pages ? listHref(current, { page: page + 1 }) : undefined} label={t('next')} rel="next" />
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

function PageLink({ href, label, rel }: { href?: string; label: string; rel: 'next' | 'prev' }) {
  if (!href) {
    return (
      <span aria-disabled="true" className="inline-flex min-h-11 cursor-not-allowed items-center rounded-lg px-4 py-2 text-sm font-semibold text-slate-400 ring-1 ring-slate-200">
        {label}
      </span>
    );
  }
  return (
    <Link href={href} className={buttonClass('secondary')} rel={rel}>
      {label}
    </Link>
  );
}
