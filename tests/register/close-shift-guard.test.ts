import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { QueuedSale } from '@/components/register/offline-queue';
import en from '@/messages/en.json';
import { renderStrict } from '../i18n/render-strict';

/**
 * The shift screen's guard (docs/offline.md): while this device still holds sales of the shift that
 * it made offline, closing the shift is refused on the screen — the server would refuse those sales
 * after the close. Which sales hold it (`queuedForShift`, over the device's queue: here an in-memory
 * stand-in for IndexedDB), and what the screen does with the count (`CloseShiftSteps`).
 */
let stored: Partial<QueuedSale>[] = [];
vi.mock('idb', () => ({ openDB: async () => ({ getAll: async (store: string) => (store === 'sales' ? stored : []) }) }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh() {}, replace() {}, push() {} }), usePathname: () => '/register/shift' }));

const { queuedForShift } = await import('@/components/register/offline-queue');
const { CloseShiftSteps } = await import('@/components/register/shift/close-shift');

const SHIFT = '00000000-0000-4000-8000-00000000000a';
const OTHER_SHIFT = '00000000-0000-4000-8000-00000000000b';
const sale = (key: string, state: QueuedSale['state'], shiftId: string | undefined): Partial<QueuedSale> => ({ key, state, body: { type: 'retail', shiftId, lines: [] } });

describe('which sales on this device hold the shift open', () => {
  it('counts the sales of this shift still waiting to be sent; not those sent, refused (they need a manager, not this shift), or of another shift', async () => {
    stored = [
      sale('a', 'queued', SHIFT),
      sale('b', 'queued', SHIFT),
      sale('c', 'synced', SHIFT),
      sale('d', 'refused', SHIFT),
      sale('e', 'queued', OTHER_SHIFT),
      sale('f', 'queued', undefined),
    ];
    expect(await queuedForShift(SHIFT)).toBe(2);
    expect(await queuedForShift(OTHER_SHIFT)).toBe(1);
    stored = [sale('c', 'synced', SHIFT)];
    expect(await queuedForShift(SHIFT)).toBe(0);
  });
});

describe('the close screen', () => {
  const steps = (waitingOffline: number) =>
    createElement(CloseShiftSteps, {
      shiftId: SHIFT,
      approvers: [],
      expectedCash: 10_000,
      currency: 'MMK',
      canSeeOrders: true,
      onReview: async () => {},
      onClosed: () => {},
      closeShiftAction: async () => null,
      waitingOffline,
    });
  const checkButton = (html: string) => html.match(new RegExp(`<button[^>]*>${en.shift.checkCount}</button>`))?.[0];

  it('says how many sales wait and will not go on to the count while any do, in English and Burmese', () => {
    const html = renderStrict('en', steps(2));
    expect(html).toContain('data-testid="close-offline-waiting"');
    expect(html).toContain('2 sales made offline on this register are still waiting to be sent');
    expect(checkButton(html)).toMatch(/disabled=""/);
    const one = renderStrict('en', steps(1));
    expect(one).toContain('1 sale made offline on this register is still waiting');
    const burmese = renderStrict('my', steps(2));
    expect(burmese).toContain('data-testid="close-offline-waiting"');
    expect(burmese).toMatch(/disabled=""/);
  });

  it('lets the count go on once none wait', () => {
    const html = renderStrict('en', steps(0));
    expect(html).not.toContain('close-offline-waiting');
    expect(checkButton(html)).toBeDefined();
    expect(checkButton(html)).not.toMatch(/disabled=""/);
  });
});
