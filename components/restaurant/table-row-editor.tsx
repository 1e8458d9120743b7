'use client';

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
  const edit = useFormAction(updateTableLayoutAction, null);
  const remove = useFormAction(deleteTableAction, null);
  const fe = edit.state?.fieldErrors ?? {};
  return (
    <details className="inline-block text-left">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50">
        Edit<span className="sr-only"> {table.name}</span>
      </summary>
      <div className="mt-2 w-[min(22rem,80vw)] space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-lg">
        <form onSubmit={edit.onSubmit} className="space-y-3" noValidate>
          {edit.state?.error && <Alert tone="error">{edit.state.error}</Alert>}
          {edit.state?.ok && <Alert tone="success">{edit.state.ok}</Alert>}
          <input type="hidden" name="id" value={table.id} />
          <TextField label="Name" name="name" defaultValue={table.name} required maxLength={40} autoComplete="off" error={fe.name} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label="Seats" name="seats" type="number" inputMode="numeric" min={1} max={100} defaultValue={table.seats} error={fe.seats} />
            <TextField label="Order" name="position" type="number" inputMode="numeric" min={0} defaultValue={table.position} error={fe.position} hint="Lower first" />
          </div>
          <TextField label="Area" name="area" list="table-areas" defaultValue={table.area} maxLength={40} autoComplete="off" error={fe.area} />
          <Button type="submit" variant="secondary" disabled={edit.pending} className="w-full">
            {edit.pending ? 'Saving…' : 'Save'}
          </Button>
        </form>
        <form onSubmit={remove.onSubmit} className="space-y-2 border-t border-slate-200 pt-3">
          {remove.state?.error && <Alert tone="error">{remove.state.error}</Alert>}
          <input type="hidden" name="id" value={table.id} />
          <Button type="submit" variant="danger" disabled={remove.pending} className="w-full">
            {remove.pending ? 'Removing…' : `Remove ${table.name}`}
          </Button>
          {table.status === 'occupied' && <p className="text-xs text-slate-500">Guests are seated: free the table before removing it.</p>}
        </form>
      </div>
    </details>
  );
}
