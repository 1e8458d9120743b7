import { clientIp, clockIn, clockPunchSchema, guardedRoute, resolveLockedRegister } from '@/lib/auth';

/** Clock in by one's own PIN on a locked register's PIN screen (its lock token, no session): as /api/v1/time-clock/clock-in. */
export const POST = guardedRoute(resolveLockedRegister, async ({ ctx, req, body }) =>
  Response.json(await clockIn(ctx, body, clientIp(req.headers)), { status: 201 }),
  { body: clockPunchSchema },
);
