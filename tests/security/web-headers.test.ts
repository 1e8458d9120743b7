import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '@/lib/platform/security-headers';

describe('security headers', () => {
  const page = { path: '/admin', https: false, nonce: 'bm9uY2U=', dev: false };

  it("allows eval for React's dev tooling under next dev only", () => {
    expect(securityHeaders({ ...page, dev: true })['content-security-policy']).toContain("'unsafe-eval'");
    expect(securityHeaders(page)['content-security-policy']).not.toContain("'unsafe-eval'");
  });

  it('allows framing only of the receipt route that exists (moving it must move the rule)', () => {
    expect(existsSync('app/api/v1/orders/[id]/receipt/route.ts')).toBe(true);
    expect(securityHeaders({ ...page, path: '/api/v1/orders/abc/receipt' })['x-frame-options']).toBe('SAMEORIGIN');
    for (const path of ['/api/v1/orders/abc', '/api/v1/orders/abc/receipt/', '/register/receipt', '/api/v1/orders/a/b/receipt']) {
      expect(securityHeaders({ ...page, path })['x-frame-options'], path).toBe('DENY');
    }
  });

  it('lets pages show product photos from https addresses, never plain http, while scripts stay on the nonce', () => {
    const csp = securityHeaders(page)['content-security-policy'] ?? '';
    const img = csp.split('; ').find((d) => d.startsWith('img-src '))!.split(' ');
    expect(img).toContain('https:');
    expect(img).not.toContain('http:');
    expect(img).not.toContain('*');
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
  });
});
