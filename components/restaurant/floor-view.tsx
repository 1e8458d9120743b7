'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { DiningTable } from '@/lib/restaurant';
import { FloorPlanGrid, isPlaced } from './floor-plan';
import { TabActions, type FloorTab } from './tab-actions';
import { tableStatusLook } from './table-status';

export type FloorTable = Pick<DiningTable, 'id' | 'name' | 'seats' | 'area' | 'status' | 'covers'> & Partial<Pick<DiningTable, 'gridX' | 'gridY' | 'shape'>>;
export type { FloorTab };
type Status = FloorTable['status'];

type FloorT = ReturnType<typeof useTranslations<'floor'>>;

/** "just now", "25 min", "1 h 5 min": how long a tab has been open (on the server's clock). */
export function tabAge(openedAt: string, now: number, t: FloorT): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(openedAt)) / 60_000));
  if (minutes < 1) return t('justNow');
  return minutes < 60 ? t('minutes', { minutes }) : t('hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

const REFRESH_MS = 20_000;

/**
 * The dining room at a glance: drawn on the floor plan's grid where tables are placed (from a
 * tablet's width up), grouped by area otherwise. Each tile shows its open tab (number, total,
 * age). Tap a table to open its tab in the register, start one ("Seat & start order"), move or
 * merge it, seat guests, mark it for cleaning or free it. Other devices' changes appear within
 * ~20 s (the page refreshes itself while visible and no dialog is open).
 */
export function FloorView({
  tables,
  canOperate,
  areaHeading = 'h2',
  setTableStatusAction,
  tabs = [],
  currency = 'USD',
  now = 0,
  canOrder = false,
}: {
  tables: FloorTable[];
  canOperate: boolean;
  areaHeading?: 'h2' | 'h3';
  setTableStatusAction: FormAction;
  /** Open tabs by table (the floor page; the admin's copy of the floor has none). */
  tabs?: FloorTab[];
  currency?: string;
  /** The server's time of the render, for the tabs' ages. */
  now?: number;
  /** Whether this person may open, start, move and merge orders (register). */
  canOrder?: boolean;
}) {
  const t = useTranslations('floor');
  const f = useFormats();
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
        {t('noTables')}
      </p>
    );
  }

  const tabOf = new Map(tabs.map((x) => [x.tableId, x]));
  const placed = tables.filter(isPlaced);
  const listed = placed.length ? tables.filter((x) => !isPlaced(x)) : tables;
  const areas = [...new Set(tables.map((x) => x.area))];
  const count = (status: Status) => tables.filter((x) => x.status === status).length;
  const guests = tables.reduce((sum, x) => sum + (x.status === 'occupied' ? x.covers : 0), 0);
  // The dialog shows the freshest copy of the selected table (the page refreshes under it).
  const current = selected ? (tables.find((x) => x.id === selected.id) ?? selected) : null;

  function tile(table: FloorTable, where: 'plan' | 'phone' | 'list'): ReactNode {
    const look = tableStatusLook[table.status];
    const tab = tabOf.get(table.id);
    const body = (
      <>
        <span className="text-lg font-bold leading-tight">{table.name}</span>
        <span className="flex items-center gap-1 text-sm font-semibold">
          <span aria-hidden="true">{look.symbol}</span>
          {t(look.label)}
        </span>
        <span className="text-sm">
          {table.status === 'occupied' ? t('guestsAndSeats', { covers: table.covers, seats: table.seats }) : t('seats', { seats: table.seats })}
        </span>
        {tab && (
          <span className="text-sm font-semibold tabular-nums" data-testid="table-tab">
            #{tab.number} · {f.money(tab.total, currency)} · {tabAge(tab.openedAt, now, t)}
          </span>
        )}
      </>
    );
    const shape = where === 'plan' && table.shape === 'round' ? 'rounded-[2rem]' : 'rounded-xl';
    const classes = `flex ${where === 'plan' ? 'h-full' : 'min-h-28'} w-full flex-col items-start justify-between gap-1 border-2 p-3 text-left ${shape} ${look.card}`;
    // The plan and the phone list draw the same table; only one is displayed, so ids stay unique where it counts.
    const id = where === 'phone' ? undefined : `table-${table.id}`;
    return canOperate ? (
      <button id={id} type="button" aria-haspopup="dialog" onClick={() => open(table)} className={classes} data-testid="floor-table" data-status={table.status}>
        {body}
      </button>
    ) : (
      <div className={classes} data-testid="floor-table" data-status={table.status}>
        {body}
      </div>
    );
  }

  function areaLists(list: FloorTable[], where: 'phone' | 'list'): ReactNode {
    return [...new Set(list.map((x) => x.area))].map((area) => {
      const i = areas.indexOf(area);
      const headingId = `${idPrefix}-${where}-area-${i}`;
      return (
        <section key={area} aria-labelledby={headingId} className="space-y-2">
          <H id={headingId} className="text-base font-semibold text-slate-800">
            {area}
          </H>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-3">
            {list
              .filter((x) => x.area === area)
              .map((x) => (
                <li key={x.id}>{tile(x, where)}</li>
              ))}
          </ul>
        </section>
      );
    });
  }

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-label={t('summary')} role="group">
        {(Object.keys(tableStatusLook) as Status[]).map((status) => {
          const look = tableStatusLook[status];
          return (
            <span key={status} className={`inline-flex items-center gap-1 rounded-full px-3 py-1 font-semibold ring-1 ${look.chip}`}>
              <span aria-hidden="true">{look.symbol}</span>
              {t(look.count, { count: count(status) })}
            </span>
          );
        })}
        <span className="text-slate-600">· {t('guestsSeated', { count: guests })}</span>
      </div>
      {announcement && <Alert tone="success">{announcement}</Alert>}

      {placed.length > 0 && (
        <>
          <FloorPlanGrid tables={placed} className="hidden md:block" label={t('floorPlan')} renderTable={(x) => tile(x, 'plan')} />
          {/* Phones: the plan does not fit; its tables are listed by area with the rest. */}
          <div className="md:hidden">{areaLists(placed, 'phone')}</div>
        </>
      )}
      {listed.length > 0 && (
        <div className="space-y-5">
          {placed.length > 0 && <H className="text-base font-semibold text-slate-800">{t('notOnPlan')}</H>}
          {areaLists(listed, 'list')}
        </div>
      )}

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
            orders={
              canOrder ? (covers: number) => (
                <TabActions
                  covers={covers}
                  table={current}
                  tab={tabOf.get(current.id) ?? null}
                  tables={tables}
                  tabs={tabs}
                  currency={currency}
                  onDone={(message) => {
                    close(message);
                    router.refresh();
                  }}
                />
              ) : null
            }
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
  orders,
}: {
  table: FloorTable;
  setTableStatusAction: FormAction;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** The table's order: open it, start one (for the guests chosen), move or merge (TabActions). */
  orders: ((covers: number) => ReactNode) | null;
}) {
  const t = useTranslations('floor');
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
  const known = Number.isInteger(n) && n >= 1;

  return (
    <form onSubmit={onSubmit} className="space-y-5 p-5" noValidate>
      <input type="hidden" name="id" value={table.id} />
      <div>
        <h2 id="table-dialog-title" className="text-xl font-bold">
          {table.name}
        </h2>
        <p className="text-sm text-slate-600">
          {t('where', { area: table.area, seats: table.seats })}{' '}
          <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${look.chip}`}>
            <span aria-hidden="true">{look.symbol} </span>
            {t(look.label)}
            {table.status === 'occupied' && t('chipGuests', { covers: table.covers })}
          </span>
        </p>
      </div>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {orders?.(Number.isInteger(Number(covers)) && Number(covers) >= 1 ? Number(covers) : Math.min(table.seats, 2))}

      <fieldset className="space-y-3">
        <legend className="font-semibold">{table.status === 'occupied' ? t('changeGuests') : t('seatGuests')}</legend>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t('howMany')}>
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
            {t('coversLabel')}
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
            {error ?? t('suggested', { max: suggested, seats: table.seats })}
          </p>
        </div>
        <Button type="submit" name="status" value="occupied" disabled={pending} className="w-full">
          {table.status === 'occupied'
            ? known
              ? t('updateToCount', { count: n })
              : t('updateGuests')
            : known
              ? t('seatCount', { count: n })
              : t('seatGuests')}
        </Button>
      </fieldset>

      <div className="grid gap-2 border-t border-slate-200 pt-4 sm:grid-cols-2">
        {table.status !== 'needs_cleaning' && (
          <Button type="submit" name="status" value="needs_cleaning" variant="secondary" disabled={pending}>
            {table.status === 'occupied' ? t('guestsLeft') : t('markNeedsCleaning')}
          </Button>
        )}
        {table.status !== 'free' && (
          <Button type="submit" name="status" value="free" variant="secondary" disabled={pending}>
            {table.status === 'needs_cleaning' ? t('cleanedFree') : t('markFree')}
          </Button>
        )}
        <Button variant="ghost" onClick={onCancel} className="sm:col-span-2">
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
