import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderStrict } from '../i18n/render-strict';

vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh() {}, replace() {}, push() {} }), usePathname: () => '/kitchen' }));

import { KitchenDisplay } from '@/components/kitchen/kitchen-display';
import type { TicketView } from '@/components/kitchen/ticket-view';

/**
 * A ticket's age on the kitchen display is the server's clock at render plus the time since:
 * the browser's clock is read once for both, or a ticket fired 12 minutes before the server's
 * "now" could read "11 min" whenever the clock ticks between two readings (a slow render).
 */
afterEach(() => vi.restoreAllMocks());

describe('the kitchen display’s clock', () => {
  it('shows a ticket fired 12 minutes before the server’s now as 12 minutes old, however slowly the page renders', () => {
    const serverNow = Date.parse('2026-03-04T05:00:00.000Z');
    let clock = Date.parse('2026-03-04T04:30:00.000Z'); // the browser's clock is off; only the skew matters
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 250)); // every reading is a little later
    const ticket: TicketView = {
      id: '00000000-0000-4000-8000-000000000001',
      orderNumber: 42,
      orderType: 'takeaway',
      tableName: null,
      customerName: null,
      orderNote: null,
      lines: [{ lineId: 'l1', name: 'Mohinga', quantity: 1, modifiers: [], note: null, course: 1 }],
      firedAt: new Date(serverNow - 12 * 60_000).toISOString(),
      recalledAt: null,
      voidedAt: null,
    };
    const html = renderStrict(
      'en',
      createElement(KitchenDisplay, {
        stations: [{ id: 's1', name: 'Kitchen', open: 1 }],
        station: { id: 's1', name: 'Kitchen', open: 1 },
        chosen: true,
        tickets: [ticket],
        canRecall: false,
        serverNow,
        businessName: 'Golden Cup',
        timeZone: 'Asia/Yangon',
        bumpAction: async () => null,
        recallAction: async () => null,
      }),
    );
    expect(html).toContain('12 min');
    expect(html).not.toContain('11 min');
  });
});
