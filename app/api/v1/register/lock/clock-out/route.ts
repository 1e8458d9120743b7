import { clientIp, clockOut, clockPunchSchema, guardedRoute, resolveLockedRegister } from '@/lib/auth';

/** Clock out by one's own PIN on a locked register's PIN screen (its lock token, no session): as /api/v1/time-clock/clock-out. */
export const POST = guardedRoute(resolveLockedRegister, async ({ ctx, req, body }) => Response.json(await clockOut(ctx, body, clientIp(req.headers))), { body: clockPunchSchema });
