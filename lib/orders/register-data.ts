import type { StaffMember, TenantScope } from '@/lib/auth';
import { listPinStaff, switchTargetsAmong } from '@/lib/auth';
import { activeProducts, categoryService, modifierGroupService, savedDiscountService, taxClassService, type SavedDiscount } from '@/lib/catalog';
import { listLocations, quantitiesAt } from '@/lib/inventory';
import { withTenant, type Tx } from '@/lib/platform/db';
import { AppError } from '@/lib/platform/errors';
import { activeMenus, listSoldOut, listTables, menusInOrderAt } from '@/lib/restaurant';
import { getTenantSettings, type TenantSettings } from '@/lib/tenancy';
import { getLoyaltySettings } from '@/lib/customers';

/**
 * Everything the register's sale screen needs, in one server call: the sellable catalog
 * (active products with their variants, modifier groups resolved with their options and the
 * tax rate), stock at the register's location, the pricing settings it explains, the tables
 * for dine-in, the menus (which are offered now), and who may approve a large discount. Plain
 * JSON-safe values only: it is handed to a client component as is.
 */
export type RegisterModifierGroup = {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  options: { id: string; name: string; priceDelta: number }[];
};

export type RegisterProduct = {
  id: string;
  name: string;
  /** The name in another script (မုန့်ဟင်းခါး beside "Mohinga"): shown on the tile, searched like the name. */
  altName: string | null;
  categoryId: string | null;
  photoUrl: string | null;
  trackStock: boolean;
  allowNegativeStock: boolean;
  /** The price is typed in at the sale ("Custom amount"); the variant's price is the suggestion. */
  openPrice: boolean;
  /** 86'd: sold out for now, whatever the stock (lib/restaurant's 86 list; kept live by ItemAvailabilityChanged). */
  soldOut: boolean;
  taxRateBasisPoints: number;
  modifierGroups: RegisterModifierGroup[];
  variants: { id: string; name: string; sku: string; barcodes: string[]; price: number }[];
};

/** A tracked variant's level at the location; `low` is at/below its threshold or out. */
export type RegisterStockLevel = { quantity: number; threshold: number | null; low: boolean };

export type RegisterTable = { id: string; name: string; seats: number; area: string; status: 'free' | 'occupied' | 'needs_cleaning'; covers: number };

/**
 * An active menu as the register shows it: its sections in the editor's order, each listing the
 * sellable products (active, with a variant) in the editor's order; empty sections are left out.
 * `offeredNow` is at the time of the call; `availability` lets the register re-check as the day
 * goes on (lib/restaurant/availability.ts, in the tenant's time zone).
 */
export type RegisterMenu = {
  id: string;
  name: string;
  offeredNow: boolean;
  availability: { days: number[]; start: string; end: string }[];
  sections: { id: string; name: string; productIds: string[] }[];
};

/** The tip prompt at payment: off, or up to 3 presets (basis points of the amount paid) and maybe a custom amount. */
export type RegisterTips = { enabled: boolean; presets: number[]; custom: boolean };

/** The tip prompt's settings as the register's payment dialog takes them (the sale screen and Take payment). */
export const registerTips = (settings: { tipsEnabled: boolean; tipPresets: number[]; tipCustomAmount: boolean }): RegisterTips => ({
  enabled: settings.tipsEnabled,
  presets: settings.tipPresets,
  custom: settings.tipCustomAmount,
});

export type RegisterData = {
  /** The tenant's IANA time zone: menus, the clock and every time on the register are read in it. */
  timeZone: string;
  location: { id: string; name: string } | null;
  categories: { id: string; name: string; color: string | null }[];
  products: RegisterProduct[];
  /** variantId → level, for every variant of a product that tracks stock (no row yet = 0). */
  stock: Record<string, RegisterStockLevel>;
  /** When `stock` was read (ISO 8601, the server's clock): offline, the register's stock is "as of" it until the live stream has run. */
  stockAt: string;
  settings: {
    pricesIncludeTax: boolean;
    discountLimitBasisPoints: number;
    tips: RegisterTips;
    /** Dine-in's service charge (basis points): the register prices an offline sale with it. */
    serviceChargeBasisPoints: number;
    /** The offline register's limits (docs/offline.md): hours a sale may wait, most unsynced (minor units; null: none). */
    offlineMaxHours: number;
    offlineMaxTotal: number | null;
  };
  tables: RegisterTable[];
  /** Active managers and owners with a register PIN: who can approve a discount or a void (the dialog names their role). */
  approvers: { id: string; name: string; role: 'owner' | 'manager' }[];
  /** Active menus, offered-now first (`menusInOrderAt`); none: the register sells by category. */
  menus: RegisterMenu[];
  /** Saved discounts (Catalog → Discounts), one tap each in the discount dialog. */
  savedDiscounts: SavedDiscount[];
  /** The loyalty reward an attached customer may redeem (lib/customers); null: the business offers none. */
  loyaltyReward: { points: number; value: number } | null;
};

const isLowLevel = (quantity: number, threshold: number | null) => quantity <= 0 || (threshold !== null && quantity <= threshold);

type RegisterScope = TenantScope & { tenant: { timeZone: string } };
type PinStaff = Pick<StaffMember, 'id' | 'name' | 'role'>;

/**
 * @param scope the tenant and its time zone (menus are offered by the tenant's clock).
 * @param locationId the register's location; the tenant's default location when omitted. A
 *   location of another tenant (or none) is "not found".
 */
export async function registerData(scope: RegisterScope, locationId?: string): Promise<RegisterData> {
  return (await withTenant(scope.tenantId, (tx) => readRegister(scope, tx, locationId))).data;
}

/** What the register page shows besides the sale screen, read with it (its header and idle lock). */
export type RegisterScreen = {
  data: RegisterData;
  /** Active staff with a PIN (the time clock). */
  pinStaff: PinStaff[];
  /** Whom "Switch staff" and the idle lock offer (lib/auth's staffToSwitchTo, nobody signed in). */
  switchTo: PinStaff[];
  idleLockMinutes: number;
};

/**
 * The register page's reads, all in one tenant transaction: registerData and what the page
 * shows around it (PIN staff, whom to switch to, the idle lock). A page load was 17
 * transactions of their own; each costs three statements more (docs/performance.md).
 */
export async function registerScreen(scope: RegisterScope, locationId?: string): Promise<RegisterScreen> {
  const { data, pinStaff, settings } = await withTenant(scope.tenantId, (tx) => readRegister(scope, tx, locationId));
  return { data, pinStaff, switchTo: switchTargetsAmong(pinStaff, settings, null), idleLockMinutes: settings.idleLockMinutes };
}

/**
 * Every read in `tx`, the caller's tenant transaction. Nothing here may open a transaction of
 * its own (withTenant/withPlatform, or a module function called without `tx`): PGlite has one
 * connection, and a second transaction would wait for this one for ever.
 */
async function readRegister(scope: RegisterScope, tx: Tx, locationId: string | undefined): Promise<{ data: RegisterData; pinStaff: PinStaff[]; settings: TenantSettings }> {
  const { tenantId } = scope;
  const { timeZone } = scope.tenant;
  // Sent together: postgres.js pipelines a transaction's queries; PGlite runs them one by one.
  const [locations, products, categories, groups, taxes, settings, tables, pinStaff, soldOut, menus, savedDiscounts, loyalty] = await Promise.all([
    listLocations({ tenantId }, tx),
    activeProducts({ tenantId }, tx),
    categoryService.list({ tenantId }, tx),
    modifierGroupService.list({ tenantId }, tx),
    taxClassService.list({ tenantId }, tx),
    getTenantSettings({ tenantId }, tx),
    listTables({ tenantId }, {}, tx),
    listPinStaff({ tenantId }, tx),
    listSoldOut({ tenantId }, tx).then((items) => new Set(items.map((i) => i.productId))),
    activeMenus({ tenantId }, tx),
    savedDiscountService.list({ tenantId }, tx),
    getLoyaltySettings({ tenantId }, tx),
  ]);

  const location = locationId ? locations.find((l) => l.id === locationId) : (locations.find((l) => l.isDefault) ?? locations[0]);
  if (locationId && !location) throw new AppError('not_found', 'Location not found');

  const groupById = new Map(groups.map((g) => [g.id, g]));
  const rateOf = new Map(taxes.map((t) => [t.id, t.rateBasisPoints]));
  const registerProducts: RegisterProduct[] = products
    .filter((p) => p.variants.length > 0)
    .map((p) => ({
      id: p.id,
      name: p.name,
      altName: p.altName,
      categoryId: p.categoryId,
      photoUrl: p.photoUrl,
      trackStock: p.trackStock,
      allowNegativeStock: p.allowNegativeStock,
      openPrice: p.openPrice,
      soldOut: soldOut.has(p.id),
      taxRateBasisPoints: p.taxClassId ? (rateOf.get(p.taxClassId) ?? 0) : 0,
      modifierGroups: p.modifierGroupIds.flatMap((id) => {
        const g = groupById.get(id);
        return g ? [{ id: g.id, name: g.name, minSelect: g.minSelect, maxSelect: g.maxSelect, options: g.options.map((o) => ({ id: o.id, name: o.name, priceDelta: o.priceDelta })) }] : [];
      }),
      variants: p.variants.map((v) => ({ id: v.id, name: v.name, sku: v.sku, barcodes: [...v.barcodes], price: v.price })),
    }));

  const tracked = registerProducts.filter((p) => p.trackStock).flatMap((p) => p.variants.map((v) => v.id));
  const stock: Record<string, RegisterStockLevel> = {};
  if (location && tracked.length) {
    const levels = new Map((await quantitiesAt({ tenantId }, tracked, location.id, tx)).map((l) => [l.variantId, l]));
    for (const variantId of tracked) {
      const level = levels.get(variantId);
      const quantity = level?.quantity ?? 0;
      const threshold = level?.lowStockThreshold ?? null;
      stock[variantId] = { quantity, threshold, low: isLowLevel(quantity, threshold) };
    }
  }

  const sellable = new Set(registerProducts.map((p) => p.id));
  const registerMenus: RegisterMenu[] = menusInOrderAt(
    menus,
    new Date(),
    timeZone,
  ).map((m) => ({
    id: m.id,
    name: m.name,
    offeredNow: m.offeredNow,
    availability: m.availability.map(({ days, start, end }) => ({ days: [...days], start, end })),
    sections: m.sections
      .map((s) => ({ id: s.id, name: s.name, productIds: s.productIds.filter((id) => sellable.has(id)) }))
      .filter((s) => s.productIds.length > 0),
  })).filter((m) => m.sections.length > 0); // a menu with nothing to sell here is no menu to choose

  const usedCategories = new Set(registerProducts.map((p) => p.categoryId));
  const data: RegisterData = {
    timeZone,
    location: location ? { id: location.id, name: location.name } : null,
    categories: [...categories]
      .filter((c) => usedCategories.has(c.id))
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map((c) => ({ id: c.id, name: c.name, color: c.color })),
    products: registerProducts,
    stock,
    stockAt: new Date().toISOString(),
    settings: {
      pricesIncludeTax: settings.pricesIncludeTax,
      discountLimitBasisPoints: settings.discountLimitBasisPoints,
      tips: registerTips(settings),
      serviceChargeBasisPoints: settings.serviceChargeBasisPoints,
      offlineMaxHours: settings.offlineMaxHours,
      offlineMaxTotal: settings.offlineMaxTotal,
    },
    tables: tables.map((t) => ({ id: t.id, name: t.name, seats: t.seats, area: t.area, status: t.status, covers: t.covers })),
    approvers: pinStaff.flatMap((s) => (s.role === 'owner' || s.role === 'manager' ? [{ id: s.id, name: s.name, role: s.role }] : [])),
    menus: registerMenus,
    savedDiscounts,
    loyaltyReward: loyalty.rewards ? { points: loyalty.rewardPoints, value: loyalty.rewardValue } : null,
  };
  return { data, pinStaff, settings };
}
