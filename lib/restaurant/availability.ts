/**
 * When a menu is offered, as a pure function of the clock: the admin's "offered now", the
 * register's choice of menu, and the register's minute-by-minute re-check in the browser all
 * use this one rule. Imports nothing, so client components may use it (CLIENT_SAFE).
 */
export type MenuAvailability = {
  isActive: boolean;
  /** ISO weekdays (1 = Monday … 7 = Sunday) and local "HH:MM" times; none: whenever it is active. */
  availability: { days: number[]; start: string; end: string }[];
};

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const clocks = new Map<string, Intl.DateTimeFormat>();

/** ISO weekday and "HH:MM" of `at` on the wall clock of `timeZone`. */
function wallClock(at: Date, timeZone: string): { day: number; time: string } {
  let clock = clocks.get(timeZone);
  if (!clock) clocks.set(timeZone, (clock = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS.indexOf(parts.weekday!) + 1, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Whether a menu is offered at `at` in the tenant's time zone. A window's start is inclusive and
 * its end exclusive (06:00–11:00 is over at 11:00). A window whose end is before its start runs
 * past midnight (18:00–02:00 covers Friday night into Saturday morning).
 */
export function isMenuAvailable(menu: MenuAvailability, at: Date, timeZone: string): boolean {
  if (!menu.isActive) return false;
  if (menu.availability.length === 0) return true;
  const { day, time: now } = wallClock(at, timeZone);
  const previousDay = day === 1 ? 7 : day - 1;
  return menu.availability.some((w) =>
    w.start < w.end
      ? w.days.includes(day) && now >= w.start && now < w.end
      : (w.days.includes(day) && now >= w.start) || (w.days.includes(previousDay) && now < w.end),
  );
}

/**
 * `menus` with whether each is offered at `at`, in the order the register offers them: menus
 * offered now first, and among those a menu with hours (Breakfast, 06:00–11:00) before one
 * offered all day — the menu of the moment is the one a cashier wants up front — then by name.
 */
export function menusInOrderAt<M extends MenuAvailability & { name: string }>(menus: readonly M[], at: Date, timeZone: string): (M & { offeredNow: boolean })[] {
  const rank = (m: M & { offeredNow: boolean }) => (m.offeredNow ? (m.availability.length ? 0 : 1) : 2);
  return menus
    .map((m) => ({ ...m, offeredNow: isMenuAvailable(m, at, timeZone) }))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
