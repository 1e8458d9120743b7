import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FloorPlanEditor } from '@/components/restaurant/floor-plan-editor';
import { FloorView } from '@/components/restaurant/floor-view';
import { tableStatusLook } from '@/components/restaurant/table-status';
import { TableAddForm } from '@/components/restaurant/table-add-form';
import { TableRowEditor } from '@/components/restaurant/table-row-editor';
import { requireStaff, can } from '@/lib/auth';
import { listTables } from '@/lib/restaurant';
import { setTableStatusAction } from '../../floor/actions';
import { addTableAction, deleteTableAction, saveFloorPlanAction, updateTableLayoutAction } from './actions';
import { tableScrollClass } from '@/components/ui/table';
import { pageFormats } from '@/components/admin/page-formats';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('tables') };
}

export default async function TablesPage() {
  const ctx = await requireStaff('tables:read');
  const tables = await listTables(ctx);
  const canWrite = can(ctx.role, 'tables:write');
  const areas = [...new Set(tables.map((t) => t.area))];
  const t = await getTranslations('admin.tables');
  const tf = await getTranslations('floor');
  const f = await pageFormats();

  return (
    <div className="max-w-6xl space-y-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="text-slate-600">
            {t.rich('intro', {
              link: (chunks) => (
                <Link href="/floor" className="font-semibold text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
      </header>

      {canWrite && <TableAddForm areas={areas} addTableAction={addTableAction} />}

      {canWrite && tables.length > 0 && (
        <section aria-labelledby="plan" className="space-y-3">
          <h2 id="plan" className="text-lg font-semibold">
            {t('floorPlan')}
          </h2>
          <FloorPlanEditor
            key={tables.map((x) => `${x.id}:${x.gridX}:${x.gridY}:${x.shape}`).join('|')}
            tables={tables.map(({ id, name, seats, area, gridX, gridY, shape }) => ({ id, name, seats, area, gridX, gridY, shape }))}
            saveFloorPlanAction={saveFloorPlanAction}
          />
        </section>
      )}

      <section aria-labelledby="floor" className="space-y-3">
        <h2 id="floor" className="text-lg font-semibold">
          {t('floorNow')}
        </h2>
        <FloorView tables={tables} canOperate={can(ctx.role, 'tables:operate')} areaHeading="h3" setTableStatusAction={setTableStatusAction} />
      </section>

      {tables.length > 0 && (
        <section aria-labelledby="table-list" className="space-y-3">
          <h2 id="table-list" className="text-lg font-semibold">
            {t('allTables')}
          </h2>
          <div className={tableScrollClass}>
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">{t('table')}</th>
                  <th scope="col" className="px-4 py-3">{t('area')}</th>
                  <th scope="col" className="px-4 py-3 text-right">{t('seats')}</th>
                  <th scope="col" className="px-4 py-3">{t('status')}</th>
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">{t('actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {tables.map((table) => (
                  <tr key={table.id} data-testid="table-row">
                    <td className="px-4 py-3 align-top font-medium">{table.name}</td>
                    <td className="px-4 py-3 align-top">{table.area}</td>
                    <td className="px-4 py-3 text-right align-top tabular-nums">{f.number(table.seats)}</td>
                    <td className="px-4 py-3 align-top">
                      {tf(tableStatusLook[table.status].label)}
                      {table.status === 'occupied' && t('statusGuests', { covers: table.covers })}
                    </td>
                    <td className="px-4 py-3 text-right align-top">
                      {canWrite && <TableRowEditor table={table} updateTableLayoutAction={updateTableLayoutAction} deleteTableAction={deleteTableAction} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
