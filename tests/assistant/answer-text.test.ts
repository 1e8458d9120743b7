import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AnswerText, isAdminLink } from '@/components/admin/assistant/answer-text';
import { ToolCard } from '@/components/admin/assistant/tool-card';
import { renderStrict } from '../i18n/render-strict';

const render = (text: string) => renderToStaticMarkup(createElement(AnswerText, { text }));

describe('an assistant answer as the chat shows it', () => {
  it('turns a cited figure into a link to the admin page it came from, and keeps the lines', () => {
    const html = render('Net sales for 2026-12-01: [$9.00](/admin/reports/sales-summary?from=2026-12-01&to=2026-12-01) from 1 order.\n1. [#12](/admin/orders/abc)');
    expect(html).toBe(
      '<p class="whitespace-pre-line">Net sales for 2026-12-01: <a class="font-semibold text-brand-700 underline" href="/admin/reports/sales-summary?from=2026-12-01&amp;to=2026-12-01">$9.00</a> from 1 order.\n1. <a class="font-semibold text-brand-700 underline" href="/admin/orders/abc">#12</a></p>',
    );
  });

  it.each([
    ['[click](javascript:alert(1))'],
    ['[click](javascript:alert`1`)'],
    ['[acme](https://evil.example/admin/orders)'],
    ['[x](//evil.example/admin/)'],
    ['[x](/\\evil.example)'],
    ['[x](/api/v1/orders)'],
    ['[x](/admin/../api/v1/orders)'],
    ['[x](/administrator)'],
  ])('leaves %s as plain text', (text) => {
    expect(render(`See ${text}.`)).toBe(`<p class="whitespace-pre-line">See ${text}.</p>`);
  });

  it('renders no HTML or other markdown the text carries', () => {
    const html = render('**bold** <img src=x onerror=alert(1)> [ok](/admin/stock)');
    expect(html).toContain('**bold** &lt;img src=x onerror=alert(1)&gt; <a');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('allows only paths under /admin/', () => {
    expect(['/admin/stock', '/admin/orders?status=unpaid'].every(isAdminLink)).toBe(true);
    expect(['/admin', 'admin/stock', 'https://x/admin/', '/admin/a b', undefined, 3].some(isAdminLink)).toBe(false);
  });
});

describe('the tool card', () => {
  it('links the page its figures come from, and names both periods of a comparison', () => {
    const output = {
      currency: 'USD',
      period: { from: '2026-11-30', to: '2026-12-01', net: 900, orders: 1, averageTicket: 900 },
      against: { from: '2026-11-23', to: '2026-11-29', net: 0, orders: 0, averageTicket: 0 },
      change: { net: 900, orders: 1, averageTicket: 900, netBasisPoints: null },
      link: '/admin/reports/sales-summary?from=2026-11-30&to=2026-12-01',
    };
    const html = renderStrict('en', createElement(ToolCard, { tool: 'comparePeriods', state: 'output-available', input: { period: output.period, against: output.against }, output, currency: 'USD' }));
    expect(html).toContain('Comparison');
    expect(html).toContain('2026-11-30 – 2026-12-01 vs 2026-11-23 – 2026-11-29');
    expect(html).toContain('$9.00 vs $0.00');
    expect(html).toContain('href="/admin/reports/sales-summary?from=2026-11-30&amp;to=2026-12-01">Open report</a>');
    const foreign = renderStrict('en', createElement(ToolCard, { tool: 'salesSummary', state: 'output-available', input: {}, output: { link: 'https://evil.example' }, currency: 'USD' }));
    expect(foreign).not.toContain('Open report');
  });
});
