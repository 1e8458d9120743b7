import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AuditTable } from '@/components/admin/audit/audit-table';
import { renderStrict } from '../i18n/render-strict';
import { changeRows, detailRows, entityOf, shortDevice, type AuditChangeT, type AuditWords, type OrderStatusT } from '@/components/admin/audit/format';
import type { AuditEventView } from '@/lib/auth';
import { formatsFor } from '@/lib/platform/formats';
import { translatorFor } from '@/lib/platform/i18n';
import type { Locale } from '@/lib/platform/locale';

/** The audit words as the page reads them in `locale` (money as an ISO code, as the tenant's default display). */
const wordsIn = (locale: Locale): AuditWords => ({
  t: translatorFor(locale, 'auditChange') as unknown as AuditChangeT,
  orders: translatorFor(locale, 'orders') as unknown as OrderStatusT,
  f: formatsFor(locale, 'code'),
});
const en = wordsIn('en');

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

const nbsp = '\u00a0'; // Intl puts a no-break space between code and amount

describe('the audit page’s formatting', () => {
  it('shows money in the tenant’s currency: MMK without minor units, USD with two', () => {
    expect(changeRows(refund.before, refund.after, 'MMK', en)).toContainEqual({ field: 'Refunded', from: `MMK${nbsp}0`, to: `MMK${nbsp}2,500` });
    expect(changeRows(refund.before, refund.after, 'USD', en)).toContainEqual({ field: 'Refunded', from: '$0.00', to: '$25.00' });
    expect(changeRows(refund.before, refund.after, 'USD', en)).toContainEqual({ field: 'Status', from: 'Paid', to: 'Partly refunded' });
  });

  it('splits prices by SKU, rates as percentages, a creation with only its new values', () => {
    expect(changeRows({ prices: { 'LAT-S': 400 } }, { prices: { 'LAT-S': 450 } }, 'USD', en)).toEqual([{ field: 'Price LAT-S', from: '$4.00', to: '$4.50' }]);
    expect(changeRows({ rateBasisPoints: 500 }, { rateBasisPoints: 750 }, 'USD', en)).toEqual([{ field: 'Rate', from: '5%', to: '7.5%' }]);
    expect(changeRows(null, { name: 'VAT', pin: 'set', active: true }, 'USD', en)).toEqual([
      { field: 'Name', from: '', to: 'VAT' },
      { field: 'PIN', from: '', to: 'PIN set' },
      { field: 'Active', from: '', to: 'Yes' },
    ]);
  });

  it('names a device shortly', () => {
    expect(shortDevice(refund.userAgent, en)).toBe('Chrome on Windows');
    expect(shortDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', en)).toBe('Safari on iOS');
    expect(shortDevice('curl/8.5.0', en)).toBe('curl/8.5.0');
    expect(shortDevice(null, en)).toBe('—');
  });

  it('renders a row: time in the store’s zone, who and who approved, the order linked, before → after, address and device', () => {
    const html = renderStrict('en', createElement(AuditTable, { rows: [refund], people: {}, timeZone: 'America/New_York', currency: 'MMK', formats: en.f }), { currencyDisplay: 'code' });
    expect(html).toContain('<time dateTime="2024-03-10T18:30:00.000Z">10 Mar 2024, 14:30:00</time>');
    expect(html).toContain('Cas Cashier');
    expect(html).toContain('approved by Mo Manager');
    expect(html).toContain(`href="/admin/orders/${refund.entityId}"`);
    expect(html).toContain('Order #12');
    expect(html).toMatch(/MMK\s0<.*changed to.*MMK\s2,500</);
    expect(html).toContain('203.0.113.7');
    expect(html).toContain('Chrome on Windows');
  });

  it('writes the change column in the reader’s language: field names, states, yes/no, details, what it was about, the device', () => {
    const my = wordsIn('my');
    expect(changeRows(refund.before, refund.after, 'MMK', my)).toEqual([
      { field: 'အခြေအနေ', from: 'ငွေပေးပြီး', to: 'တစ်စိတ်တစ်ပိုင်း ပြန်အမ်းပြီး' },
      { field: 'ပြန်အမ်းငွေ', from: `၀${nbsp}MMK`, to: `၂,၅၀၀${nbsp}MMK` },
    ]);
    expect(changeRows({ prices: { 'LAT-S': 400 } }, { prices: { 'LAT-S': 450 } }, 'MMK', my)).toEqual([{ field: 'စျေးနှုန်း LAT-S', from: `၄၀၀${nbsp}MMK`, to: `၄၅၀${nbsp}MMK` }]);
    expect(changeRows({ rateBasisPoints: 500, role: 'cashier', active: true, status: 'archived' }, { rateBasisPoints: 750, role: 'manager', active: false, status: 'active' }, 'MMK', my)).toEqual([
      { field: 'နှုန်း', from: '၅%', to: '၇.၅%' },
      { field: 'ရာထူး', from: 'ငွေကိုင်', to: 'မန်နေဂျာ' },
      { field: 'အသုံးပြုနေ', from: 'ဟုတ်', to: 'မဟုတ်' },
      { field: 'အခြေအနေ', from: 'သိမ်းဆည်းထား', to: 'အသုံးပြုနေ' },
    ]);
    expect(changeRows(null, { pin: 'set', legacyField: 'x' }, 'MMK', my)).toEqual([
      { field: 'PIN', from: '', to: 'PIN သတ်မှတ်ပြီး' },
      { field: 'legacyField', from: '', to: 'x' }, // a field this page has no name for, as recorded
    ]);
    expect(detailRows(refund, 'MMK', {}, my)).toEqual([
      { label: 'အကြောင်းရင်း', value: 'Cold' },
      { label: 'ပမာဏ', value: `၂,၅၀၀${nbsp}MMK` },
      { label: 'ပစ္စည်းများ', value: '၁ × Tea' },
    ]);
    const failed = { ...refund, action: 'auth.sign_in_failed', entityType: 'user', entityId: null, details: { reason: 'wrong_pin', method: 'pin' } };
    expect(detailRows(failed, 'MMK', {}, my)).toEqual([
      { label: 'အကြောင်းရင်း', value: 'PIN မှားသည်' },
      { label: 'နည်းလမ်း', value: 'PIN' },
    ]);
    expect(entityOf(refund, {}, my).text).toBe('အော်ဒါ #12');
    expect(entityOf(failed, {}, my).text).toBe('အကောင့် မရှိ');
    expect(shortDevice(refund.userAgent, my)).toBe('Windows ပေါ်ရှိ Chrome');
    expect(detailRows(failed, 'MMK', {}, en)).toEqual([
      { label: 'Reason', value: 'Wrong PIN' },
      { label: 'By', value: 'PIN' },
    ]);
  });
});
