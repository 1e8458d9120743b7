import type { AuthOptions, User } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { NextRequest } from 'next/server';
import { config } from '@/lib/platform/config';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import type { TenantInfo } from '@/lib/tenancy';
import { redeemSignInHandoff, verifyPasswordSignIn, verifyPinSignIn, type SignedInUser } from './credentials';
import { clientIp } from './rate-limits';
import { REGISTER_LOCK_COOKIE, registerLockOf, releaseRegisterLock } from './register-lock';
import { handoffSchema, pinSignInSchema, signInSchema } from './schemas';
import { safeRedirectUrl } from './redirects';
import {
  claimsSchema,
  endSession,
  newSessionClaims,
  sessionMaxAgeSeconds,
  sessionTokenFrom,
  verifyEncodedClaims,
  verifySessionToken,
} from './session';

/** What authorize knows of the request: its cookie header and the client's address. */
type Authorize = (credentials: Record<string, string> | undefined, request: { cookie: string | undefined; ip: string | null }) => Promise<SignedInUser>;

/**
 * next-auth shows a thrown error's message to the user: let ours through, hide anything else
 * (a database error message is not for the sign-in form) and log it.
 */
function guarded(tenant: TenantInfo | null, authorize: (tenant: TenantInfo, ...args: Parameters<Authorize>) => Promise<SignedInUser>) {
  return async (credentials: Record<string, string> | undefined, req: { headers?: Record<string, unknown> }): Promise<User> => {
    try {
      if (!tenant) throw new AppError('not_found', "Sign in at your store's own address.");
      const cookie = req.headers?.cookie;
      return (await authorize(tenant, credentials, { cookie: typeof cookie === 'string' ? cookie : undefined, ip: clientIp(req.headers) })) as User;
    } catch (err) {
      if (err instanceof AppError) throw new Error(err.message);
      if (err instanceof Error && err.name === 'ZodError') throw new Error('Fill in every field correctly.');
      logger.error({ err }, 'sign-in failed');
      throw new Error('Sign-in is unavailable right now. Try again in a moment.');
    }
  };
}

const cookieJar = (cookie: string | undefined) => new NextRequest('http://tenant.invalid', { headers: { cookie: cookie ?? '' } }).cookies;
const lockTokenFrom = (cookie: string | undefined) => cookieJar(cookie).get(REGISTER_LOCK_COOKIE)?.value;

/**
 * next-auth options for one tenant host. Built per request because the credentials providers
 * must know the host's tenant: the same email may exist in two businesses.
 */
export function authOptionsFor(tenant: TenantInfo | null): AuthOptions {
  const maxAge = sessionMaxAgeSeconds();
  return {
    secret: config().authSecret,
    session: { strategy: 'jwt', maxAge, updateAge: 15 * 60 },
    jwt: { maxAge },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      Credentials({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize: guarded(tenant, async (t, creds, { cookie, ip }) => {
          const { email, password } = signInSchema.parse(creds);
          const user = await verifyPasswordSignIn(t.id, email, password, ip);
          // A locked register signed in by password: its PIN-screen token is spent as well.
          const lockToken = lockTokenFrom(cookie);
          if (lockToken) await releaseRegisterLock(t.id, lockToken);
          return user;
        }),
      }),
      Credentials({
        // Switch the register to another staff member: only from a signed-in session, or from
        // the PIN screen of a register that locked itself (register-lock.ts).
        id: 'pin',
        name: 'Register PIN',
        credentials: { userId: { label: 'Staff member', type: 'text' }, pin: { label: 'PIN', type: 'password' } },
        authorize: guarded(tenant, async (t, creds, { cookie, ip }) => {
          const current = await verifySessionToken(sessionTokenFrom(cookieJar(cookie)), t.id);
          const lockToken = lockTokenFrom(cookie);
          const lock = current ? null : await registerLockOf(t.id, lockToken);
          const from = current ?? lock;
          if (!from) throw new AppError('unauthorized', 'Sign in first; then switch staff by PIN.');
          const { userId, pin } = pinSignInSchema.parse(creds);
          const user = await verifyPinSignIn(t.id, userId, pin, { sessionId: from.sessionId, ip, switchingFrom: from.userId });
          if (current) await endSession(current); // the browser's old cookie is replaced; make copies useless too
          else await releaseRegisterLock(t.id, lockToken!);
          return user;
        }),
      }),
      Credentials({
        // One-time token from sign-up on the root domain (see createSignInHandoff).
        id: 'handoff',
        name: 'Sign-up handoff',
        credentials: { token: { label: 'Token', type: 'text' } },
        authorize: guarded(tenant, (t, creds) => redeemSignInHandoff(t.id, handoffSchema.parse(creds).token)),
      }),
    ],
    callbacks: {
      // Every redirect next-auth makes (after sign-in, sign-out) follows the sign-in page's rule.
      redirect: safeRedirectUrl,
      // On sign-in `user` is what authorize returned: replace next-auth's default claims with ours.
      // Later (GET /api/auth/session) a revoked or foreign token is emptied rather than renewed.
      async jwt({ token, user }) {
        if (user) return { ...newSessionClaims(user as unknown as SignedInUser) };
        const valid = tenant && (await verifyEncodedClaims(token, tenant.id));
        return valid ? token : {};
      },
      session: ({ session, token }) => ({
        ...session,
        user: { name: token.name, email: token.email, role: token.role, id: token.sub },
      }),
    },
    events: {
      async signOut({ token }) {
        const claims = claimsSchema.safeParse(token);
        if (claims.success) {
          await endSession({ tenantId: claims.data.tid, sessionId: claims.data.sid, authTime: claims.data.authTime });
        }
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => {},
    },
  };
}
