import { decode } from 'next-auth/jwt';
import { z } from 'zod';
import { config } from '@/lib/platform/config';
import { roleSchema } from './schemas';
import { isSessionRevoked, revokeSession } from './revocation';
import type { Role } from './permissions';

/**
 * Sessions are next-auth JWTs (encrypted, A256GCM, key derived from NEXTAUTH_SECRET) with our
 * claims. Cookies are host-only (no Domain attribute), and the token names its tenant, so a
 * cookie copied to another tenant's host is refused even before the browser would refuse it.
 */
export const SESSION_COOKIE = 'next-auth.session-token';
export const SECURE_SESSION_COOKIE = '__Secure-next-auth.session-token';

export type StaffSession = {
  tenantId: string;
  userId: string;
  role: Role;
  name: string;
  email: string;
  sessionId: string;
  /** Sign-in time (ms); the session ends SESSION_MAX_AGE_HOURS after it, however active. */
  authTime: number;
  /** Token expiry (s since epoch). */
  expiresAt: number;
};

export const claimsSchema = z.object({
  sub: z.uuid(),
  tid: z.uuid(),
  role: roleSchema,
  name: z.string(),
  email: z.string(),
  sid: z.uuid(),
  authTime: z.number().int().positive(),
  exp: z.number().int().positive(),
});
export type SessionClaims = Omit<z.infer<typeof claimsSchema>, 'exp'>;

export const sessionMaxAgeSeconds = () => Math.floor(config().SESSION_MAX_AGE_HOURS * 3600);

/** Claims for a fresh sign-in of `user` (used by next-auth's jwt callback). */
export function newSessionClaims(user: { id: string; tenantId: string; role: Role; name: string; email: string }): SessionClaims {
  return {
    sub: user.id,
    tid: user.tenantId,
    role: user.role,
    name: user.name,
    email: user.email,
    sid: crypto.randomUUID(),
    authTime: Date.now(),
  };
}

/** The raw session token from a cookie jar (NextRequest.cookies or next/headers cookies()). */
export function sessionTokenFrom(cookies: { get(name: string): { value: string } | undefined }): string | undefined {
  return cookies.get(SECURE_SESSION_COOKIE)?.value ?? cookies.get(SESSION_COOKIE)?.value;
}

/**
 * Verifies a session token for the host's tenant. Returns null for anything not acceptable:
 * undecryptable or tampered, expired, past its absolute life, another tenant's, revoked, or of
 * a user who is gone, deactivated or had every session ended (revocation.ts; the database's
 * copy holds even when Redis lost it).
 */
export async function verifySessionToken(token: string | undefined, hostTenantId: string): Promise<StaffSession | null> {
  if (!token) return null;
  let payload: unknown;
  try {
    payload = await decrypt(token);
  } catch {
    return null;
  }
  return verifyEncodedClaims(payload, hostTenantId);
}

/** jose's leeway on `exp` (next-auth's decode passes it), kept for a token decrypted before. */
const CLOCK_TOLERANCE_S = 15;
const DECRYPTED_KEPT = 2000;
/**
 * Tokens decrypted lately, by their text. A register sends the same cookie with every request, and
 * next-auth's decode derives the key (HKDF, on the thread pool) and decrypts each time: about 2 %
 * of a checkout's CPU (docs/performance.md). Only a token that decrypted is kept, its expiry is
 * checked on every use, and every check after decryption (tenant, absolute life, revocation) runs
 * as before. Oldest first out, so the map stays small.
 */
const decrypted = new Map<string, { payload: unknown; exp: number }>();

async function decrypt(token: string): Promise<unknown> {
  const kept = decrypted.get(token);
  if (kept) {
    if (Date.now() / 1000 <= kept.exp + CLOCK_TOLERANCE_S) return kept.payload;
    decrypted.delete(token);
    throw new Error('expired');
  }
  const payload = await decode({ token, secret: config().authSecret });
  const exp = (payload as { exp?: unknown } | null)?.exp;
  if (typeof exp === 'number') {
    if (decrypted.size >= DECRYPTED_KEPT) decrypted.delete(decrypted.keys().next().value!);
    decrypted.set(token, { payload, exp });
  }
  return payload;
}

/** The checks of verifySessionToken on an already decrypted token. */
export async function verifyEncodedClaims(payload: unknown, hostTenantId: string): Promise<StaffSession | null> {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const c = parsed.data;
  if (c.tid !== hostTenantId) return null;
  if (Date.now() - c.authTime > sessionMaxAgeSeconds() * 1000) return null;
  if (await isSessionRevoked(c.tid, c.sub, c.sid, c.authTime)) return null;
  return {
    tenantId: c.tid,
    userId: c.sub,
    role: c.role,
    name: c.name,
    email: c.email,
    sessionId: c.sid,
    authTime: c.authTime,
    expiresAt: c.exp,
  };
}

/** Ends a session for good: its id goes on the deny-list until the token would expire. */
export async function endSession(session: Pick<StaffSession, 'tenantId' | 'sessionId' | 'authTime'>): Promise<void> {
  const absoluteEnd = session.authTime / 1000 + sessionMaxAgeSeconds();
  await revokeSession(session.tenantId, session.sessionId, absoluteEnd);
}
