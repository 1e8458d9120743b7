import { eq } from 'drizzle-orm';
import { users } from '@/db/schema/auth';
import { withTenant } from '@/lib/platform/db';
import { isLocale, type CurrencyDisplay, type Locale } from '@/lib/platform/locale';
import { getTenantSettings } from '@/lib/tenancy';
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
 * The display preferences of `userId` (null: nobody signed in, the tenant's) in one tenant
 * transaction. Pages read it once per render (i18n/request.ts caches it); API routes never do:
 * /api/v1 answers locale-free JSON.
 */
export async function displayPreferences({ tenantId }: TenantScope, userId: string | null): Promise<DisplayPreferences> {
  return withTenant(tenantId, async (tx) => {
    const settings = await getTenantSettings({ tenantId }, tx);
    const [row] = userId ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)) : [];
    const chosen = isLocale(row?.locale) ? row.locale : null;
    return { locale: chosen ?? settings.locale, chosen, tenantLocale: settings.locale, currencyDisplay: settings.currencyDisplay };
  });
}

/** The signed-in person's interface language (null: follow the tenant's). Their own preference: no permission beyond being signed in, no audit. */
export async function setOwnLocale(ctx: TenantContext, locale: Locale | null): Promise<void> {
  await withTenant(ctx.tenantId, (tx) => tx.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, ctx.userId)));
}
