import { tenantRoute } from '@/lib/auth';

/** Who the session belongs to, and where (for scripted clients and the register). */
export const GET = tenantRoute(
  async ({ ctx }) =>
    Response.json({
      user: { id: ctx.userId, name: ctx.name, email: ctx.email, role: ctx.role },
      tenant: { id: ctx.tenantId, slug: ctx.tenant.slug, name: ctx.tenant.name, currency: ctx.tenant.currency, timeZone: ctx.tenant.timeZone },
      session: { signedInAt: new Date(ctx.authTime).toISOString() },
    }),
  { permission: 'register:use' },
);
