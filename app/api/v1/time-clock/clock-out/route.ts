import { clientIp, clockOut, clockPunchSchema, tenantRoute } from '@/lib/auth';

/** Clock out by one's own PIN (`{ userId, pin }`): the closed entry, 409 when not clocked in, 403 for a wrong PIN. */
export const POST = tenantRoute(
  async ({ ctx, req, body }) => Response.json(await clockOut(ctx, body, clientIp(req.headers))),
  { permission: 'timeclock:use', body: clockPunchSchema },
);
