import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const rewriteOf = (res: Response) => res.headers.get('x-middleware-rewrite');
/** The request headers proxy passes on to the app (Next encodes them on the response). */
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

function request(url: string, headers: Record<string, string> = {}) {
  const { host } = new URL(url);
  return new NextRequest(url, { headers: { host, ...headers } });
}

describe('proxy', () => {
  it('rewrites every path of a tenant host into the internal segment', () => {
    for (const [path, internal] of [
      ['/', '/t/acme'],
      ['/admin', '/t/acme/admin'],
      ['/admin/staff?x=1', '/t/acme/admin/staff?x=1'],
      ['/register', '/t/acme/register'],
    ] as const) {
      const res = proxy(request(`http://acme.localhost:3000${path}`));
      const target = new URL(rewriteOf(res)!);
      expect(target.pathname + target.search).toBe(internal);
      expect(forwarded(res, 'x-tenant-slug')).toBe('acme');
    }
  });

  it('leaves API paths in place but tells them the tenant', () => {
    const res = proxy(request('http://acme.localhost:3000/api/v1/staff'));
    expect(rewriteOf(res)).toBeNull();
    expect(forwarded(res, 'x-tenant-slug')).toBe('acme');
  });

  it('drops tenant headers a client tries to supply', () => {
    const root = proxy(request('http://localhost:3000/api/v1/staff', { 'x-tenant-slug': 'acme', 'x-tenant-id': 'x' }));
    expect(forwarded(root, 'x-tenant-slug')).toBeNull();
    expect(forwarded(root, 'x-tenant-id')).toBeNull();
    const other = proxy(request('http://demo.localhost:3000/api/v1/staff', { 'x-tenant-slug': 'acme', 'x-tenant-id': 'x' }));
    expect(forwarded(other, 'x-tenant-slug')).toBe('demo');
    expect(forwarded(other, 'x-tenant-id')).toBeNull();
  });

  it('answers 404 to the internal segment named directly, on any host', () => {
    for (const url of ['http://localhost:3000/t/acme/admin', 'http://demo.localhost:3000/t/acme/admin', 'http://localhost:3000/t']) {
      const res = proxy(request(url));
      expect(res.status).toBe(404);
      expect(new URL(rewriteOf(res)!).pathname).not.toMatch(/^\/t\//);
    }
  });

  it('serves the root domain as is', () => {
    const res = proxy(request('http://localhost:3000/signup'));
    expect(rewriteOf(res)).toBeNull();
    expect(forwarded(res, 'x-tenant-slug')).toBeNull();
  });

  it('accepts a sane x-request-id and generates one otherwise', () => {
    const kept = proxy(request('http://localhost:3000/', { 'x-request-id': 'req-123' }));
    expect(kept.headers.get('x-request-id')).toBe('req-123');
    const replaced = proxy(request('http://localhost:3000/', { 'x-request-id': 'bad id with spaces' }));
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers', () => {
  const csp = (res: Response) => res.headers.get('content-security-policy') ?? '';
  const directive = (policy: string, name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.split(' ')[0] === name);
  const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(directive(policy, 'script-src') ?? '')?.[1];

  it('gives every page a nonce-based CSP, and hands the same policy to Next so its scripts carry the nonce', () => {
    for (const url of ['http://acme.localhost:3000/admin', 'http://acme.localhost:3000/signin?callbackUrl=/admin', 'http://localhost:3000/', 'http://localhost:3000/signup']) {
      const res = proxy(request(url));
      const policy = csp(res);
      expect(nonceOf(policy), url).toBeTruthy();
      expect(directive(policy, 'script-src')).toContain("'strict-dynamic'");
      expect(directive(policy, 'script-src')).not.toContain('unsafe-inline');
      expect(directive(policy, 'script-src')).not.toContain('unsafe-eval');
      expect(directive(policy, 'object-src')).toBe("object-src 'none'");
      expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
      expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(forwarded(res, 'content-security-policy')).toBe(policy);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('makes a fresh nonce for every request, whatever the client sent', () => {
    const nonces = new Set(Array.from({ length: 5 }, () => nonceOf(csp(proxy(request('http://acme.localhost:3000/register'))))));
    expect(nonces.size).toBe(5);
    const res = proxy(request('http://acme.localhost:3000/register', { 'content-security-policy': "script-src 'nonce-chosen-by-client'" }));
    expect(forwarded(res, 'content-security-policy')).not.toContain('chosen-by-client');
  });

  it('sets nosniff, a referrer policy and a permissions policy on pages and API responses alike', () => {
    for (const url of ['http://acme.localhost:3000/', 'http://acme.localhost:3000/api/v1/staff', 'http://localhost:3000/api/health', 'http://localhost:3000/t/acme']) {
      const res = proxy(request(url));
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('permissions-policy'), url).toContain('camera=()');
      expect(csp(res), url).toContain("frame-ancestors 'none'");
    }
  });

  it('gives API responses a policy that lets them load and run nothing', () => {
    const res = proxy(request('http://acme.localhost:3000/api/v1/orders'));
    expect(csp(res)).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets only the register frame the receipt, with its inline styles', () => {
    const res = proxy(request('http://acme.localhost:3000/api/v1/orders/0b6f3a52-8a2c-4c1e-9d8e-2f5d5f0b7a11/receipt'));
    const policy = csp(res);
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive(policy, 'style-src')).toBe("style-src 'unsafe-inline'");
    expect(directive(policy, 'default-src')).toBe("default-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const other = proxy(request('http://acme.localhost:3000/api/v1/orders/0b6f3a52-8a2c-4c1e-9d8e-2f5d5f0b7a11/receipt/x'));
    expect(csp(other)).toContain("frame-ancestors 'none'");
  });

  it('sends HSTS (and upgrades insecure requests) only when the request came over https', () => {
    const http = proxy(request('http://acme.localhost:3000/admin'));
    expect(http.headers.get('strict-transport-security')).toBeNull();
    expect(csp(http)).not.toContain('upgrade-insecure-requests');
    for (const res of [
      proxy(request('http://acme.example.com/admin', { 'x-forwarded-proto': 'https' })),
      proxy(request('https://acme.example.com/api/v1/staff')),
    ]) {
      expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    }
    expect(csp(proxy(request('http://acme.example.com/admin', { 'x-forwarded-proto': 'https' })))).toContain('upgrade-insecure-requests');
  });

  it('renders the 404 for the internal segment under the same page policy', () => {
    const res = proxy(request('http://demo.localhost:3000/t/acme/admin', { 'x-tenant-slug': 'acme' }));
    expect(res.status).toBe(404);
    expect(nonceOf(csp(res))).toBeTruthy();
    expect(forwarded(res, 'content-security-policy')).toBe(csp(res));
    expect(forwarded(res, 'x-tenant-slug')).toBeNull();
  });
});
