import { clockedIn, tenantRoute } from '@/lib/auth';

/** Who is clocked in now (the register's time clock). */
export const GET = tenantRoute(async ({ ctx }) => Response.json({ data: await clockedIn(ctx) }), { permission: 'timeclock:use' });
