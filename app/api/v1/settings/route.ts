import { tenantRoute } from '@/lib/auth';
import { getTenantSettings, settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';

export const GET = tenantRoute(async ({ tenant }) => Response.json(await getTenantSettings(tenant.id)), { permission: 'catalog:read' });

export const PATCH = tenantRoute(
  async ({ user, json }) => Response.json(await updateTenantSettings(user, settingsPatchSchema.parse(json()))),
  { permission: 'settings:write' },
);
