import type { ReactNode } from 'react';
import type { DiningTable } from '@/lib/restaurant';

/** The plan's grid (db/schema/restaurant.ts FLOOR_GRID; repeated here: this file reaches the browser). */
export const GRID = { columns: 12, rows: 8 } as const;

type Placeable = Partial<Pick<DiningTable, 'id' | 'gridX' | 'gridY' | 'shape'>>;

export const isPlaced = <T extends Placeable>(t: T): t is T & { gridX: number; gridY: number } => t.gridX != null && t.gridY != null;

/** Columns a table takes: a wide table two (cut at the plan's edge). */
export const spanOf = (t: Placeable & { gridX: number }) => (t.shape === 'wide' ? Math.min(2, GRID.columns - t.gridX) : 1);

/**
 * Tables drawn where the editor placed them, on a grid of fixed cells (a list of them to
 * assistive technology, in reading order: row by row, left to right).
 */
export function FloorPlanGrid<T extends Placeable & { id: string }>({
  tables,
  renderTable,
  className = '',
  label,
}: {
  tables: (T & { gridX: number; gridY: number })[];
  renderTable: (t: T) => ReactNode;
  className?: string;
  label: string;
}) {
  const inReadingOrder = [...tables].sort((a, b) => a.gridY - b.gridY || a.gridX - b.gridX);
  // A tablet shows about eight columns; the rest scrolls sideways inside the plan, never the page.
  return (
    <div className={`overflow-x-auto rounded-2xl border border-slate-200 bg-slate-50 ${className}`}>
      <ul
        aria-label={label}
        data-testid="floor-plan"
        className="grid min-w-max gap-2 p-2"
        style={{ gridTemplateColumns: `repeat(${GRID.columns}, 6rem)`, gridTemplateRows: `repeat(${GRID.rows}, minmax(6.5rem, auto))` }}
      >
        {inReadingOrder.map((t) => (
          <li key={t.id} style={{ gridColumn: `${t.gridX + 1} / span ${spanOf(t)}`, gridRow: `${t.gridY + 1}` }} className="min-w-0">
            {renderTable(t)}
          </li>
        ))}
      </ul>
    </div>
  );
}
