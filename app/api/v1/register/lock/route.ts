import { lockRegister, registerLockCookies, tenantRoute } from '@/lib/auth';

/**
 * The register went idle: end this session for good and leave the device only its PIN screen
 * (lib/auth/register-lock.ts). The body is empty; the answer carries the cookies.
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
