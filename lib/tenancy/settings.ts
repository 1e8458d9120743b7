import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tenants, tenantSettings } from '@/db/schema/tenancy';
import { changes, recordAudit } from '@/lib/platform/audit';
import { DAY_START_PATTERN, DEFAULT_DAY_START, type BusinessDayRule } from '@/lib/platform/business-day';
import { afterCommit, withTenant, type Tx } from '@/lib/platform/db';
import { CURRENCY_DISPLAYS, DEFAULT_LOCALE, isLocale, LOCALES, type CurrencyDisplay, type Locale } from '@/lib/platform/locale';
import { minorDigits } from '@/lib/platform/money';
import { patchSchema } from '@/lib/platform/validation';
import { issueWords } from '@/lib/platform/issue-words';

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
  /** When the business day starts ("HH:MM", 15-minute steps): order numbers, reports and the dashboard cut days there. */
  dayStartsAt: string;
  /**
   * A closed drawer short by more than this (minor units) is a dashboard alert; null: the
   * default, one major unit of the tenant's currency (`drawerToleranceOf`).
   */
  drawerTolerance: number | null;
  /** New products track stock unless their category says otherwise (off: sellable at once). */
  trackStockByDefault: boolean;
  /** The tax class new products get; null: the only class when there is exactly one (lib/catalog defaultTaxClassOf). */
  defaultTaxClassId: string | null;
  /** The register locks to its PIN screen (and ends the session) after this many idle minutes; 0: never. */
  idleLockMinutes: number;
  /** The register asks for a tip at payment (cash and card); a tip is the staff's, never part of the order's total. */
  tipsEnabled: boolean;
  /** Up to 3 preset tip percentages (basis points of the amount being paid). */
  tipPresets: number[];
  /** Whether a custom tip amount may be typed in besides the presets. */
  tipCustomAmount: boolean;
  /** Service charge added to dine-in orders, in basis points of their discounted amount (1000 = 10 %); 0: none. The house's revenue, taxed with the lines. */
  serviceChargeBasisPoints: number;
  /** Days after the sale that a receipt's public link (`/r/<token>`, its QR code) opens the receipt; then it answers 410. */
  receiptLinkDays: number;
  /** What the business is (sign-up asks): null for a business that signed up before it was asked. */
  businessType: BusinessType | null;
  /** The owner dismissed the first-day checklist on the dashboard. */
  checklistDismissed: boolean;
  /** The language of staff who chose none, and of receipts and receipt emails. */
  locale: Locale;
  /** 'code' "MMK 2,500" or 'local' "2,500 Ks" (lib/platform/money.ts). */
  currencyDisplay: CurrencyDisplay;
  /** A sale a register kept offline is refused when it reaches the server more than this many hours after it was made. */
  offlineMaxHours: number;
  /** The register takes no new offline sale once its unsynced sales total this (minor units); null: no limit. */
  offlineMaxTotal: number | null;
};

export const BUSINESS_TYPES = ['restaurant', 'shop', 'both'] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

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
  dayStartsAt: DEFAULT_DAY_START,
  drawerTolerance: null,
  trackStockByDefault: false,
  defaultTaxClassId: null,
  idleLockMinutes: 5,
  tipsEnabled: false,
  tipPresets: [1000, 1500, 2000],
  tipCustomAmount: true,
  serviceChargeBasisPoints: 0,
  receiptLinkDays: 90,
  businessType: null,
  checklistDismissed: false,
  locale: DEFAULT_LOCALE,
  currencyDisplay: 'code',
  offlineMaxHours: 24,
  offlineMaxTotal: null,
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
    dayStartsAt: z.string().regex(DAY_START_PATTERN, 'Use HH:MM in 15-minute steps, e.g. 04:00'),
    drawerTolerance: z.number({ message: 'Enter an amount' }).int('Use whole minor units').min(0).max(1_000_000_000).nullable(),
    trackStockByDefault: z.boolean(),
    defaultTaxClassId: z.uuid({ message: 'Choose a tax class' }).nullable(),
    idleLockMinutes: z.number({ message: 'Enter minutes' }).int('Use whole minutes').min(0, '0 (never) to 240 minutes').max(240, '0 (never) to 240 minutes'),
    tipsEnabled: z.boolean(),
    tipPresets: z
      .array(z.number({ message: 'Enter a percentage' }).int().min(1, 'A tip preset is more than 0 %').max(10_000, 'At most 100 %'))
      .max(3, 'At most 3 tip presets')
      .refine((ps) => new Set(ps).size === ps.length, { message: 'Each tip preset once', params: issueWords('tipPresetOnce') }),
    tipCustomAmount: z.boolean(),
    serviceChargeBasisPoints: z.number({ message: 'Enter a percentage' }).int('Use whole basis points').min(0, '0 % (none) to 100 %').max(10_000, '0 % (none) to 100 %'),
    receiptLinkDays: z.number({ message: 'Enter days' }).int('Use whole days').min(1, '1 to 3650 days').max(3650, '1 to 3650 days'),
    checklistDismissed: z.boolean(),
    locale: z.enum(LOCALES, { message: 'Choose English or Myanmar' }),
    currencyDisplay: z.enum(CURRENCY_DISPLAYS, { message: 'Choose how amounts read' }),
    offlineMaxHours: z.number({ message: 'Enter hours' }).int('Use whole hours').min(1, '1 to 168 hours').max(168, '1 to 168 hours'),
    offlineMaxTotal: z.number({ message: 'Enter an amount' }).int('Use whole minor units').min(1, 'More than 0, or no limit').max(1_000_000_000).nullable(),
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
  dayStartsAt: tenantSettings.dayStartsAt,
  drawerTolerance: tenantSettings.drawerTolerance,
  trackStockByDefault: tenantSettings.trackStockByDefault,
  defaultTaxClassId: tenantSettings.defaultTaxClassId,
  idleLockMinutes: tenantSettings.idleLockMinutes,
  tipsEnabled: tenantSettings.tipsEnabled,
  tipPresets: tenantSettings.tipPresets,
  tipCustomAmount: tenantSettings.tipCustomAmount,
  serviceChargeBasisPoints: tenantSettings.serviceChargeBasisPoints,
  receiptLinkDays: tenantSettings.receiptLinkDays,
  businessType: tenantSettings.businessType,
  checklistDismissed: tenantSettings.checklistDismissed,
  locale: tenantSettings.locale,
  currencyDisplay: tenantSettings.currencyDisplay,
  offlineMaxHours: tenantSettings.offlineMaxHours,
  offlineMaxTotal: tenantSettings.offlineMaxTotal,
};

/** The tenant's settings, read in the caller's tenant transaction `tx` when given (a quote's reads share one). */
export async function getTenantSettings({ tenantId }: { tenantId: string }, tx?: Tx): Promise<TenantSettings> {
  const read = (tx: Tx) => tx.select(columns).from(tenantSettings);
  const [row] = await (tx ? read(tx) : withTenant(tenantId, read));
  return row ? asSettings(row) : DEFAULT_SETTINGS;
}

/**
 * Called with the tenant's id once a change of its settings has committed, in this process: for
 * copies kept elsewhere (lib/auth's display preferences) to drop theirs. Other instances do not
 * hear it; a copy says in its own comment how long it may lag.
 */
// On globalThis: next build may bundle this module twice (pages, route handlers), and a change made
// through the API must reach the copies the pages keep.
const settingsChanged = ((globalThis as { __tillwiseSettingsChanged?: Set<(tenantId: string) => void> }).__tillwiseSettingsChanged ??= new Set());
export function onSettingsChanged(listener: (tenantId: string) => void): void {
  settingsChanged.add(listener);
}

/** Saves the settings sent; the audit row has before/after of the ones that changed (one of them may be prices-include-tax). */
export async function updateTenantSettings(ctx: { tenantId: string; userId: string }, patch: SettingsPatch): Promise<TenantSettings> {
  return withTenant(ctx.tenantId, async (tx) => {
    afterCommit(tx, () => settingsChanged.forEach((listener) => listener(ctx.tenantId)));
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

/** The settings a business starts with (sign-up, in its transaction `tx` with the tenant set): the defaults with `initial` over them. */
export async function insertInitialSettings(
  tx: Tx,
  tenantId: string,
  initial: Partial<Pick<TenantSettings, 'businessType' | 'trackStockByDefault' | 'address' | 'phone' | 'receiptFooter'>>,
): Promise<TenantSettings> {
  const [row] = await tx.insert(tenantSettings).values({ tenantId, ...DEFAULT_SETTINGS, ...initial }).returning(columns);
  return asSettings(row!);
}

/**
 * The tenant's business-day rule (time zone and day start), read inside the caller's tenant
 * transaction — for event handlers, which run in the dispatcher's transaction and must not open
 * another. `tenants` has no RLS (it is the registry); only its time zone is read, by id.
 */
export async function businessDayRuleIn(tx: Tx, tenantId: string): Promise<BusinessDayRule> {
  const [tenant] = await tx.select({ timeZone: tenants.timeZone }).from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  const [settings] = await tx.select({ dayStartsAt: tenantSettings.dayStartsAt }).from(tenantSettings);
  return { timeZone: tenant.timeZone, dayStartsAt: settings?.dayStartsAt ?? DEFAULT_DAY_START };
}

/** The tenant's business-day rule (its time zone and "day starts at"), for a request that has the tenant at hand. */
export async function businessDayRule(ctx: { tenantId: string; tenant: { timeZone: string } }): Promise<BusinessDayRule> {
  return { timeZone: ctx.tenant.timeZone, dayStartsAt: (await getTenantSettings(ctx)).dayStartsAt };
}

/**
 * The drawer tolerance in force: the tenant's, or one major unit of its currency (USD 1.00;
 * MMK 1, in effect any shortage). Why: docs/analytics.md.
 */
export function drawerToleranceOf(settings: Pick<TenantSettings, 'drawerTolerance'>, currency: string): number {
  return settings.drawerTolerance ?? 10 ** minorDigits(currency);
}

/** The database says `integer` and `text`; the check constraints say 4 or 6, a known locale and display. */
const asSettings = (row: Omit<TenantSettings, 'minPinLength' | 'locale' | 'currencyDisplay'> & { minPinLength: number; locale: string; currencyDisplay: string }): TenantSettings => ({
  ...row,
  minPinLength: row.minPinLength === 6 ? 6 : 4,
  locale: isLocale(row.locale) ? row.locale : DEFAULT_LOCALE,
  currencyDisplay: row.currencyDisplay === 'local' ? 'local' : 'code',
});
