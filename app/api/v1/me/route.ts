import { tenantRoute } from '@/lib/auth';

/** Who the session belongs to, and where (for scripted clients and the register). */
export const GET = tenantRoute(
  async ({ tenant, user }) =>
    Response.json({
      user: { id: user.userId, name: user.name, email: user.email, role: user.role },
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, currency: tenant.currency, timeZone: tenant.timeZone },
      session: { signedInAt: new Date(user.authTime).toISOString() },
    }),
  { permission: 'register:use' },
);
