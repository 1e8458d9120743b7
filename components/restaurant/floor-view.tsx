'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { DiningTable } from '@/lib/restaurant';
import { tableStatusLook } from './table-status';

export type FloorTable = Pick<DiningTable, 'id' | 'name' | 'seats' | 'area' | 'status' | 'covers'>;
type Status = FloorTable['status'];

const REFRESH_MS = 20_000;

/**
 * The dining room at a glance, grouped by area. Tap a table to seat guests (how many), mark
 * it for cleaning or free it. Other devices' changes appear within ~20 s (the page refreshes
 * itself while visible and no dialog is open).
 */
export function FloorView({
  tables,
  canOperate,
  areaHeading = 'h2',
  setTableStatusAction,
}: {
  tables: FloorTable[];
  canOperate: boolean;
  areaHeading?: 'h2' | 'h3';
  setTableStatusAction: FormAction;
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [selected, setSelected] = useState<FloorTable | null>(null);
  const [opened, setOpened] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const H = areaHeading;
  const idPrefix = useId();

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && !dialog.current?.open) router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);

  const open = (table: FloorTable) => {
    setSelected(table);
    setOpened((n) => n + 1);
    dialog.current?.showModal();
  };
  const close = (message?: string) => {
    const id = selected?.id;
    dialog.current?.close();
    if (message) setAnnouncement(message);
    if (id) document.getElementById(`table-${id}`)?.focus();
  };

  if (tables.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-10 text-center text-slate-600" data-testid="floor-empty">
        No tables yet.
      </p>
    );
  }

  const areas = [...new Set(tables.map((t) => t.area))];
  const count = (status: Status) => tables.filter((t) => t.status === status).length;
  const guests = tables.reduce((sum, t) => sum + (t.status === 'occupied' ? t.covers : 0), 0);
  // The dialog shows the freshest copy of the selected table (the page refreshes under it).
  const current = selected ? (tables.find((t) => t.id === selected.id) ?? selected) : null;

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Floor summary" role="group">
        {(Object.keys(tableStatusLook) as Status[]).map((status) => {
          const look = tableStatusLook[status];
          return (
            <span key={status} className={`inline-flex items-center gap-1 rounded-full px-3 py-1 font-semibold ring-1 ${look.chip}`}>
              <span aria-hidden="true">{look.symbol}</span>
              {count(status)} {look.label.toLowerCase()}
            </span>
          );
        })}
        <span className="text-slate-600">· {guests} {guests === 1 ? 'guest' : 'guests'} seated</span>
      </div>
      {announcement && <Alert tone="success">{announcement}</Alert>}

      {areas.map((area, i) => (
        <section key={area} aria-labelledby={`${idPrefix}-area-${i}`} className="space-y-2">
          <H id={`${idPrefix}-area-${i}`} className="text-base font-semibold text-slate-800">
            {area}
          </H>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-3">
            {tables
              .filter((t) => t.area === area)
              .map((t) => {
                const look = tableStatusLook[t.status];
                const body = (
                  <>
                    <span className="text-lg font-bold leading-tight">{t.name}</span>
                    <span className="flex items-center gap-1 text-sm font-semibold">
                      <span aria-hidden="true">{look.symbol}</span>
                      {look.label}
                    </span>
                    <span className="text-sm">
                      {t.status === 'occupied' ? `${t.covers} ${t.covers === 1 ? 'guest' : 'guests'} · ${t.seats} seats` : `${t.seats} seats`}
                    </span>
                  </>
                );
                const classes = `flex min-h-28 w-full flex-col items-start justify-between gap-1 rounded-xl border-2 p-3 text-left ${look.card}`;
                return (
                  <li key={t.id} data-testid="floor-table" data-status={t.status}>
                    {canOperate ? (
                      <button id={`table-${t.id}`} type="button" aria-haspopup="dialog" onClick={() => open(t)} className={classes}>
                        {body}
                      </button>
                    ) : (
                      <div className={classes}>{body}</div>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}

      <dialog
        ref={dialog}
        aria-labelledby="table-dialog-title"
        onClose={() => setSelected(null)}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 shadow-xl backdrop:bg-slate-900/50"
      >
        {current && (
          <TableStatusPanel
            key={`${current.id}-${opened}`}
            table={current}
            setTableStatusAction={setTableStatusAction}
            onDone={close}
            onCancel={() => close()}
          />
        )}
      </dialog>
    </div>
  );
}

function TableStatusPanel({
  table,
  setTableStatusAction,
  onDone,
  onCancel,
}: {
  table: FloorTable;
  setTableStatusAction: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { state, pending, onSubmit } = useFormAction(setTableStatusAction, null);
  const [covers, setCovers] = useState(table.status === 'occupied' ? String(table.covers) : '');
  const suggested = Math.max(1, table.seats * 2);
  const quick = Array.from({ length: Math.min(suggested, 12) }, (_, i) => i + 1);
  const look = tableStatusLook[table.status];
  const error = state?.fieldErrors?.covers;

  useEffect(() => {
    if (state?.ok) onDone(state.ok);
  }, [state]); // only a new result matters (onDone is a new function every render)

  const n = Number(covers);
  const seatLabel = Number.isInteger(n) && n >= 1 ? `${n} ${n === 1 ? 'guest' : 'guests'}` : 'guests';

  return (
    <form onSubmit={onSubmit} className="space-y-5 p-5" noValidate>
      <input type="hidden" name="id" value={table.id} />
      <div>
        <h2 id="table-dialog-title" className="text-xl font-bold">
          {table.name}
        </h2>
        <p className="text-sm text-slate-600">
          {table.area} · {table.seats} seats · now{' '}
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${look.chip}`}>
            <span aria-hidden="true">{look.symbol} </span>
            {look.label}
            {table.status === 'occupied' && `, ${table.covers} ${table.covers === 1 ? 'guest' : 'guests'}`}
          </span>
        </p>
      </div>
      {state?.error && <Alert tone="error">{state.error}</Alert>}

      <fieldset className="space-y-3">
        <legend className="font-semibold">{table.status === 'occupied' ? 'Change the number of guests' : 'Seat guests'}</legend>
        <div className="flex flex-wrap gap-2" role="group" aria-label="How many guests">
          {quick.map((q) => (
            <button
              key={q}
              type="button"
              aria-pressed={covers === String(q)}
              onClick={() => setCovers(String(q))}
              className="min-h-12 min-w-12 rounded-lg text-base font-semibold ring-1 ring-slate-300 hover:bg-slate-50 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-700"
            >
              {q}
            </button>
          ))}
        </div>
        <div className="space-y-1">
          <label htmlFor="table-covers" className="block text-sm font-medium text-slate-700">
            Guests (covers)
          </label>
          <input
            id="table-covers"
            name="covers"
            type="number"
            inputMode="numeric"
            min={1}
            max={200}
            value={covers}
            onChange={(e) => setCovers(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby="table-covers-message"
            className="block min-h-11 w-32 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500"
          />
          <p id="table-covers-message" className={`text-sm ${error ? 'text-red-700' : 'text-slate-500'}`}>
            {error ?? `1 to ${suggested} suggested for ${table.seats} seats.`}
          </p>
        </div>
        <Button type="submit" name="status" value="occupied" disabled={pending} className="w-full">
          {table.status === 'occupied' ? `Update to ${seatLabel}` : `Seat ${seatLabel}`}
        </Button>
      </fieldset>

      <div className="grid gap-2 border-t border-slate-200 pt-4 sm:grid-cols-2">
        {table.status !== 'needs_cleaning' && (
          <Button type="submit" name="status" value="needs_cleaning" variant="secondary" disabled={pending}>
            {table.status === 'occupied' ? 'Guests left — needs cleaning' : 'Needs cleaning'}
          </Button>
        )}
        {table.status !== 'free' && (
          <Button type="submit" name="status" value="free" variant="secondary" disabled={pending}>
            {table.status === 'needs_cleaning' ? 'Cleaned — mark free' : 'Mark free'}
          </Button>
        )}
        <Button variant="ghost" onClick={onCancel} className="sm:col-span-2">
          Cancel
        </Button>
      </div>
    </form>
  );
}
