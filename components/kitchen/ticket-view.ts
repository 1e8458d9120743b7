import { formatsFor, type Formats } from '@/lib/platform/formats';
import { translatorFor, type Messages } from '@/lib/platform/i18n';
import type { KitchenTicketLine } from '@/lib/restaurant';

/** The `kitchen` catalogue's translator and the reader's formats: a ticket is shown and printed in the reader's language. */
export type KitchenT = (key: keyof Messages['kitchen'], values?: Record<string, string | number>) => string;
export type KitchenWords = { t: KitchenT; f: Formats };
/** English, for callers that do not pass the reader's words (tests). */
export const ENGLISH_KITCHEN_WORDS: KitchenWords = { t: translatorFor('en', 'kitchen') as unknown as KitchenT, f: formatsFor('en') };

/**
 * A ticket as the kitchen display gets it from its page (times as ISO text: they cross to the
 * browser), shared by the page and the display.
 */
export type TicketView = {
  id: string;
  orderNumber: number;
  orderType: string;
  tableName: string | null;
  customerName: string | null;
  orderNote: string | null;
  lines: KitchenTicketLine[];
  firedAt: string;
  recalledAt: string | null;
  voidedAt: string | null;
};

export type StationTab = { id: string; name: string; open: number };

const TYPE_WORDS = { dine_in: 'typeDineIn', takeaway: 'typeTakeaway', retail: 'typeCounter' } as const satisfies Record<string, keyof Messages['kitchen']>;

/** "Dine-in · Window 4", "Takeaway · Ko Ko": how the ticket says where the food goes. */
export function ticketDestination(ticket: Pick<TicketView, 'orderType' | 'tableName' | 'customerName'>, t: KitchenT = ENGLISH_KITCHEN_WORDS.t): string {
  const where = ticket.tableName ?? ticket.customerName;
  const type = TYPE_WORDS[ticket.orderType as keyof typeof TYPE_WORDS];
  return [type ? t(type) : ticket.orderType, where].filter(Boolean).join(' · ');
}

/**
 * A ticket's lines by course (hold & fire), in course order. The heading is shown only where it
 * says something: more than one course, or a course after the first.
 */
export function ticketCourses(lines: KitchenTicketLine[]): { course: number | null; lines: KitchenTicketLine[] }[] {
  const courses = [...new Set(lines.map((l) => l.course ?? 1))].sort((a, b) => a - b);
  const named = courses.length > 1 || (courses[0] ?? 1) > 1;
  return courses.map((c) => ({ course: named ? c : null, lines: lines.filter((l) => (l.course ?? 1) === c) }));
}

/** A ticket this old is late (amber), and this old very late (red); the minutes are always written too. */
export const LATE_MINUTES = 10;
export const VERY_LATE_MINUTES = 20;

export type AgeTone = 'fresh' | 'late' | 'very_late';

/** Whole minutes since the ticket was fired, on the server's clock (`skewMs`: server minus device). */
export function ticketAge(firedAt: string, now: number, skewMs = 0, t: KitchenT = ENGLISH_KITCHEN_WORDS.t): { minutes: number; label: string; tone: AgeTone } {
  const minutes = Math.max(0, Math.floor((now + skewMs - Date.parse(firedAt)) / 60_000));
  const tone: AgeTone = minutes >= VERY_LATE_MINUTES ? 'very_late' : minutes >= LATE_MINUTES ? 'late' : 'fresh';
  return { minutes, label: minutes < 1 ? t('justNow') : t('minutes', { minutes }), tone };
}
