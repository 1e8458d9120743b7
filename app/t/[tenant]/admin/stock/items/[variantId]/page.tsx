import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isAdjustmentReason, isMovementKind } from '@/components/admin/stock/item-label';
import { pageFormats } from '@/components/admin/page-formats';
import { Pager, pageParam, query } from '@/components/ui/pager';
import { StockBadge } from '@/components/admin/stock/stock-badge';
import { listStaff, requireStaff } from '@/lib/auth';
import { getVariants, variantLabel } from '@/lib/catalog';
import { levelsOf, listLedger, listLocations } from '@/lib/inventory';
import { idParam } from '@/lib/platform/validation';
import { tableScrollClass } from '@/components/ui/table';
import { dateTimeFormat } from '@/lib/platform/format-time';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('itemHistory') };
}

const PAGE_SIZE = 25;


export default async function StockItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ variantId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireStaff('stock:read');
  const [t, f] = await Promise.all([getTranslations('admin.stock'), pageFormats()]);
  const signed = (n: number) => (n > 0 ? `+${f.number(n)}` : n < 0 ? `−${f.number(Math.abs(n))}` : f.number(0));
  const id = idParam.safeParse((await params).variantId);
  if (!id.success) notFound();
  const variantId = id.data;
  const sp = await searchParams;
  const back = typeof sp.location === 'string' ? sp.location : undefined;
  const page = pageParam(sp.page);

  const [[item], locations, levels, ledger, staff] = await Promise.all([
    getVariants(ctx, [variantId]),
    listLocations(ctx),
    levelsOf(ctx, [variantId]),
    listLedger(ctx, { variant: variantId, skip: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
    listStaff(ctx),
  ]);
  if (!item) notFound();

  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const levelAt = new Map(levels.map((l) => [l.locationId, l]));
  const total = levels.reduce((sum, l) => sum + l.quantity, 0);
  const day = dateTimeFormat(ctx.tenant.timeZone, 'date', f.locale);
  const time = dateTimeFormat(ctx.tenant.timeZone, 'time', f.locale);
  const name = variantLabel(item);

  return (
    <div className="max-w-6xl space-y-6">
      <p>
        <Link href={`/admin/stock${query({ location: back })}`} className="text-sm font-semibold text-brand-700 underline">
          {t('backToStock')}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{name}</h1>
        <p className="text-slate-600">
          {t('sku')} <span className="font-mono">{item.sku}</span>
          {item.barcodes.length > 0 && <> · {t('barcode', { codes: item.barcodes.join(', ') })}</>}
          {item.status === 'archived' && <> · {t('archived')}</>}
          {!item.trackStock && <> · {t('stockNotTracked')}</>}
        </p>
      </header>

      <section aria-labelledby="levels" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="levels" className="text-lg font-semibold">
          {t('onHandNow', { total: f.number(total) })}
        </h2>
        <table className="mt-3 w-full text-left text-sm">
          <thead className="bg-slate-50 text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">{t('location')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('onHand')}</th>
              <th scope="col" className="px-3 py-2 text-right">{t('lowAtColumn')}</th>
              <th scope="col" className="px-3 py-2">{t('status')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {locations.map((l) => {
              const level = levelAt.get(l.id);
              return (
                <tr key={l.id} data-testid="level-row">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {l.name}
                  </th>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">{f.number(level?.quantity ?? 0)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{level?.lowStockThreshold == null ? '—' : f.number(level.lowStockThreshold)}</td>
                  <td className="px-3 py-2">{item.trackStock && <StockBadge quantity={level?.quantity ?? 0} isLow={level?.isLow ?? false} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="ledger" className="space-y-3">
        <div>
          <h2 id="ledger" className="text-lg font-semibold">
            {t('history')}
          </h2>
          <p className="text-sm text-slate-600">{t('newestFirst', { timeZone: ctx.tenant.timeZone })}</p>
        </div>
        {ledger.total === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-slate-600">
            {t('noMovements')}
          </p>
        ) : (
          <div className={tableScrollClass}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('movementsCaption', { item: name })}</caption>
              <thead className="bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-3">{t('when')}</th>
                  <th scope="col" className="px-3 py-3">{t('location')}</th>
                  <th scope="col" className="px-3 py-3">{t('what')}</th>
                  <th scope="col" className="px-3 py-3 text-right">{t('change')}</th>
                  <th scope="col" className="px-3 py-3 text-right">{t('after')}</th>
                  <th scope="col" className="px-3 py-3">{t('reasonNote')}</th>
                  <th scope="col" className="px-3 py-3">{t('who')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {ledger.data.map((m) => {
                  const reason =
                    m.kind === 'adjustment' && m.reason ? (isAdjustmentReason(m.reason) ? t(`reason.${m.reason}`) : m.reason)
                    : m.kind === 'receipt' && m.reason ? t('fromSupplier', { supplier: m.reason })
                    : m.reason;
                  return (
                    <tr key={m.id} data-testid="ledger-row">
                      <td className="px-3 py-3">
                        <span className="block whitespace-nowrap">{day.format(m.createdAt)}</span>
                        <span className="block whitespace-nowrap text-slate-500">{time.format(m.createdAt)}</span>
                      </td>
                      <td className="px-3 py-3">{locationName.get(m.locationId) ?? t('removedLocation')}</td>
                      <td className="px-3 py-3">{isMovementKind(m.kind) ? t(`movement.${m.kind}`) : m.kind}</td>
                      <td className={`px-3 py-3 text-right font-semibold tabular-nums ${m.delta < 0 ? 'text-red-700' : 'text-brand-700'}`}>
                        {signed(m.delta)}
                      </td>
                      <td className="px-3 py-3 text-right tabular-nums">{f.number(m.quantityAfter)}</td>
                      <td className="px-3 py-3 text-slate-700">
                        {reason}
                        {reason && m.note && ' — '}
                        {m.note}
                        {!reason && !m.note && <span className="text-slate-400" aria-label={t('none')}>—</span>}
                      </td>
                      <td className="min-w-28 px-3 py-3">{m.actorUserId ? (staffName.get(m.actorUserId) ?? t('formerStaff')) : t('system')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          label={t('historyPages')}
          page={page}
          pageSize={PAGE_SIZE}
          total={ledger.total}
          href={(p) => `/admin/stock/items/${variantId}${query({ location: back, page: p })}`}
        />
      </section>
    </div>
  );
}
