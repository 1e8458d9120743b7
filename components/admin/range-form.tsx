import Form from 'next/form';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { addDays } from '@/lib/platform/business-day';
import type { Formats } from '@/lib/platform/formats';

type Days = Pick<Formats, 'day'>;
/** "Tue 4 Mar" (with `year`: "Tue 4 Mar 2025"): a business date for people in the reader's language, as it is (no time zone shift). */
export const longDate = (f: Days, date: string, year = false) => f.day(date, year ? 'shortWithYear' : 'short');
/** "Tue 4 Mar", or "Tue 4 Mar – Mon 10 Mar". */
export const rangeLabel = (f: Days, from: string, to: string, year = false) =>
  from === to ? longDate(f, from, year) : `${longDate(f, from, year)} – ${longDate(f, to, year)}`;

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
  const t = useTranslations('admin.range');
  const presets = [
    { label: t('today'), from: today, to: today },
    { label: t('yesterday'), from: addDays(today, -1), to: addDays(today, -1) },
    { label: t('last7'), from: addDays(today, -6), to: today },
    { label: t('last30'), from: addDays(today, -29), to: today },
    { label: t('thisMonth'), from: `${today.slice(0, 8)}01`, to: today },
  ];
  const presetHref = (p: { from: string; to: string }) => `${path}?${new URLSearchParams({ from: p.from, to: p.to, ...(location ? { location } : {}), ...keep })}`;
  return (
    <section aria-label={t('label')} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 print:hidden">
      <nav aria-label={t('quick')} className="flex flex-wrap gap-2">
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
          <span className="block font-medium">{t('from')}</span>
          <input type="date" name="from" defaultValue={from} max={today} className={controlClass} />
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t('to')}</span>
          <input type="date" name="to" defaultValue={to} max={today} className={controlClass} />
        </label>
        {locations.length > 1 && (
          <label className="text-sm">
            <span className="block font-medium">{t('location')}</span>
            <select name="location" defaultValue={location} className={controlClass}>
              <option value="">{t('allLocations')}</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={buttonClass('secondary')}>
          {t('show')}
        </button>
      </Form>
      {children}
    </section>
  );
}
