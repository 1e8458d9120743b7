import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError, errorResponse, toAppError } from '@/lib/platform/errors';

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
    const res = errorResponse(new AppError(code, 'because'));
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

  it('never shows an unknown error message to the client', async () => {
    const res = errorResponse(toAppError(new Error('password authentication failed for user "postgres"')));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('postgres');
  });
});
