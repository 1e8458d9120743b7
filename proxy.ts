import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER_NAME, REQUEST_ID_HEADER } from '@/lib/platform/headers';
import { config as appConfig } from '@/lib/platform/config';
import { isHttps, newNonce, securityHeaders } from '@/lib/platform/security-headers';
import { TENANT_HEADER, tenantSlugFromHost } from '@/lib/tenancy/host';

/**
 * Resolves the tenant from the Host header and routes every path of a tenant host into the
 * internal `app/t/[tenant]` segment. It does no authorization (the route wrapper and page
 * guards do): it only decides *which* tenant a request is for, and makes sure the client
 * cannot decide that instead. It also sets every response's security headers.
 */
const INTERNAL_SEGMENT = /^\/t(\/|$)/;
const CSP = 'content-security-policy';
/** Headers only this proxy may set: a client-supplied value is dropped. */
const TRUSTED_HEADERS = ['x-tenant-id', TENANT_HEADER, PATH_HEADER_NAME];
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function proxy(req: NextRequest): NextResponse {
  const url = req.nextUrl;
  const supplied = req.headers.get(REQUEST_ID_HEADER);
  const requestId = supplied && REQUEST_ID.test(supplied) ? supplied : crypto.randomUUID();
  const security = securityHeaders({ path: url.pathname, https: isHttps(req), nonce: newNonce(), dev: process.env.NODE_ENV === 'development' });

  const headers = new Headers(req.headers);
  for (const name of TRUSTED_HEADERS) headers.delete(name);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set(PATH_HEADER_NAME, url.pathname + url.search);
  // Next takes the nonce for its own scripts from the policy on the request (never the client's).
  headers.set(CSP, security[CSP]!);
  const respond = (res: NextResponse) => {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    for (const [name, value] of Object.entries(security)) res.headers.set(name, value);
    return res;
  };

  // Nobody reaches the internal segment by its own name, on any host: /t/acme/admin on the
  // root domain (or on another tenant's host) must never show acme.
  if (INTERNAL_SEGMENT.test(url.pathname)) {
    return respond(NextResponse.rewrite(new URL('/_internal-path', req.url), { status: 404, request: { headers } }));
  }

  const slug = tenantSlugFromHost(req.headers.get('host'), appConfig().ROOT_DOMAIN);
  if (!slug) return respond(NextResponse.next({ request: { headers } }));

  headers.set(TENANT_HEADER, slug);
  if (url.pathname.startsWith('/api/')) {
    return respond(NextResponse.next({ request: { headers } }));
  }
  const target = url.clone();
  target.pathname = `/t/${slug}${url.pathname === '/' ? '' : url.pathname}`;
  return respond(NextResponse.rewrite(target, { request: { headers } }));
}

export const config = {
  // Everything but Next's own static assets and the favicon (app/icon.svg, the same on every
  // host: on a tenant host it would otherwise be rewritten into /t/<slug>/ and not be found), the
  // web app manifest and the register's service worker at /serwist/ (docs/offline.md), likewise.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest|serwist/).*)'],
};
