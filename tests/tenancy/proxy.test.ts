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
