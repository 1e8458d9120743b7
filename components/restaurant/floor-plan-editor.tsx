'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type KeyboardEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import type { DiningTable } from '@/lib/restaurant';
import { GRID, isPlaced, spanOf } from './floor-plan';

type Shape = DiningTable['shape'];
type Spot = { gridX: number | null; gridY: number | null; shape: Shape };
export type PlanTable = Pick<DiningTable, 'id' | 'name' | 'seats' | 'area' | 'gridX' | 'gridY' | 'shape'>;

const SHAPES: { value: Shape; label: 'shapeSquare' | 'shapeRound' | 'shapeWide' }[] = [
  { value: 'square', label: 'shapeSquare' },
  { value: 'round', label: 'shapeRound' },
  { value: 'wide', label: 'shapeWide' },
];
const MOVES: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/**
 * The floor plan editor: tables placed on a grid of 12 × 8 cells. Select a table and move it with
 * the arrow keys (or drag it onto a cell; tap a cell to bring the selected table there), give it
 * a shape, take it off the plan. Nothing is saved until Save, which sends every table's cell and
 * shape in one transaction. A move onto a taken cell is refused and said so.
 */
export function FloorPlanEditor({ tables, saveFloorPlanAction }: { tables: PlanTable[]; saveFloorPlanAction: FormAction }) {
  const tr = useTranslations('admin.tables');
  const { state, pending, onSubmit } = useFormAction(saveFloorPlanAction, null);
  const [spots, setSpots] = useState<Map<string, Spot>>(() => new Map(tables.map((t) => [t.id, { gridX: t.gridX, gridY: t.gridY, shape: t.shape }])));
  const [selected, setSelected] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const dragged = useRef<string | null>(null);
  const name = new Map(tables.map((t) => [t.id, t.name]));
  const spot = (id: string) => spots.get(id)!;
  const changed = tables.some((t) => {
    const s = spot(t.id);
    return s.gridX !== t.gridX || s.gridY !== t.gridY || s.shape !== t.shape;
  });

  /** Which table stands on a cell (a wide table covers two). */
  const occupant = (x: number, y: number, except: string | null) => {
    for (const [id, s] of spots) {
      if (id === except || s.gridX === null || s.gridY !== y) continue;
      const span = spanOf({ id, gridX: s.gridX, shape: s.shape });
      if (x >= s.gridX && x < s.gridX + span) return id;
    }
    return null;
  };
  const fits = (id: string, x: number, y: number, shape: Shape) => {
    const span = spanOf({ id, gridX: x, shape });
    return x >= 0 && y >= 0 && x < GRID.columns && y < GRID.rows && Array.from({ length: span }, (_, i) => occupant(x + i, y, id)).every((o) => o === null);
  };
  const put = (id: string, next: Spot, words: string) => {
    setSpots((m) => new Map(m).set(id, next));
    setSaid(words);
  };
  const moveTo = (id: string, x: number, y: number) => {
    const s = spot(id);
    if (!fits(id, x, y, s.shape)) {
      const other = occupant(x, y, id);
      return setSaid(x < 0 || y < 0 || x >= GRID.columns || y >= GRID.rows ? tr('atEdge', { name: name.get(id) ?? '' }) : tr('standsThere', { name: name.get(other ?? '') ?? tr('anotherTable') }));
    }
    put(id, { ...s, gridX: x, gridY: y }, tr('movedTo', { name: name.get(id) ?? '', column: x + 1, row: y + 1 }));
  };
  const firstFree = (id: string, shape: Shape) => {
    for (let y = 0; y < GRID.rows; y++) for (let x = 0; x < GRID.columns; x++) if (fits(id, x, y, shape)) return { x, y };
    return null;
  };
  const place = (id: string) => {
    const free = firstFree(id, spot(id).shape);
    if (!free) return setSaid(tr('planFull'));
    moveTo(id, free.x, free.y);
    setSelected(id);
    requestAnimationFrame(() => document.getElementById(`plan-table-${id}`)?.focus());
  };
  const onKey = (id: string, e: KeyboardEvent) => {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const s = spot(id);
    if (s.gridX === null || s.gridY === null) return;
    moveTo(id, s.gridX + move[0], s.gridY + move[1]);
  };

  const current = selected ? tables.find((t) => t.id === selected) : undefined;
  const placed = tables.filter((t) => isPlaced(spot(t.id)));
  const unplaced = tables.filter((t) => !isPlaced(spot(t.id)));

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-describedby="plan-help">
      <input type="hidden" name="plan" value={JSON.stringify({ tables: tables.map((t) => ({ id: t.id, ...spot(t.id) })) })} />
      <p id="plan-help" className="text-sm text-slate-600">
        {tr('planHelp')}
      </p>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && !changed && <Alert tone="success">{state.ok}</Alert>}
      <p aria-live="polite" className="sr-only" data-testid="plan-announcer">
        {said}
      </p>

      <div className="overflow-x-auto rounded-2xl border border-slate-200 bg-slate-50">
        <div
          role="group"
          aria-label={tr('editorLabel')}
          className="relative grid min-w-max gap-1 p-2"
          style={{ gridTemplateColumns: `repeat(${GRID.columns}, 4.5rem)`, gridTemplateRows: `repeat(${GRID.rows}, 4rem)` }}
        >
          {Array.from({ length: GRID.rows * GRID.columns }, (_, i) => {
            const x = i % GRID.columns;
            const y = Math.floor(i / GRID.columns);
            return (
              <div
                key={`cell-${x}-${y}`}
                aria-hidden="true"
                style={{ gridColumn: x + 1, gridRow: y + 1 }}
                className="rounded-md border border-dashed border-slate-300"
                onClick={() => selected && moveTo(selected, x, y)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragged.current) moveTo(dragged.current, x, y);
                  dragged.current = null;
                }}
              />
            );
          })}
          {placed.map((t) => {
            const s = spot(t.id) as Spot & { gridX: number; gridY: number };
            const isSelected = selected === t.id;
            return (
              <button
                key={t.id}
                id={`plan-table-${t.id}`}
                type="button"
                draggable
                onDragStart={() => (dragged.current = t.id)}
                onClick={() => setSelected(t.id)}
                onFocus={() => setSelected(t.id)}
                onKeyDown={(e) => onKey(t.id, e)}
                aria-pressed={isSelected}
                aria-label={tr('tableOnPlan', { name: t.name, seats: t.seats, column: s.gridX + 1, row: s.gridY + 1 })}
                data-testid="plan-table"
                style={{ gridColumn: `${s.gridX + 1} / span ${spanOf({ id: t.id, gridX: s.gridX, shape: s.shape })}`, gridRow: s.gridY + 1 }}
                className={`z-10 flex flex-col items-center justify-center border-2 text-sm font-bold ${s.shape === 'round' ? 'rounded-full' : 'rounded-lg'} ${
                  isSelected ? 'border-brand-700 bg-brand-600 text-white' : 'border-slate-500 bg-white text-slate-900 hover:bg-slate-100'
                }`}
              >
                {t.name}
                <span className="text-xs font-medium">{tr('seatsN', { seats: t.seats })}</span>
              </button>
            );
          })}
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <h3 className="font-semibold">{tr('notOnPlan')}</h3>
          {unplaced.length === 0 ? (
            <p className="text-sm text-slate-600">{tr('allPlaced')}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {unplaced.map((t) => (
                <li key={t.id}>
                  <Button variant="secondary" onClick={() => place(t.id)} aria-label={tr('placeLabel', { name: t.name })}>
                    {tr('place', { name: t.name })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {current && isPlaced(spot(current.id)) && (
          <div className="space-y-2" role="group" aria-label={tr('onPlan', { name: current.name })}>
            <h3 className="font-semibold">{current.name}</h3>
            <label htmlFor="plan-shape" className="block text-sm font-medium text-slate-700">
              {tr('shape')}
            </label>
            <select
              id="plan-shape"
              value={spot(current.id).shape}
              onChange={(e) => {
                const shape = e.target.value as Shape;
                const s = spot(current.id);
                if (!fits(current.id, s.gridX!, s.gridY!, shape)) return setSaid(tr('noRoomWide'));
                put(current.id, { ...s, shape }, tr('isShape', { name: current.name, shape }));
              }}
              className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2"
            >
              {SHAPES.map((sh) => (
                <option key={sh.value} value={sh.value}>
                  {tr(sh.label)}
                </option>
              ))}
            </select>
            <Button variant="ghost" onClick={() => put(current.id, { ...spot(current.id), gridX: null, gridY: null }, tr('offPlan', { name: current.name }))}>
              {tr('takeOff', { name: current.name })}
            </Button>
          </div>
        )}
      </div>

      <Button type="submit" disabled={pending || !changed} data-testid="save-plan">
        {pending ? tr('saving') : changed ? tr('savePlan') : tr('planSavedButton')}
      </Button>
    </form>
  );
}
