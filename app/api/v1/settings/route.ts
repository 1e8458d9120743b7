import { tenantRoute } from '@/lib/auth';
import { getTenantSettings, settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';

export const GET = tenantRoute(async ({ ctx }) => Response.json(await getTenantSettings(ctx)), { permission: 'catalog:read' });

export const PATCH = tenantRoute(
  async ({ ctx, json }) => Response.json(await updateTenantSettings(ctx, settingsPatchSchema.parse(json()))),
  { permission: 'settings:write' },
);
