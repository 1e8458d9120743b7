import { clientIp, clockIn, clockPunchSchema, tenantRoute } from '@/lib/auth';

/** Clock in by one's own PIN (`{ userId, pin }`): 201 with the entry, 409 when already clocked in, 403 for a wrong PIN. */
export const POST = tenantRoute(
  async ({ ctx, req, body }) => Response.json(await clockIn(ctx, body, clientIp(req.headers)), { status: 201 }),
  { permission: 'timeclock:use', body: clockPunchSchema },
);
