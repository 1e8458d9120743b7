import { describe, expect, it } from 'vitest';
import { ticketHtml } from '@/components/kitchen/ticket-print';
import { ticketAge, ticketDestination, type TicketView } from '@/components/kitchen/ticket-view';

/** The display's pure parts: where a ticket goes in words, its age and tone, and the 80 mm print. */
const ticket: TicketView = {
  id: '00000000-0000-4000-8000-000000000001',
  orderNumber: 42,
  orderType: 'dine_in',
  tableName: 'Window 4',
  customerName: null,
  orderNote: 'Birthday <b>cake</b> last',
  lines: [{ lineId: 'l1', name: 'Mohinga', quantity: 2, modifiers: ['Hot'], note: '<script>alert(1)</script>' }],
  firedAt: '2025-05-01T05:00:00.000Z',
  recalledAt: null,
  voidedAt: null,
};

describe('a ticket in words', () => {
  it('says the type and the table, or the customer', () => {
    expect(ticketDestination(ticket)).toBe('Dine-in · Window 4');
    expect(ticketDestination({ orderType: 'takeaway', tableName: null, customerName: 'Ko Ko' })).toBe('Takeaway · Ko Ko');
    expect(ticketDestination({ orderType: 'retail', tableName: null, customerName: null })).toBe('Counter');
  });

  it('counts whole minutes on the server clock and turns late at 10, very late at 20', () => {
    const fired = Date.parse(ticket.firedAt);
    expect(ticketAge(ticket.firedAt, fired + 59_999)).toEqual({ minutes: 0, label: 'just now', tone: 'fresh' });
    expect(ticketAge(ticket.firedAt, fired + 9 * 60_000 + 59_999)).toMatchObject({ minutes: 9, tone: 'fresh' });
    expect(ticketAge(ticket.firedAt, fired + 10 * 60_000)).toEqual({ minutes: 10, label: '10 min', tone: 'late' });
    expect(ticketAge(ticket.firedAt, fired + 20 * 60_000)).toMatchObject({ tone: 'very_late' });
    // A device 5 minutes slow still shows the server's age; a fast one never shows a negative age.
    expect(ticketAge(ticket.firedAt, fired + 5 * 60_000, 5 * 60_000)).toMatchObject({ minutes: 10 });
    expect(ticketAge(ticket.firedAt, fired - 60_000)).toMatchObject({ minutes: 0 });
  });
});

describe('the 80 mm ticket', () => {
  it('prints the number, where it goes, the lines with modifiers and notes, escaped', () => {
    const html = ticketHtml(ticket, { stationName: 'Kitchen', businessName: 'Golden Cup', timeZone: 'Asia/Yangon' });
    expect(html).toContain('size: 80mm auto');
    expect(html).toContain('<h1>#42</h1>');
    expect(html).toContain('Dine-in · Window 4');
    expect(html).toContain('Fired 1 May 2025, 11:30'); // 05:00 UTC in Yangon (+06:30)
    expect(html).toContain('2 ×</span> Mohinga');
    expect(html).toContain('+ Hot');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Birthday &lt;b&gt;cake&lt;/b&gt; last');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('VOIDED');
  });

  it('says a voided order is not to be made', () => {
    expect(ticketHtml({ ...ticket, voidedAt: ticket.firedAt }, { stationName: 'Bar', businessName: 'Golden Cup', timeZone: 'UTC' })).toContain('VOIDED — do not make');
  });
});
