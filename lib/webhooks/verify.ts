import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The reference verifier for Tillwise webhooks (docs/api.md › Webhooks › Verifying a delivery).
 * Self-contained (node:crypto only), so an integrator can copy it as it is.
 *
 * A delivery carries `Tillwise-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`, where each `v1` is
 * HMAC-SHA256(secret, `${t}.${rawBody}`) in hex (two during the 24 hours after a secret was rotated:
 * one per secret). Verify the **raw** body as received, before any JSON parsing, and refuse a
 * timestamp older (or further ahead) than `toleranceSeconds`: a captured delivery cannot be replayed
 * later. Then deduplicate by `Tillwise-Event-Id`: a delivery can arrive more than once.
 */
export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'too_old' | 'mismatch' };

export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifyWebhook(options: { secret: string; header: string | null | undefined; body: string; toleranceSeconds?: number; now?: Date }): VerifyResult {
  const { secret, header, body, toleranceSeconds = 300, now = new Date() } = options;
  if (!header) return { ok: false, reason: 'malformed' };
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return { ok: false, reason: 'too_old' };
  const expected = Buffer.from(signPayload(secret, timestamp, body), 'hex');
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
