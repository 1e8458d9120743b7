import { describe, expect, it } from 'vitest';
import { tenantHost, tenantSlugFromHost } from '@/lib/tenancy/host';
import { fieldErrorsOf } from '@/lib/platform/errors';
import { slugSchema } from '@/lib/tenancy/slug';

describe('tenantSlugFromHost', () => {
  it.each([
    ['demo.localhost:3000', 'localhost:3000', 'demo'],
    ['demo.localhost:3100', 'localhost:3000', 'demo'], // the port does not matter
    ['DEMO.LocalHost:3000', 'localhost:3000', 'demo'],
    ['localhost:3000', 'localhost:3000', null],
    ['localhost', 'localhost:3000', null],
    ['www.example.com', 'example.com', null],
    ['example.com', 'example.com', null],
    ['acme.example.com', 'example.com', 'acme'],
    ['acme.example.com.', 'example.com', 'acme'],
    ['a.b.example.com', 'example.com', 'a.b'], // not a valid slug: no tenant matches → 404
    ['evil.com', 'example.com', null],
    ['notexample.com', 'example.com', null],
    ['127.0.0.1:3000', 'localhost:3000', null],
    ['[::1]:3000', 'localhost:3000', null],
    ['', 'localhost:3000', null],
    [null, 'localhost:3000', null],
  ])('%s under %s → %s', (host, root, expected) => {
    expect(tenantSlugFromHost(host, root)).toBe(expected);
  });
});

describe('tenantHost', () => {
  it('keeps the port of the request host', () => {
    expect(tenantHost('acme', 'localhost:3000', 'localhost:3100')).toBe('acme.localhost:3100');
    expect(tenantHost('acme', 'example.com', 'example.com')).toBe('acme.example.com');
    expect(tenantHost('acme', 'localhost:3000')).toBe('acme.localhost:3000');
  });
});

describe('slugSchema', () => {
  it.each(['abc', 'golden-cup', 'shop42', 'a1b'])('accepts %s', (slug) => {
    expect(slugSchema.parse(slug)).toBe(slug);
  });

  it('normalises case and spaces', () => {
    expect(slugSchema.parse('  Golden-Cup ')).toBe('golden-cup');
  });

  it.each([
    ['ab', 'at least 3'],
    ['-abc', 'Start and end'],
    ['abc-', 'Start and end'],
    ['a--b', 'two hyphens'],
    ['a_b', 'only letters'],
    ['a.b', 'only letters'],
    ['www', 'reserved'],
    ['api', 'reserved'],
    ['admin', 'reserved'],
    ['app', 'reserved'],
    ['x'.repeat(33), 'at most 32'],
  ])('rejects %s (%s)', (slug, message) => {
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(' ')).toContain(message);
  });
  // The form shows one message per field: the first. An empty or short address used to read
  // "Start and end with a letter or digit" (the last of three failed checks).
  it.each([
    ['', 'Enter a store address'],
    ['   ', 'Enter a store address'],
    ['a', 'Use at least 3 characters'],
    ['ab', 'Use at least 3 characters'],
    ['-ab', 'Start and end with a letter or digit'],
  ])('says what to fix first for %j: %s', (slug, message) => {
    const result = slugSchema.safeParse(slug);
    expect(result.error?.issues[0]?.message).toBe(message);
    expect(fieldErrorsOf(result.error!.issues.map((i) => ({ ...i, path: ['slug'] })))).toEqual({ slug: message });
  });
});
