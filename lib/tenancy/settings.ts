import { z } from 'zod';
import { tenantSettings } from '@/db/schema/tenancy';
import { recordAudit } from '@/lib/platform/audit';
import { withTenant } from '@/lib/platform/db';
import { patchSchema } from '@/lib/platform/validation';

export type TenantSettings = { pricesIncludeTax: boolean };

export const DEFAULT_SETTINGS: TenantSettings = { pricesIncludeTax: true };

export const settingsPatchSchema = patchSchema(z.object({ pricesIncludeTax: z.boolean() }));
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export async function getTenantSettings(tenantId: string): Promise<TenantSettings> {
  const [row] = await withTenant(tenantId, (tx) => tx.select({ pricesIncludeTax: tenantSettings.pricesIncludeTax }).from(tenantSettings));
  return { ...DEFAULT_SETTINGS, ...row };
}

export async function updateTenantSettings(actor: { tenantId: string; userId: string }, patch: SettingsPatch): Promise<TenantSettings> {
  return withTenant(actor.tenantId, async (tx) => {
    const [row] = await tx
      .insert(tenantSettings)
      .values({ tenantId: actor.tenantId, ...DEFAULT_SETTINGS, ...patch })
      .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { ...patch, updatedAt: new Date() } })
      .returning({ pricesIncludeTax: tenantSettings.pricesIncludeTax });
    await recordAudit(tx, actor.tenantId, { actorUserId: actor.userId, action: 'settings.updated', entityType: 'tenant', entityId: actor.tenantId, details: patch });
    return row!;
  });
}
