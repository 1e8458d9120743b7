import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { renderStrict } from '../i18n/render-strict';
import { changeRows, shortDevice } from '@/components/admin/audit/format';
import type { AuditEventView } from '@/lib/auth';

/** How /admin/audit shows a row: money in the tenant's currency, nested maps per key, a short device, the approver and the order's link. */
const refund: AuditEventView = {
  id: '7d0c8d0e-0000-4000-8000-000000000001',
  at: '2024-03-10T18:30:00.000Z',
  action: 'order.refunded',
  label: 'Refunded',
  actor: { id: 'c', name: 'Cas Cashier' },
  approver: { id: 'm', name: 'Mo Manager' },
  entityType: 'order',
  entityId: '7d0c8d0e-0000-4000-8000-0000000000aa',
  before: { status: 'completed', refundedTotal: 0 },
  after: { status: 'partially_refunded', refundedTotal: 2500 },
  details: { number: 12, amount: 2500, reason: 'Cold', lines: [{ item: 'Tea', quantity: 1, amount: 2500 }] },
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  requestId: 'req-1',
};

describe('the audit page’s formatting', () => {
  it('shows money in the tenant’s currency: MMK without minor units, USD with two', () => {
    const nbsp = '\u00a0'; // Intl puts a no-break space between code and amount
    expect(changeRows(refund.before, refund.after, 'MMK')).toContainEqual({ field: 'Refunded', from: `MMK${nbsp}0`, to: `MMK${nbsp}2,500` });
    expect(changeRows(refund.before, refund.after, 'USD')).toContainEqual({ field: 'Refunded', from: '$0.00', to: '$25.00' });
    expect(changeRows(refund.before, refund.after, 'USD')).toContainEqual({ field: 'Status', from: 'Paid', to: 'Partly refunded' });
  });

  it('splits prices by SKU, rates as percentages, a creation with only its new values', () => {
    expect(changeRows({ prices: { 'LAT-S': 400 } }, { prices: { 'LAT-S': 450 } }, 'USD')).toEqual([{ field: 'Price LAT-S', from: '$4.00', to: '$4.50' }]);
    expect(changeRows({ rateBasisPoints: 500 }, { rateBasisPoints: 750 }, 'USD')).toEqual([{ field: 'Rate', from: '5%', to: '7.5%' }]);
    expect(changeRows(null, { name: 'VAT', pin: 'set', active: true }, 'USD')).toEqual([
      { field: 'Name', from: '', to: 'VAT' },
      { field: 'PIN', from: '', to: 'PIN set' },
      { field: 'Active', from: '', to: 'Yes' },
    ]);
  });

  it('names a device shortly', () => {
    expect(shortDevice(refund.userAgent)).toBe('Chrome on Windows');
    expect(shortDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari on iOS');
    expect(shortDevice('curl/8.5.0')).toBe('curl/8.5.0');
    expect(shortDevice(null)).toBe('—');
  });

  it('renders a row: time in the store’s zone, who and who approved, the order linked, before → after, address and device', () => {
    const html = renderStrict('en', createElement(AuditTable, { rows: [refund], people: {}, timeZone: 'America/New_York', currency: 'MMK' }), { currencyDisplay: 'code' });
    expect(html).toContain('<time dateTime="2024-03-10T18:30:00.000Z">10 Mar 2024, 14:30:00</time>');
    expect(html).toContain('Cas Cashier');
    expect(html).toContain('approved by Mo Manager');
    expect(html).toContain(`href="/admin/orders/${refund.entityId}"`);
    expect(html).toContain('Order #12');
    expect(html).toMatch(/MMK\s0<.*changed to.*MMK\s2,500</);
    expect(html).toContain('203.0.113.7');
    expect(html).toContain('Chrome on Windows');
  });
});
