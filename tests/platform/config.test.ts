import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/lib/platform/config';

describe('config', () => {
  it('has working defaults for the embedded demo', () => {
    const c = parseConfig({});
    expect(c.ROOT_DOMAIN).toBe('localhost:3000');
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PGLITE_DIR).toBe('.data/pglite');
    expect(c.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(c.authSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('names every bad variable in one clear error', () => {
    const attempt = () =>
      parseConfig({
        NODE_ENV: 'production',
        PORT: 'eighty',
        DATABASE_URL: 'not a url',
        UPSTASH_REDIS_REST_URL: 'https://x.upstash.io',
        SESSION_MAX_AGE_HOURS: '24',
        NEXTAUTH_URL: 'http://localhost:3000',
      });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const name of ['PORT', 'DATABASE_URL', 'UPSTASH_REDIS_REST_TOKEN', 'SESSION_MAX_AGE_HOURS', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL']) {
      expect(message).toContain(name);
    }
  });

  it('requires a real secret in production', () => {
    expect(() => parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
    const secret = 'x'.repeat(40);
    expect(parseConfig({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret }).authSecret).toBe(secret);
  });
});
