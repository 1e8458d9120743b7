import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER_NAME, REQUEST_ID_HEADER } from '@/lib/platform/headers';
import { config as appConfig } from '@/lib/platform/config';
import { TENANT_HEADER, tenantSlugFromHost } from '@/lib/tenancy/host';

/**
 * Resolves the tenant from the Host header and routes every path of a tenant host into the
 * internal `app/t/[tenant]` segment. It does no authorization (the route wrapper and page
 * guards do): it only decides *which* tenant a request is for, and makes sure the client
 * cannot decide that instead.
 */
const INTERNAL_SEGMENT = /^\/t(\/|$)/;
/** Headers only this proxy may set: a client-supplied value is dropped. */
const TRUSTED_HEADERS = ['x-tenant-id', TENANT_HEADER, PATH_HEADER_NAME];
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function proxy(req: NextRequest): NextResponse {
  const url = req.nextUrl;
  const supplied = req.headers.get(REQUEST_ID_HEADER);
  const requestId = supplied && REQUEST_ID.test(supplied) ? supplied : crypto.randomUUID();

  // Nobody reaches the internal segment by its own name, on any host: /t/acme/admin on the
  // root domain (or on another tenant's host) must never show acme.
  if (INTERNAL_SEGMENT.test(url.pathname)) {
    return withRequestId(NextResponse.rewrite(new URL('/_internal-path', req.url), { status: 404 }), requestId);
  }

  const headers = new Headers(req.headers);
  for (const name of TRUSTED_HEADERS) headers.delete(name);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(PATH_HEADER_NAME, url.pathname + url.search);

  const slug = tenantSlugFromHost(req.headers.get('host'), appConfig().ROOT_DOMAIN);
  if (!slug) return withRequestId(NextResponse.next({ request: { headers } }), requestId);

  headers.set(TENANT_HEADER, slug);
  if (url.pathname.startsWith('/api/')) {
    return withRequestId(NextResponse.next({ request: { headers } }), requestId);
  }
  const target = url.clone();
  target.pathname = `/t/${slug}${url.pathname === '/' ? '' : url.pathname}`;
  return withRequestId(NextResponse.rewrite(target, { request: { headers } }), requestId);
}

function withRequestId(res: NextResponse, requestId: string): NextResponse {
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

export const config = {
  // Everything but Next's own static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
