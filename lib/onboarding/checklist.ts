import { listPinStaff, type TenantContext } from '@/lib/auth';
import { catalogCounts, removeSampleProducts, type SampleRemoval } from '@/lib/catalog';
import { variantsWithMovements } from '@/lib/inventory';
import { anyShiftOpened, variantsSold } from '@/lib/orders';
import { floorCounts } from '@/lib/restaurant';
import { getTenantSettings, updateTenantSettings, type BusinessType } from '@/lib/tenancy';

export type ChecklistStep = 'items' | 'taxes' | 'staff' | 'shift' | 'tables';
export type ChecklistItem = { step: ChecklistStep; done: boolean; href: string };
export type FirstDayChecklist = {
  businessType: BusinessType;
  items: ChecklistItem[];
  /** Sample products nobody changed yet ("Remove sample items" takes these). */
  removableSamples: number;
};

/**
 * The dashboard's first-day checklist, ticked from what exists (one count per module, asked
 * through its own functions): items besides the untouched samples, a tax class, someone with a
 * register PIN, a shift ever opened, and for restaurants a floor changed from the starter one.
 * Null when there is nothing to show: the owner dismissed it, or the business signed up
 * before sign-up asked what it is (it is past its first day).
 */
export async function firstDayChecklist(ctx: TenantContext): Promise<FirstDayChecklist | null> {
  const settings = await getTenantSettings(ctx);
  if (settings.checklistDismissed || !settings.businessType) return null;
  const restaurant = settings.businessType !== 'shop';
  const [catalog, pinStaff, shift, floor] = await Promise.all([
    catalogCounts(ctx),
    listPinStaff(ctx),
    anyShiftOpened(ctx),
    restaurant ? floorCounts(ctx) : null,
  ]);
  const items: ChecklistItem[] = [
    { step: 'items', done: catalog.products > 0, href: '/admin/catalog' },
    { step: 'taxes', done: catalog.taxClasses > 0, href: '/admin/catalog/taxes' },
    { step: 'staff', done: pinStaff.length > 0, href: '/admin/staff' },
    ...(floor ? [{ step: 'tables' as const, done: floor.changedSinceStart, href: '/admin/tables' }] : []),
    { step: 'shift', done: shift, href: '/register' },
  ];
  return { businessType: settings.businessType, items, removableSamples: catalog.removableSamples };
}

/** The owner is done with the checklist: it stays hidden (a setting, audited like any other). */
export async function dismissChecklist(ctx: TenantContext): Promise<void> {
  await updateTenantSettings(ctx, { checklistDismissed: true });
}

/** "Remove sample items": the catalog decides which; sales (orders) and the stock ledger (inventory) say which must be archived instead. */
export async function removeSamples(ctx: TenantContext): Promise<SampleRemoval> {
  return removeSampleProducts(ctx, async (variantIds) => {
    const [sold, moved] = await Promise.all([variantsSold(ctx, variantIds), variantsWithMovements(ctx, variantIds)]);
    return new Set([...sold, ...moved]);
  });
}
