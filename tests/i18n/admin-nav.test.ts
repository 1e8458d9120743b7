import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AdminNav } from '@/components/admin/admin-nav';
import { renderStrict } from './render-strict';

vi.mock('next/navigation', () => ({ usePathname: () => '/admin' }));

/**
 * The admin nav's badges, in both languages: offline sales waiting on Orders, and webhook
 * endpoints turned off for failing 24 hours on Developers — how an owner is told on every admin
 * page, besides the mail and the webhooks page's banner (docs/api.md › Failing 24 h).
 */
const nav = (webhooksOff: number) => createElement(AdminNav, { developers: true, attention: 0, webhooksOff });

describe('the admin nav', () => {
  it('counts turned-off webhook endpoints on Developers, in words for screen readers', () => {
    const html = renderStrict('en', nav(2));
    expect(html).toContain('data-testid="webhooks-off-badge"');
    expect(html).toContain('2 webhook endpoints were turned off: failing for 24 hours');
    expect(renderStrict('en', nav(1))).toContain('1 webhook endpoint was turned off: failing for 24 hours');
  });

  it('says it in Burmese', () => {
    const html = renderStrict('my', nav(1));
    expect(html).toContain('ပိတ်ထားသော webhook လိပ်စာ');
    expect(html).not.toContain('turned off');
  });

  it('shows no badge when every endpoint is on', () => {
    expect(renderStrict('en', nav(0))).not.toContain('webhooks-off-badge');
  });
});
