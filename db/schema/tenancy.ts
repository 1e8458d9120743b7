import { sql } from 'drizzle-orm';
import { boolean, char, check, foreignKey, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Platform table: one row per business. It has no tenant_id and no RLS; the app role may
 * read and insert it, and only lib/tenancy reads it (through withPlatform).
 */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** ISO 4217 code; every money amount of the tenant is an integer of its minor unit. */
  currency: char('currency', { length: 3 }).notNull(),
  /** IANA time zone; business days and reports are cut in it. */
  timeZone: text('time_zone').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;

/** A tenant's business settings (a tenant table: RLS applies). One row per tenant. */
export const tenantSettings = pgTable(
  'tenant_settings',
  {
    tenantId: uuid('tenant_id').notNull().primaryKey(),
    /** true: shelf prices include tax (common in Myanmar and Europe); false: tax is added at checkout (US). */
    pricesIncludeTax: boolean('prices_include_tax').notNull().default(true),
    /** Printed on receipts. */
    address: text('address'),
    phone: text('phone'),
    taxId: text('tax_id'),
    receiptFooter: text('receipt_footer'),
    /** Discounts above this (basis points of what they discount) need a manager's approval. */
    discountLimitBasisPoints: integer('discount_limit_basis_points').notNull().default(1000),
    /** Register PINs must have at least this many digits (4 or 6). */
    minPinLength: integer('min_pin_length').notNull().default(4),
    /** Whether "Switch staff" by PIN may sign in as an owner (off: owners sign in with their password). */
    pinSwitchToOwner: boolean('pin_switch_to_owner').notNull().default(false),
    /** Cash a cashier may take out of a drawer alone (minor units); more needs a manager. */
    cashOutLimit: integer('cash_out_limit').notNull().default(0),
    /** When the business day starts, local time ("HH:MM", 15-minute steps): a bar open past midnight may choose "04:00". */
    dayStartsAt: text('day_starts_at').notNull().default('00:00'),
    /** A closed drawer short by more than this (minor units) is an alert; null: one major unit of the currency. */
    drawerTolerance: integer('drawer_tolerance'),
    /**
     * New products track stock unless their category says otherwise (the product form's default).
     * Off: a new café item is sellable at once; a shop turns it on and receives stock.
     */
    trackStockByDefault: boolean('track_stock_by_default').notNull().default(false),
    /**
     * The tax class the product form preselects. The catalog's id, not a foreign key (the catalog
     * may live in MongoDB); one that no longer exists is ignored (lib/catalog defaultTaxClassOf).
     */
    defaultTaxClassId: uuid('default_tax_class_id'),
    /** The register locks to its PIN screen after this many idle minutes (0: never). The kitchen display never locks. */
    idleLockMinutes: integer('idle_lock_minutes').notNull().default(5),
    /** The register asks for a tip on cash and card payments (presets below, and a custom amount when allowed). */
    tipsEnabled: boolean('tips_enabled').notNull().default(false),
    /** Up to 3 preset tip percentages, in basis points of the amount being paid (1000 = 10 %). */
    tipPresets: integer('tip_presets').array().notNull().default(sql`'{1000,1500,2000}'::integer[]`),
    tipCustomAmount: boolean('tip_custom_amount').notNull().default(true),
    /** Service charge on dine-in orders, basis points of the discounted amount (1000 = 10 %); 0: none. */
    serviceChargeBasisPoints: integer('service_charge_basis_points').notNull().default(0),
    /** How many days after the sale a receipt's public link (`/r/<token>`) opens it. */
    receiptLinkDays: integer('receipt_link_days').notNull().default(90),
    /** What the business is, as its owner said at sign-up: it chose the first day's defaults and checklist. Null: signed up before it was asked. */
    businessType: text('business_type', { enum: ['restaurant', 'shop', 'both'] }),
    /** The owner dismissed the first-day checklist on the dashboard. */
    checklistDismissed: boolean('checklist_dismissed').notNull().default(false),
    /** The language of the tenant's staff who chose none, of its receipts and receipt emails ('en' | 'my'; lib/platform/locale.ts). */
    locale: text('locale').notNull().default('en'),
    /** How money reads: 'code' ("MMK 2,500") or 'local' ("2,500 Ks", in Burmese "၂,၅၀၀ ကျပ်"); lib/platform/money.ts. */
    currencyDisplay: text('currency_display').notNull().default('code'),
    /** How old a sale a register kept offline may be when it reaches the server (hours); older is refused for a manager to look at. */
    offlineMaxHours: integer('offline_max_hours').notNull().default(24),
    /** The most a register may take offline before it refuses new offline sales (minor units); null: no limit. */
    offlineMaxTotal: integer('offline_max_total'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'tenant_settings_tenant_fk' }),
    check('tenant_settings_min_pin_length_check', sql`${t.minPinLength} in (4, 6)`),
    check('tenant_settings_cash_out_limit_check', sql`${t.cashOutLimit} >= 0`),
    check('tenant_settings_drawer_tolerance_check', sql`${t.drawerTolerance} >= 0`),
    check('tenant_settings_service_charge_check', sql`${t.serviceChargeBasisPoints} between 0 and 10000`),
    check('tenant_settings_idle_lock_minutes_check', sql`${t.idleLockMinutes} between 0 and 240`),
    check('tenant_settings_receipt_link_days_check', sql`${t.receiptLinkDays} between 1 and 3650`),
    check('tenant_settings_business_type_check', sql`${t.businessType} in ('restaurant', 'shop', 'both')`),
    check('tenant_settings_locale_check', sql`${t.locale} in ('en', 'my')`),
    check('tenant_settings_currency_display_check', sql`${t.currencyDisplay} in ('code', 'local')`),
    check('tenant_settings_day_starts_at_check', sql`${t.dayStartsAt} ~ '^([01][0-9]|2[0-3]):(00|15|30|45)$'`),
  ],
);

export type TenantSettingsRow = typeof tenantSettings.$inferSelect;
