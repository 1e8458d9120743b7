import Form from 'next/form';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { addDays } from '@/lib/platform/business-day';
import { formatDay } from '@/lib/platform/format-time';

/** "Tue 4 Mar" (with `year`: "Tue 4 Mar 2025"): a business date for people, as it is (no time zone shift). */
export const longDate = (date: string, year = false) => formatDay(date, year ? 'shortWithYear' : 'short');
/** "Tue 4 Mar", or "Tue 4 Mar – Mon 10 Mar". */
export const rangeLabel = (from: string, to: string, year = false) => (from === to ? longDate(from, year) : `${longDate(from, year)} – ${longDate(to, year)}`);

/**
 * The range and location picker of the dashboard and the reports: quick ranges as links, from/to
 * business dates and a location as a GET form, so every range is a URL (linkable, printable,
 * the back button works). `path` is the page it reloads; `keep` carries the page's other URL
 * settings (a report's ranking) through both; `children` go under it (a bad range's message).
 */
export function RangeForm({ path, from, to, today, location, locations, keep = {}, children }: {
  path: string;
  from: string;
  to: string;
  /** Today's business date in the tenant's calendar. */
  today: string;
  /** The chosen location's id, '' for all. */
  location: string;
  locations: { id: string; name: string }[];
  keep?: Record<string, string>;
  children?: ReactNode;
}) {
  const presets = [
    { label: 'Today', from: today, to: today },
    { label: 'Yesterday', from: addDays(today, -1), to: addDays(today, -1) },
    { label: 'Last 7 days', from: addDays(today, -6), to: today },
    { label: 'Last 30 days', from: addDays(today, -29), to: today },
    { label: 'This month', from: `${today.slice(0, 8)}01`, to: today },
  ];
  const presetHref = (p: { from: string; to: string }) => `${path}?${new URLSearchParams({ from: p.from, to: p.to, ...(location ? { location } : {}), ...keep })}`;
  return (
    <section aria-label="Range and location" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 print:hidden">
      <nav aria-label="Quick ranges" className="flex flex-wrap gap-2">
        {presets.map((p) => {
          const current = p.from === from && p.to === to;
          return (
            <Link key={p.label} href={presetHref(p)} aria-current={current ? 'true' : undefined} className={buttonClass(current ? 'primary' : 'secondary')}>
              {p.label}
            </Link>
          );
        })}
      </nav>
      <Form action={path} className="flex flex-wrap items-end gap-3">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label className="text-sm">
          <span className="block font-medium">From</span>
          <input type="date" name="from" defaultValue={from} max={today} className={controlClass} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">To</span>
          <input type="date" name="to" defaultValue={to} max={today} className={controlClass} />
        </label>
        {locations.length > 1 && (
          <label className="text-sm">
            <span className="block font-medium">Location</span>
            <select name="location" defaultValue={location} className={controlClass}>
              <option value="">All locations</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={buttonClass('secondary')}>
          Show
        </button>
      </Form>
      {children}
    </section>
  );
}
