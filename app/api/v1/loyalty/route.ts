import { tenantRoute } from '@/lib/auth';
import { getLoyaltySettings, loyaltySettingsSchema, updateLoyaltySettings } from '@/lib/customers';

/** The loyalty scheme: the register reads it to offer rewards. */
export const GET = tenantRoute(async ({ ctx }) => Response.json(await getLoyaltySettings(ctx)), { permission: 'customer:read' });

export const PUT = tenantRoute(async ({ ctx, body }) => Response.json(await updateLoyaltySettings(ctx, body)), {
  permission: 'settings:write',
  body: loyaltySettingsSchema,
});
