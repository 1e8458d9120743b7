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

  it('reads the pooler and NATS settings (docs/scaling.md)', () => {
    expect(parseConfig({})).toMatchObject({ DATABASE_PREPARE: true, NATS_SUBJECT_PREFIX: 'tillwise', NATS_STREAM: 'TILLWISE' });
    expect(parseConfig({}).NATS_URL).toBeUndefined();
    expect(parseConfig({ DATABASE_PREPARE: 'false', NATS_URL: 'nats://127.0.0.1:4222', NATS_SUBJECT_PREFIX: 'acme.pos' })).toMatchObject({
      DATABASE_PREPARE: false,
      NATS_URL: 'nats://127.0.0.1:4222',
      NATS_SUBJECT_PREFIX: 'acme.pos',
    });
    // A wildcard or empty token in the prefix would make the relay publish where no stream listens.
    for (const env of [{ DATABASE_PREPARE: 'no' }, { NATS_URL: 'http://127.0.0.1:4222' }, { NATS_SUBJECT_PREFIX: 'tillwise.>' }, { NATS_SUBJECT_PREFIX: 'a..b' }, { NATS_STREAM: 'TILL.WISE' }]) {
      expect(() => parseConfig(env), JSON.stringify(env)).toThrow(ConfigError);
    }
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
    expect(() => parseConfig({ ...production, NEXTAUTH_SECRET: 'short' })).toThrow(/at least 32/);
    expect(parseConfig(production).authSecret).toBe(production.NEXTAUTH_SECRET);
  });

  it('accepts the development secret only in development or test on a loopback root domain', () => {
    const devSecret = parseConfig({}).authSecret;
    for (const NODE_ENV of ['development', 'test']) {
      for (const ROOT_DOMAIN of ['localhost', 'localhost:3000', 'demo.localhost:3000', '127.0.0.1:8080']) {
        expect(parseConfig({ NODE_ENV, ROOT_DOMAIN }).authSecret).toBe(devSecret);
      }
      for (const ROOT_DOMAIN of ['shop.example.com', 'localhost.example.com:3000', '10.0.0.5:3000']) {
        expect(configErrors({ NODE_ENV, ROOT_DOMAIN })).toContain('NEXTAUTH_SECRET: is required');
      }
    }
    // Given explicitly, it is refused wherever it would not be the default.
    expect(configErrors({ ...production, NEXTAUTH_SECRET: devSecret })).toContain('NEXTAUTH_SECRET: must not be the development secret');
    expect(configErrors({ ...production, NEXTAUTH_SECRET: undefined, AUTH_SECRET: devSecret })).toContain('AUTH_SECRET: must not be the development secret');
    expect(configErrors({ ROOT_DOMAIN: 'shop.example.com', NEXTAUTH_SECRET: devSecret })).toContain('NEXTAUTH_SECRET: must not be the development secret');
    expect(configErrors({ ...production, TILLWISE_DEMO: 'true', ROOT_DOMAIN: 'localhost:3000', NEXTAUTH_SECRET: devSecret })).toContain(
      'NEXTAUTH_SECRET: must not be the development secret',
    );
  });

  it('refuses the simulator’s public test key in production, except in the demo', () => {
    for (const env of [{ ...production, PAYMENT_GATEWAY_KEY: undefined }, { ...production, PAYMENT_GATEWAY_KEY: 'sk_test_tillwise' }]) {
      expect(configErrors(env)).toContain('PAYMENT_GATEWAY_KEY: must be your gateway’s own key in production');
    }
    expect(parseConfig({ ...production, PAYMENT_GATEWAY_KEY: undefined, TILLWISE_DEMO: 'true' }).PAYMENT_GATEWAY_KEY).toBe('sk_test_tillwise');
    expect(parseConfig({}).PAYMENT_GATEWAY_KEY).toBe('sk_test_tillwise');
  });

  it('requires shared Redis in production unless one instance is declared (or it is the demo)', () => {
    expect(configErrors({ ...production, REDIS_URL: undefined })).toContain('REDIS_URL: is required in production');
    expect(parseConfig({ ...production, REDIS_URL: undefined, UPSTASH_REDIS_REST_URL: 'https://x.upstash.io', UPSTASH_REDIS_REST_TOKEN: 't' }).REDIS_URL).toBeUndefined();
    expect(parseConfig({ ...production, REDIS_URL: undefined, TILLWISE_SINGLE_INSTANCE: 'true' }).TILLWISE_SINGLE_INSTANCE).toBe(true);
    expect(parseConfig({ ...production, REDIS_URL: undefined, TILLWISE_DEMO: 'true' }).TILLWISE_DEMO).toBe(true);
    expect(configErrors({ TILLWISE_SINGLE_INSTANCE: 'yes' })).toContain('TILLWISE_SINGLE_INSTANCE: must be true or false');
  });

  it('takes an optional METRICS_TOKEN of at least 32 characters', () => {
    expect(parseConfig({}).METRICS_TOKEN).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: 'm'.repeat(32) }).METRICS_TOKEN).toBe('m'.repeat(32));
    expect(configErrors({ METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN: must be at least 32 characters');
  });
});

/** A complete production environment: every rule below breaks one variable of it. */
const production: Record<string, string | undefined> = {
  NODE_ENV: 'production',
  ROOT_DOMAIN: 'tillwise.example.com',
  NEXTAUTH_SECRET: 'x'.repeat(40),
  PAYMENT_GATEWAY_KEY: 'sk_live_example',
  REDIS_URL: 'redis://cache.internal:6379',
};

/** The message of the ConfigError that `env` raises ('' if it is valid). */
function configErrors(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
}
