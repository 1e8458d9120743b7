import { z } from 'zod';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as nextAuthRoute from '@/app/api/auth/[...nextauth]/route';
import { tenantRoute } from '@/lib/auth/tenant-route';
import { AppError, fieldErrorsOf, toAppError, toErrorResponse, toFormState } from '@/lib/platform/errors';
import { REQUEST_ID_HEADER } from '@/lib/platform/headers';
import { logger } from '@/lib/platform/logger';
import { ndjsonResponse } from '@/lib/platform/ndjson';
import { currentContext, runWithContext } from '@/lib/platform/request-context';
import { apiRequest, createTenant, noParams, segment, type TestTenant } from '../helpers';

// The one way to make next-auth's route fail unexpectedly: its options builder throws.
vi.mock('@/lib/auth/next-auth-options', async (original) => ({
  ...(await original<typeof import('@/lib/auth/next-auth-options')>()),
  authOptionsFor: () => {
    throw new Error('next-auth exploded: secret=hunter2');
  },
}));

/** What logger.error and logger.warn were called with, and the request id their line carried (logger.ts's mixin). */
function captureLogs() {
  const lines: { level: 'error' | 'warn'; requestId: string | undefined }[] = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(logger, level).mockImplementation((() => {
      lines.push({ level, requestId: currentContext()?.requestId });
    }) as never);
  }
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('error mapping', () => {
  it.each([
    ['bad_request', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['unprocessable', 422],
    ['rate_limited', 429],
  ] as const)('%s → %i', async (code, status) => {
    const res = toErrorResponse(new AppError(code, 'because'));
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message: 'because' } });
  });

  it('turns zod errors into 422 with field paths', () => {
    const result = z.object({ email: z.email(), qty: z.number().int() }).safeParse({ email: 'nope', qty: 1.5 });
    const err = toAppError(result.error);
    expect(err.status).toBe(422);
    expect((err.details as { path: string }[]).map((d) => d.path).sort()).toEqual(['email', 'qty']);
  });

  it('maps Postgres unique violations (also when wrapped) to 409', () => {
    expect(toAppError(Object.assign(new Error('dup'), { code: '23505' })).status).toBe(409);
    expect(toAppError(new Error('query failed', { cause: { code: '23505' } })).status).toBe(409);
  });

  it('maps what Postgres cannot store — a NUL, a number out of range — to 422, not a 500', () => {
    for (const code of ['22021', '22P05', '22003']) expect(toAppError(new Error('query failed', { cause: { code } })).status).toBe(422);
  });

  it('never shows an unknown error message to the client', async () => {
    captureLogs();
    const res = toErrorResponse(new Error('password authentication failed for user "postgres"'));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('postgres');
  });

  it('gives a form the field errors of a 422 and a generic message for the unknown', () => {
    captureLogs();
    const invalid = z.object({ name: z.string().min(1, 'Name it') }).safeParse({ name: '' });
    expect(toFormState(invalid.error)).toEqual({ error: expect.stringContaining('Name it'), fieldErrors: { name: 'Name it' } });
    expect(toFormState(new Error('select * from users'))).toEqual({ error: 'Something went wrong on our side' });
  });
});

describe('unexpected errors are logged once, with the request id', () => {
  it('at the shared exits: response, form state, NDJSON stream', async () => {
    const lines = captureLogs();
    runWithContext({ requestId: 'req-response' }, () => toErrorResponse(new Error('boom')));
    runWithContext({ requestId: 'req-form' }, () => toFormState(new Error('boom')));
    const streamed = await runWithContext({ requestId: 'req-stream' }, () =>
      ndjsonResponse(async (send) => {
        send({ type: 'progress', done: 1 });
        throw new Error('boom at row 2');
      }, 'The work failed.').text(),
    );
    expect(streamed.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { type: 'progress', done: 1 },
      { type: 'error', message: 'The work failed.' },
    ]);
    expect(lines).toEqual([
      { level: 'error', requestId: 'req-response' },
      { level: 'error', requestId: 'req-form' },
      { level: 'error', requestId: 'req-stream' },
    ]);
  });

  it('but not deliberate errors: a 4xx or zod error is not logged, a deliberate 503 is a warning', () => {
    const lines = captureLogs();
    runWithContext({ requestId: 'req-1' }, () => {
      toErrorResponse(new AppError('not_found', 'Order not found'));
      toFormState(z.uuid().safeParse('x').error);
      toErrorResponse(new AppError('unavailable', 'Card payments are down'));
    });
    expect(lines).toEqual([{ level: 'warn', requestId: 'req-1' }]);
  });

  describe('through the routes', () => {
    let t: TestTenant;
    beforeAll(async () => {
      t = await createTenant();
    });

    it('tenantRoute: a handler that throws a bug answers a generic 500 carrying the logged request id', async () => {
      const lines = captureLogs();
      const route = tenantRoute(
        async () => {
          throw new Error('column "secret" does not exist');
        },
        { permission: 'register:use' },
      );
      const res = await route(await apiRequest('GET', '/api/v1/anything', { host: t.tenant, as: t.cashier, headers: { [REQUEST_ID_HEADER]: 'req-route' } }), noParams);
      expect(res.status).toBe(500);
      expect(res.headers.get(REQUEST_ID_HEADER)).toBe('req-route');
      expect(await res.text()).not.toContain('secret');
      expect(lines).toEqual([{ level: 'error', requestId: 'req-route' }]);
    });

    it('next-auth: an unexpected failure is logged with the request id, not shown; an unknown store is a quiet 404', async () => {
      const lines = captureLogs();
      const res = await nextAuthRoute.GET(
        await apiRequest('GET', '/api/auth/session', { host: t.tenant, headers: { [REQUEST_ID_HEADER]: 'req-auth' } }),
        segment({ nextauth: ['session'] }),
      );
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('hunter2');
      const unknown = await nextAuthRoute.GET(await apiRequest('GET', '/api/auth/session'), segment({ nextauth: ['session'] }));
      expect(unknown.status).toBe(404);
      expect(lines).toEqual([{ level: 'error', requestId: 'req-auth' }]);
    });
  });
});

describe('fieldErrorsOf', () => {
  it('keeps the first message of each field (the one to fix first), keyed by path', () => {
    const issues = [
      { path: ['slug'], message: 'Enter a store address' },
      { path: ['slug'], message: 'Start and end with a letter or digit' },
      { path: ['variants', 0, 'sku'], message: 'Enter a SKU' },
      { path: [], message: 'Something about the whole form' },
    ];
    expect(fieldErrorsOf(issues)).toEqual({ slug: 'Enter a store address', 'variants.0.sku': 'Enter a SKU', form: 'Something about the whole form' });
    expect(fieldErrorsOf(issues, (path) => String(path[0]))).toMatchObject({ slug: 'Enter a store address', variants: 'Enter a SKU' });
  });
});
