import { describe, expect, it } from 'vitest';
import { signPayload, verifyWebhook } from '@/lib/webhooks/verify';

/** The reference verifier (docs/api.md › Webhooks): what a receiver runs on every delivery. */
const secret = 'whsec_test_secret';
const body = '{"id":"7b0c","type":"order.paid","data":{"total":1200}}';
const now = new Date('2026-12-03T12:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const header = (ts = t, b = body, s = secret) => `t=${ts},v1=${signPayload(s, ts, b)}`;

describe('verifyWebhook', () => {
  it('accepts the signature over "<timestamp>.<raw body>"', () => {
    expect(verifyWebhook({ secret, header: header(), body, now })).toEqual({ ok: true, timestamp: t });
  });

  it('refuses a changed body, another secret, a changed timestamp', () => {
    expect(verifyWebhook({ secret, header: header(), body: body.replace('1200', '12000'), now })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhook({ secret: 'whsec_other', header: header(), body, now })).toEqual({ ok: false, reason: 'mismatch' });
    const moved = header().replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyWebhook({ secret, header: moved, body, now })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp older or further ahead than the tolerance (5 minutes by default)', () => {
    expect(verifyWebhook({ secret, header: header(t - 301), body, now })).toEqual({ ok: false, reason: 'too_old' });
    expect(verifyWebhook({ secret, header: header(t + 301), body, now })).toEqual({ ok: false, reason: 'too_old' });
    expect(verifyWebhook({ secret, header: header(t - 299), body, now }).ok).toBe(true);
    expect(verifyWebhook({ secret, header: header(t - 3000), body, now, toleranceSeconds: 3600 }).ok).toBe(true);
  });

  it('accepts any one of several v1 signatures (the 24 hours after a rotation)', () => {
    const two = `${header(t, body, 'whsec_new')},v1=${signPayload(secret, t, body)}`;
    expect(verifyWebhook({ secret, header: two, body, now }).ok).toBe(true);
    expect(verifyWebhook({ secret: 'whsec_new', header: two, body, now }).ok).toBe(true);
    expect(verifyWebhook({ secret: 'whsec_third', header: two, body, now }).ok).toBe(false);
  });

  it.each([null, '', 'v1=abc', `t=${t}`, `t=x,v1=${signPayload(secret, t, body)}`, `t=${t},v1=zz`])('refuses a malformed header: %s', (h) => {
    expect(verifyWebhook({ secret, header: h, body, now })).toEqual({ ok: false, reason: 'malformed' });
  });
});
