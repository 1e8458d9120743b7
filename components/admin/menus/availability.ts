/** Pure helpers to describe menu availability windows in words ("Mon–Fri 07:00–11:00"). */
export type Window = { days: number[]; start: string; end: string };

export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const DAY_FULL_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** 1..7 (Monday first) → "Every day", "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri". */
function daysSummary(days: number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (sorted.length === 7) return 'Every day';
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${DAY_NAMES[run[0]! - 1]}–${DAY_NAMES[run.at(-1)! - 1]}`] : run.map((d) => DAY_NAMES[d - 1]!)))
    .join(', ');
}

/** A window whose end is before its start runs past midnight. */
export const endsNextDay = (w: Pick<Window, 'start' | 'end'>) => w.end < w.start;

function windowSummary(w: Window): string {
  return `${daysSummary(w.days)} ${w.start}–${w.end}${endsNextDay(w) ? ' (next day)' : ''}`;
}

export function availabilitySummary(windows: Window[]): string {
  return windows.length === 0 ? 'Whenever it is active' : windows.map(windowSummary).join('; ');
}
