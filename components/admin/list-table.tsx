import type { ReactNode } from 'react';
import { tableScrollClass } from '@/components/ui/table';

/** A column of a ListTable: its heading, and whether it holds numbers (right-aligned). */
export type ListColumn = { label: string; numeric?: boolean };

/** The cells of a ListTable's rows, aligned with its headings. */
export const listCell = 'px-4 py-2';
export const listNumberCell = 'px-4 py-2 text-right tabular-nums';

/**
 * An admin list as a table (purchase orders, their lines, shifts): in a box it scrolls sideways in,
 * a caption for screen readers, one heading per column; the rows are the children (`<tr>`s, one
 * `listCell` or `listNumberCell` per column).
 */
export function ListTable({ caption, columns, children }: { caption: string; columns: ListColumn[]; children: ReactNode }) {
  return (
    <div className={tableScrollClass}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.numeric ? `${listCell} text-right` : listCell}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
