import { afterEach, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as metricsRoute } from '@/app/api/metrics/route';
import { GET as readyRoute } from '@/app/api/ready/route';
import { resetConfigForTests } from '@/lib/platform/config';
import { closeRedis } from '@/lib/platform/redis';

const TOKEN = 'ops-token-ops-token-ops-token-0123456789';

const request = (path: string, token?: string) =>
  new Request(`http://app.test${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const ready = (token?: string) => readyRoute(request('/api/ready', token));
const metrics = (token?: string) => metricsRoute(request('/api/metrics', token));

/** Runs `fn` with environment variables changed (undefined: unset), then puts them back. */
async function withEnv<T>(changes: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(changes).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfigForTests();
  };
  apply(changes);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

describe('health and readiness', () => {
  afterEach(closeRedis); // tests switch Redis transports

  it('liveness answers without touching dependencies', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database and Redis answer, with the details for the token only', async () => {
    await withEnv({ METRICS_TOKEN: TOKEN }, async () => {
      for (const token of [undefined, 'wrong-token-wrong-token-wrong-token-000']) {
        const res = await ready(token);
        expect(res.status).toBe(200);
        const { warnings, ...rest } = await res.json();
        expect(rest).toEqual({ status: 'ready' });
        expect(warnings === undefined || Array.isArray(warnings)).toBe(true);
      }
      const res = await ready(TOKEN);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status: 'ready',
        checks: { database: { status: 'up' }, redis: { status: 'up' } },
        cardPayments: expect.any(Object),
      });
    });
  });

  it('gives no details without METRICS_TOKEN, whatever the client sends', async () => {
    await withEnv({ METRICS_TOKEN: undefined }, async () => {
      const { warnings, ...rest } = await (await ready(TOKEN)).json();
      expect(rest).toEqual({ status: 'ready' });
      expect(warnings === undefined || Array.isArray(warnings)).toBe(true);
    });
  });

  it('says that revocation, lockouts and rate limits are per-process when there is no Redis', async () => {
    await withEnv({ REDIS_URL: undefined, UPSTASH_REDIS_REST_URL: undefined }, async () => {
      const body = await (await ready()).json();
      expect(body.warnings).toEqual([expect.stringMatching(/revocation, sign-in lockouts and rate limits .* this process only/)]);
    });
    await withEnv({ REDIS_URL: 'redis://127.0.0.1:1' }, async () => {
      expect((await (await ready()).json()).warnings).toBeUndefined();
    });
  });

  it('answers 503 to anyone, naming what is down only for the token', async () => {
    await withEnv({ REDIS_URL: 'redis://127.0.0.1:1', METRICS_TOKEN: TOKEN }, async () => {
      // nothing listens there
      const anonymous = await ready();
      expect(anonymous.status).toBe(503);
      expect(await anonymous.json()).toEqual({ status: 'not_ready' });

      const res = await ready(TOKEN);
      const body = await res.json();
      expect(res.status).toBe(503);
      expect(body).toMatchObject({ status: 'not_ready', checks: { database: { status: 'up' }, redis: { status: 'down' } } });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    });
  });
});

describe('metrics', () => {
  it('is off without METRICS_TOKEN, saying how to turn it on', async () => {
    await withEnv({ METRICS_TOKEN: undefined }, async () => {
      const res = await metrics(TOKEN);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('METRICS_TOKEN') } });
    });
  });

  it('answers only the bearer of METRICS_TOKEN', async () => {
    await withEnv({ METRICS_TOKEN: TOKEN }, async () => {
      for (const token of [undefined, 'nope', TOKEN.slice(0, -1), `${TOKEN}x`]) {
        const res = await metrics(token);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect((await res.json()).error.code).toBe('unauthorized');
      }
      const res = await metrics(TOKEN);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('process_cpu_seconds_total');
    });
  });
});
