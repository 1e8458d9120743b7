import { lockRegister, registerLockCookies, tenantRoute } from '@/lib/auth';

/**
 * The register went idle: end this session for good and leave the device only its PIN screen
 * (lib/auth/register-lock.ts). The body is empty; the answer carries the cookies. Not
 * idempotent by key: a replay could not set the cookie again, and a second lock is a 401 anyway.
 */
export const POST = tenantRoute(
  async ({ ctx, req }) => {
    const { token, maxAgeSeconds } = await lockRegister(ctx);
    const secure = req.nextUrl.protocol === 'https:' || req.headers.get('x-forwarded-proto') === 'https';
    const headers = new Headers();
    for (const cookie of registerLockCookies(token, maxAgeSeconds, secure)) headers.append('set-cookie', cookie);
    return Response.json({ locked: true }, { headers });
  },
  { permission: 'register:use', idempotent: false },
);
