'use client';

import { useTranslations } from 'next-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { FloorTable } from './floor-view';

/** Edit a table's place on the floor plan, or remove it (refused while guests are seated). */
export function TableRowEditor({
  table,
  updateTableLayoutAction,
  deleteTableAction,
}: {
  table: FloorTable & { position: number };
  updateTableLayoutAction: FormAction;
  deleteTableAction: FormAction;
}) {
  const t = useTranslations('admin.tables');
  const edit = useFormAction(updateTableLayoutAction, null);
  const remove = useFormAction(deleteTableAction, null);
  const fe = edit.state?.fieldErrors ?? {};
  return (
    <details className="inline-block text-left">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
        {t('edit')}
        <span className="sr-only">{t('editSr', { name: table.name })}</span>
      </summary>
      <div className="mt-2 w-[min(22rem,80vw)] space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-lg">
        <form onSubmit={edit.onSubmit} className="space-y-3" noValidate>
          {edit.state?.error && <Alert tone="error">{edit.state.error}</Alert>}
          {edit.state?.ok && <Alert tone="success">{edit.state.ok}</Alert>}
          <input type="hidden" name="id" value={table.id} />
          <TextField label={t('name')} name="name" defaultValue={table.name} required maxLength={40} autoComplete="off" error={fe.name} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label={t('seats')} name="seats" type="number" inputMode="numeric" min={1} max={100} defaultValue={table.seats} error={fe.seats} />
            <TextField label={t('order')} name="position" type="number" inputMode="numeric" min={0} defaultValue={table.position} error={fe.position} hint={t('lowerFirst')} />
          </div>
          <TextField label={t('area')} name="area" list="table-areas" defaultValue={table.area} maxLength={40} autoComplete="off" error={fe.area} />
          <Button type="submit" variant="secondary" disabled={edit.pending} className="w-full">
            {edit.pending ? t('saving') : t('save')}
          </Button>
        </form>
        <form onSubmit={remove.onSubmit} className="space-y-2 border-t border-slate-200 pt-3">
          {remove.state?.error && <Alert tone="error">{remove.state.error}</Alert>}
          <input type="hidden" name="id" value={table.id} />
          <Button type="submit" variant="danger" disabled={remove.pending} className="w-full">
            {remove.pending ? t('removing') : t('removeNamed', { name: table.name })}
          </Button>
          {table.status === 'occupied' && <p className="text-xs text-slate-500">{t('guestsSeated')}</p>}
        </form>
      </div>
    </details>
  );
}
