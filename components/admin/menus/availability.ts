/** Pure helpers to describe menu availability windows in words ("Mon–Fri 07:00–11:00"), in the reader's language. */
import type { Messages } from '@/lib/platform/i18n';

export type Window = { days: number[]; start: string; end: string };

/** The `menuHours` catalogue's translator (`useTranslations('menuHours')`, `getTranslations`, `translatorFor`). */
export type MenuHoursT = (key: keyof Messages['menuHours'], values?: Record<string, string | number>) => string;

/** Monday first, 1..7. */
export const WEEK = [1, 2, 3, 4, 5, 6, 7] as const;
export const dayName = (day: number, t: MenuHoursT) => t(`day${day}` as keyof Messages['menuHours']);
export const dayFullName = (day: number, t: MenuHoursT) => t(`dayFull${day}` as keyof Messages['menuHours']);

/** 1..7 (Monday first) → "Every day", "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri". */
function daysSummary(days: number[], t: MenuHoursT): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return t('everyDay');
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [t('dayRun', { first: dayName(run[0]!, t), last: dayName(run.at(-1)!, t) })] : run.map((d) => dayName(d, t))))
    .join(t('daySeparator'));
}

/** A window whose end is before its start runs past midnight. */
export const endsNextDay = (w: Pick<Window, 'start' | 'end'>) => w.end < w.start;

function windowSummary(w: Window, t: MenuHoursT): string {
  return t(endsNextDay(w) ? 'windowNextDay' : 'window', { days: daysSummary(w.days, t), start: w.start, end: w.end });
}

export function availabilitySummary(windows: Window[], t: MenuHoursT): string {
  return windows.length === 0 ? t('whenever') : windows.map((w) => windowSummary(w, t)).join(t('windowSeparator'));
}
