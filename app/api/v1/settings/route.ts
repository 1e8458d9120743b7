import { tenantRoute } from '@/lib/auth';
import { getTenantSettings, settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';

export const GET = tenantRoute(async ({ ctx }) => Response.json(await getTenantSettings(ctx)), { permission: 'catalog:read' });

export const PATCH = tenantRoute(
  async ({ ctx, body }) => Response.json(await updateTenantSettings(ctx, body)),
  { permission: 'settings:write', body: settingsPatchSchema },
);
