import { z } from 'zod';
import { tenantSettings } from '@/db/schema/tenancy';
import { changes, recordAudit } from '@/lib/platform/audit';
import { withTenant } from '@/lib/platform/db';
import { patchSchema } from '@/lib/platform/validation';

export type TenantSettings = {
  pricesIncludeTax: boolean;
  address: string | null;
  phone: string | null;
  taxId: string | null;
  receiptFooter: string | null;
  discountLimitBasisPoints: number;
  /** Register PINs need at least this many digits (4 or 6). */
  minPinLength: 4 | 6;
  /** Whether "Switch staff" by PIN may sign in as an owner. */
  pinSwitchToOwner: boolean;
  /** Cash (minor units) a cashier may take out of a drawer without a manager. */
  cashOutLimit: number;
};

const DEFAULT_SETTINGS: TenantSettings = {
  pricesIncludeTax: true,
  address: null,
  phone: null,
  taxId: null,
  receiptFooter: null,
  discountLimitBasisPoints: 1000,
  minPinLength: 4,
  pinSwitchToOwner: false,
  cashOutLimit: 0,
};

const optionalText = (max: number) => z.string().trim().max(max).nullable().transform((v) => v || null);

export const settingsPatchSchema = patchSchema(
  z.object({
    pricesIncludeTax: z.boolean(),
    address: optionalText(300),
    phone: optionalText(40),
    taxId: optionalText(40),
    receiptFooter: optionalText(300),
    discountLimitBasisPoints: z.number({ message: 'Enter a percentage' }).int().min(0).max(10_000),
    minPinLength: z.union([z.literal(4), z.literal(6)], { message: 'PINs are at least 4 or at least 6 digits' }),
    pinSwitchToOwner: z.boolean(),
    cashOutLimit: z.number({ message: 'Enter an amount' }).int('Use whole minor units').min(0).max(1_000_000_000),
  }),
);
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

const columns = {
  pricesIncludeTax: tenantSettings.pricesIncludeTax,
  address: tenantSettings.address,
  phone: tenantSettings.phone,
  taxId: tenantSettings.taxId,
  receiptFooter: tenantSettings.receiptFooter,
  discountLimitBasisPoints: tenantSettings.discountLimitBasisPoints,
  minPinLength: tenantSettings.minPinLength,
  pinSwitchToOwner: tenantSettings.pinSwitchToOwner,
  cashOutLimit: tenantSettings.cashOutLimit,
};

export async function getTenantSettings({ tenantId }: { tenantId: string }): Promise<TenantSettings> {
  const [row] = await withTenant(tenantId, (tx) => tx.select(columns).from(tenantSettings));
  return row ? asSettings(row) : DEFAULT_SETTINGS;
}

/** Saves the settings sent; the audit row has before/after of the ones that changed (one of them may be prices-include-tax). */
export async function updateTenantSettings(ctx: { tenantId: string; userId: string }, patch: SettingsPatch): Promise<TenantSettings> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [stored] = await tx.select(columns).from(tenantSettings).for('update');
    const [row] = await tx
      .insert(tenantSettings)
      .values({ tenantId: ctx.tenantId, ...DEFAULT_SETTINGS, ...patch })
      .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { ...patch, updatedAt: new Date() } })
      .returning(columns);
    const { before, after } = changes(stored ? asSettings(stored) : DEFAULT_SETTINGS, asSettings(row!));
    await recordAudit(tx, ctx.tenantId, { actorUserId: ctx.userId, action: 'settings.updated', entityType: 'tenant', entityId: ctx.tenantId, before, after });
    return asSettings(row!);
  });
}

/** The database says `integer`; the check constraint says 4 or 6. */
const asSettings = (row: Omit<TenantSettings, 'minPinLength'> & { minPinLength: number }): TenantSettings => ({
  ...row,
  minPinLength: row.minPinLength === 6 ? 6 : 4,
});
