import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LocationAddForm } from '@/components/admin/stock/location-add-form';
import { LocationRowEditor } from '@/components/admin/stock/location-row-editor';
import { requireStaff, can } from '@/lib/auth';
import { listLocations } from '@/lib/inventory';
import { addLocationAction, updateLocationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('locations') };
}

export default async function LocationsPage() {
  const ctx = await requireStaff('stock:read');
  const locations = await listLocations(ctx);
  const canWrite = can(ctx.role, 'stock:write');
  const t = await getTranslations('admin.stockPlaces');
  const tt = await getTranslations('admin.titles');

  return (
    <div className="max-w-4xl space-y-6">
      <p>
        <Link href="/admin/stock" className="text-sm font-semibold text-brand-700 underline">
          {t('backToStock')}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-bold">{tt('locations')}</h1>
        <p className="text-slate-600">{t('locationsIntro')}</p>
      </header>

      {canWrite && <LocationAddForm addLocationAction={addLocationAction} />}

      <section aria-labelledby="location-list" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        <h2 id="location-list" className="sr-only">
          {t('allLocations')}
        </h2>
        {locations.length === 0 ? (
          <p className="px-5 py-8 text-center text-slate-600">{t('noLocations')}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">{t('name')}</th>
                <th scope="col" className="px-4 py-3">{t('address')}</th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {locations.map((l) => (
                <tr key={l.id} data-testid="location-row">
                  <td className="px-4 py-3 align-top">
                    <Link href={`/admin/stock?location=${l.id}`} className="font-medium text-slate-900 underline decoration-slate-300 underline-offset-2">
                      {l.name}
                    </Link>
                    {l.isDefault && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{t('defaultLocation')}</span>}
                  </td>
                  <td className="px-4 py-3 align-top text-slate-600">{l.address ?? '—'}</td>
                  <td className="px-4 py-3 text-right align-top">{canWrite && <LocationRowEditor location={l} updateLocationAction={updateLocationAction} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <p className="text-sm text-slate-500">{t('defaultNote')}</p>
    </div>
  );
}
