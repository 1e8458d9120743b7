import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as receipt from '@/app/api/v1/orders/[id]/receipt/route';
import * as orders from '@/app/api/v1/orders/route';
import * as publicLink from '@/app/t/[tenant]/r/[token]/route';
import { receiptLinks } from '@/db/schema/orders';
import { receiptText, receiptToken } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { TENANT_HEADER, updateTenantSettings } from '@/lib/tenancy';
import { apiRequest, contextOf, createStockedProduct, createTenant, json, mainLocation, noParams, segment, type TestTenant } from '../helpers';

/**
 * The public receipt link (docs/receipts.md): `/r/<token>` on the tenant's host opens that one
 * order's receipt with no sign-in; a guessed or altered token, another business's token and a
 * link past the business's period open nothing.
 */
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant({ currency: 'USD' }), createTenant({ currency: 'USD' })]);
  await Promise.all([mainLocation(a), mainLocation(b)]);
});

/** A placed order of `t` for one unit of a new product called `name`. */
async function orderOf(t: TestTenant, name: string): Promise<{ id: string; number: number }> {
  const product = await createStockedProduct(t, { trackStock: false, name });
  const res = await json(await orders.POST(await apiRequest('POST', '/api/v1/orders', { host: t.tenant, as: t.cashier, body: { type: 'retail', lines: [{ variantId: product.variants[0]!.id, quantity: 1 }] } }), noParams));
  expect(res.status).toBe(201);
  return res.body;
}

/** The printed receipt as the register gets it, and the link token it prints. */
async function printed(t: TestTenant, orderId: string): Promise<{ html: string; token: string }> {
  const res = await receipt.GET(await apiRequest('GET', `/api/v1/orders/${orderId}/receipt`, { host: t.tenant, as: t.cashier }), segment({ id: orderId }));
  expect(res.status).toBe(200);
  const html = await res.text();
  const token = /http:\/\/app\.test\/r\/([A-Za-z0-9_-]+)/.exec(html)?.[1];
  expect(token).toBeDefined();
  return { html, token: token! };
}

/** `/r/<token>` as proxy.ts hands it on: the host's slug in the trusted header and in the rewritten path. */
const open = (host: TestTenant, token: string, segmentSlug = host.tenant.slug) =>
  publicLink.GET(new Request(`http://app.test/t/${segmentSlug}/r/${token}`, { headers: { [TENANT_HEADER]: host.tenant.slug } }), segment({ tenant: segmentSlug, token }));

describe('the printed receipt', () => {
  it('prints its public link on the tenant host and a QR code of it, the same link on every reprint', async () => {
    const order = await orderOf(a, 'Mohinga');
    const first = await printed(a, order.id);
    expect(first.html).toContain('<svg');
    expect(first.html).toMatch(/aria-label="QR code of this receipt online"/);
    expect(first.token).toHaveLength(43); // 256 bits, base64url
    expect((await printed(a, order.id)).token).toBe(first.token);
    // Only a hash is stored: the table holds nothing that opens the receipt.
    const [row] = await withTenant(a.tenant.id, (tx) => tx.select().from(receiptLinks).where(eq(receiptLinks.orderId, order.id)));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.tokenHash).not.toContain(first.token);
  });

  it('has a text version with the same rows (the email’s text part)', async () => {
    const order = await orderOf(a, 'Shan noodles');
    const text = receiptText((await printed(a, order.id)).html);
    expect(text).toContain(`Order #${order.number}`);
    expect(text).toMatch(/^1 × Shan noodles.* +\$1\.00$/m);
    expect(text).toMatch(/^Total +\$1\.00$/m);
    expect(text).toContain('/r/');
    expect(text).not.toMatch(/<|&amp;/);
  });
});

describe('GET /r/<token>', () => {
  it('shows that one order’s receipt and nothing else, with no sign-in', async () => {
    const mine = await orderOf(a, 'Tea leaf salad');
    const other = await orderOf(a, 'Samosa soup');
    const { token } = await printed(a, mine.id);
    await printed(a, other.id);
    const res = await open(a, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const html = await res.text();
    expect(html).toContain(`Order #${mine.number}`);
    expect(html).toContain('Tea leaf salad');
    expect(html).not.toContain('Samosa soup');
    expect(html).not.toContain(`Order #${other.number}<`);
    expect(html.match(/<body>/g)).toHaveLength(1);
  });

  it('answers 404 to a guessed, altered or malformed token', async () => {
    const order = await orderOf(a, 'Falooda');
    const { token } = await printed(a, order.id);
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const guess of [altered, receiptToken(a.tenant.id, crypto.randomUUID()), 'x'.repeat(43), 'short', `${token}x`, order.id]) {
      const res = await open(a, guess);
      expect(res.status, guess).toBe(404);
      expect(await res.text()).not.toContain('Falooda');
    }
  });

  it('answers 404 to tenant A’s token on tenant B’s host, and to a path that names another tenant than the host', async () => {
    const order = await orderOf(a, 'Mont lin ma yar');
    const { token } = await printed(a, order.id);
    const onB = await open(b, token);
    expect(onB.status).toBe(404);
    expect(await onB.text()).not.toContain('Mont lin ma yar');
    expect((await open(b, token, a.tenant.slug)).status).toBe(404); // B's host, A's segment (proxy would never do that)
    expect((await open(a, token)).status).toBe(200);
  });

  it('refuses a link past the tenant’s period with 410, and opens it again when the period is longer', async () => {
    const order = await orderOf(a, 'Htamin jin');
    const { token } = await printed(a, order.id);
    await withTenant(a.tenant.id, (tx) => tx.execute(sql`update orders set placed_at = now() - interval '3 days', created_at = now() - interval '3 days' where id = ${order.id}`));
    await updateTenantSettings(contextOf(a), { receiptLinkDays: 2 });
    const expired = await open(a, token);
    expect(expired.status).toBe(410);
    const page = await expired.text();
    expect(page).toContain('expired');
    expect(page).not.toContain('Htamin jin');
    await updateTenantSettings(contextOf(a), { receiptLinkDays: 90 });
    expect((await open(a, token)).status).toBe(200);
  });
});
