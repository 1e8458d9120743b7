import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { expiringCopies, type ExpiringCopies } from '@/lib/platform/copies';
import { afterCommit, withTenant } from '@/lib/platform/db';
import { isLocale, type CurrencyDisplay, type Locale } from '@/lib/platform/locale';
import { getTenantSettings, onSettingsChanged } from '@/lib/tenancy';
import type { TenantContext, TenantScope } from './context';

/** The language a page renders in, and what it was chosen from (the language switch shows both). */
export type DisplayPreferences = {
  /** What the page uses: the person's choice, else the tenant's. */
  locale: Locale;
  /** The person's own choice; null: they follow the tenant. */
  chosen: Locale | null;
  tenantLocale: Locale;
  currencyDisplay: CurrencyDisplay;
};

/**
 * Every page reads the display preferences (a transaction of five statements), and they change
 * when someone picks their language or an owner the business's. So this process keeps them per
 * person for DISPLAY_TTL_MS, and drops a copy as soon as a change commits here (setOwnLocale, the
 * tenant's settings through onSettingsChanged). Another instance shows a change within
 * DISPLAY_TTL_MS: a page in the old language for a moment, never a price or a permission (those
 * settings are read in the transactions that use them). On globalThis: next build may bundle
 * this module twice (pages, route handlers), and both must drop the same copy.
 */
const DISPLAY_TTL_MS = 5000;
const copies = ((globalThis as { __tillwiseDisplayPreferences?: ExpiringCopies<DisplayPreferences> }).__tillwiseDisplayPreferences ??= expiringCopies(DISPLAY_TTL_MS, 10_000));
const copyKey = (tenantId: string, userId: string | null) => `${tenantId}:${userId ?? ''}`;
onSettingsChanged((tenantId) => copies.deletePrefix(`${tenantId}:`));

/**
 * The display preferences of `userId` (null: nobody signed in, the tenant's). Pages read it once
 * per render (i18n/request.ts caches it); API routes never do: /api/v1 answers locale-free JSON.
 */
export async function displayPreferences({ tenantId }: TenantScope, userId: string | null): Promise<DisplayPreferences> {
  const key = copyKey(tenantId, userId);
  const copy = copies.get(key);
  if (copy) return copy;
  const value: DisplayPreferences = await withTenant(tenantId, async (tx) => {
    const settings = await getTenantSettings({ tenantId }, tx);
    const [row] = userId ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)) : [];
    const chosen = isLocale(row?.locale) ? row.locale : null;
    return { locale: chosen ?? settings.locale, chosen, tenantLocale: settings.locale, currencyDisplay: settings.currencyDisplay };
  });
  copies.set(key, Object.freeze(value));
  return value; // frozen: every render of the next few seconds shares it
}

/** The signed-in person's interface language (null: follow the tenant's). Their own preference: no permission beyond being signed in, no audit. */
export async function setOwnLocale(ctx: TenantContext, locale: Locale | null): Promise<void> {
  await withTenant(ctx.tenantId, async (tx) => {
    await tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, ctx.userId));
    afterCommit(tx, () => copies.delete(copyKey(ctx.tenantId, ctx.userId)));
  });
}
