import type { KitchenTicketLine } from '@/lib/restaurant';

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

const TYPE_WORDS: Record<string, string> = { dine_in: 'Dine-in', takeaway: 'Takeaway', retail: 'Counter' };

/** "Dine-in · Window 4", "Takeaway · Ko Ko": how the ticket says where the food goes. */
export function ticketDestination(ticket: Pick<TicketView, 'orderType' | 'tableName' | 'customerName'>): string {
  const where = ticket.tableName ?? ticket.customerName;
  return [TYPE_WORDS[ticket.orderType] ?? ticket.orderType, where].filter(Boolean).join(' · ');
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
export function ticketAge(firedAt: string, now: number, skewMs = 0): { minutes: number; label: string; tone: AgeTone } {
  const minutes = Math.max(0, Math.floor((now + skewMs - Date.parse(firedAt)) / 60_000));
  const tone: AgeTone = minutes >= VERY_LATE_MINUTES ? 'very_late' : minutes >= LATE_MINUTES ? 'late' : 'fresh';
  return { minutes, label: minutes < 1 ? 'just now' : `${minutes} min`, tone };
}
