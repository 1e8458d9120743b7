import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { resetConfigForTests } from '@/lib/platform/config';
import { closeRedis } from '@/lib/platform/redis';

describe('health and readiness', () => {
  it('liveness answers without touching dependencies', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database and Redis answer', async () => {
    const res = await ready();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', checks: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('answers 503 naming what is down', async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = 'redis://127.0.0.1:1'; // nothing listens there
    resetConfigForTests();
    await closeRedis();
    try {
      const res = await ready();
      const body = await res.json();
      expect(res.status).toBe(503);
      expect(body).toMatchObject({ status: 'not_ready', checks: { database: { status: 'up' }, redis: { status: 'down' } } });
      expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    } finally {
      if (saved === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = saved;
      resetConfigForTests();
      await closeRedis();
    }
  });
});
