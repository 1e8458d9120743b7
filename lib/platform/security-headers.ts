/**
 * The security headers of every response, decided in one place (proxy.ts applies them; Next
 * keeps a header the proxy set even when a route handler sets it again).
 *
 * - Pages: a CSP whose scripts need this request's nonce. Next reads the nonce from the same
 *   policy on the request and puts it on its own scripts; 'strict-dynamic' lets those load
 *   their chunks. Pages must render per request for that (the root layout makes sure).
 *   Styles allow 'unsafe-inline': React's `style` attributes cannot carry a nonce, and a
 *   style-src nonce would switch 'unsafe-inline' off. The risk kept is small: React escapes
 *   what we render, and CSS can restyle a page but not run script.
 * - Images also from any https address: product photos are addresses the catalog was given
 *   (Admin → Catalog, CSV import), shown on the register's tiles. An image cannot run script,
 *   and script stays locked to the nonce, so nothing injected could use one to send data out.
 * - API responses: JSON loads and runs nothing, so `default-src 'none'`. The one exception is
 *   the receipt, HTML with inline styles that the register shows in a frame.
 * - Framing is refused everywhere (CSP frame-ancestors, and X-Frame-Options for old browsers)
 *   except the receipt, which its own origin may frame.
 * - HSTS and upgrade-insecure-requests only on https: over plain http (local development)
 *   browsers ignore HSTS, and the upgrade would send every script and stylesheet to an https
 *   port nobody listens on.
 */
export type SecurityContext = { path: string; https: boolean; nonce: string; dev: boolean };

/** API paths the app itself shows in a frame (the register's receipt dialog). */
const FRAMABLE = [/^\/api\/v1\/orders\/[^/]+\/receipt$/];

const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const policy = (directives: (string | false)[]) => directives.filter(Boolean).join('; ');

function pagePolicy({ https, nonce, dev }: SecurityContext): string {
  return policy([
    "default-src 'self'",
    // React rebuilds server error stacks with eval in development only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    https && 'upgrade-insecure-requests',
  ]);
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  const api = context.path.startsWith('/api/');
  const framable = api && FRAMABLE.some((p) => p.test(context.path));
  const csp = !api
    ? pagePolicy(context)
    : framable
      ? "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
      : "default-src 'none'; frame-ancestors 'none'";
  return {
    ...COMMON,
    'content-security-policy': csp,
    'x-frame-options': framable ? 'SAMEORIGIN' : 'DENY',
    ...(context.https && { 'strict-transport-security': 'max-age=63072000; includeSubDomains' }),
  };
}

/** A fresh, unguessable nonce (128 random bits, base64) for one page request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Where a request came in: the scheme the client used (a TLS-terminating proxy says so in
 * `x-forwarded-proto`) and the Host header, which is also what decides the tenant.
 */
export function isHttps(req: Request): boolean {
  const forwarded = req.headers.get('x-forwarded-proto');
  if (forwarded) return forwarded.split(',')[0]!.trim().toLowerCase() === 'https';
  return new URL(req.url).protocol === 'https:';
}

export function requestOrigin(req: Request): string {
  return `${isHttps(req) ? 'https' : 'http'}://${req.headers.get('host') ?? new URL(req.url).host}`;
}
