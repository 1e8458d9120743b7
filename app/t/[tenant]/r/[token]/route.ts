import { publicReceipt } from '@/lib/orders';
import { escapeHtml } from '@/lib/platform/html';
import { findTenantBySlug, TENANT_HEADER } from '@/lib/tenancy';

/**
 * `/r/<token>` on a tenant's host: the one receipt the token opens, with no sign-in
 * (docs/receipts.md). proxy.ts rewrote the path into this segment with the host's slug; the
 * tenant is the host's, checked against the segment as the tenant layout does for pages, and the
 * token is looked up under that tenant's RLS only. An unknown or altered token and another
 * business's token are the same 404; a link past the business's period is a 410.
 */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // A receipt is one customer's: never kept by a shared cache, never indexed, never sent on as a Referer.
  'cache-control': 'private, no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
};

export async function GET(req: Request, { params }: { params: Promise<{ tenant: string; token: string }> }): Promise<Response> {
  const { tenant: slug, token } = await params;
  const host = req.headers.get(TENANT_HEADER); // set by proxy.ts from the Host header (a client's own is dropped)
  const tenant = host === slug ? await findTenantBySlug(slug) : null;
  if (!tenant || tenant.slug !== slug) return page(404, 'No such receipt', 'This link does not open a receipt. Check that it was typed or scanned in full.');
  const receipt = await publicReceipt(tenant, token);
  if (receipt.status === 'ok') return new Response(receipt.html, { headers: HEADERS });
  if (receipt.status === 'expired') return page(410, 'This receipt link has expired', `Receipts from ${tenant.name} stay online for a limited time. Ask ${tenant.name} for a copy.`);
  return page(404, 'No such receipt', 'This link does not open a receipt. Check that it was typed or scanned in full.');
}


function page(status: 404 | 410, title: string, message: string): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;color:#0f172a;max-width:32rem;margin:15vh auto;padding:0 1.5rem;text-align:center}p.s{font-weight:600;color:#b91c1c;font-size:.875rem}h1{font-size:1.75rem;margin:.25rem 0 .75rem}</style></head>
<body><main><p class="s">${status === 410 ? '410 · Expired' : '404 · Not found'}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  return new Response(html, { status, headers: HEADERS });
}
