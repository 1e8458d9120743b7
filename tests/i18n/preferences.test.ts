import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '@/db/schema/auth';
import { displayPreferences, setOwnLocale } from '@/lib/auth';
import { withTenant } from '@/lib/platform/db';
import { formatsFor } from '@/lib/platform/formats';
import { formatDateTime, formatDay, formatDuration } from '@/lib/platform/format-time';
import { decimalToMinor, formatMoney } from '@/lib/platform/money';
import { getTenantSettings, settingsPatchSchema, updateTenantSettings } from '@/lib/tenancy';
import { contextOf, createTenant, type TestTenant } from '../helpers';

/** Whose language a page speaks: the person's choice, else the tenant's; and how amounts and moments read in it. */
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant({ currency: 'MMK', timeZone: 'Asia/Yangon' }), createTenant({ currency: 'MMK' })]);
});

describe('display preferences', () => {
  it("follow the tenant's language until a person chooses their own, and only theirs changes", async () => {
    expect(await displayPreferences({ tenantId: a.tenant.id }, a.cashier.id)).toEqual({ locale: 'en', chosen: null, tenantLocale: 'en', currencyDisplay: 'code' });

    await updateTenantSettings(contextOf(a), settingsPatchSchema.parse({ locale: 'my', currencyDisplay: 'local' }));
    expect(await displayPreferences({ tenantId: a.tenant.id }, a.cashier.id)).toEqual({ locale: 'my', chosen: null, tenantLocale: 'my', currencyDisplay: 'local' });
    expect(await displayPreferences({ tenantId: a.tenant.id }, null)).toMatchObject({ locale: 'my' }); // the sign-in page

    await setOwnLocale(contextOf(a, a.cashier), 'en');
    expect(await displayPreferences({ tenantId: a.tenant.id }, a.cashier.id)).toMatchObject({ locale: 'en', chosen: 'en', tenantLocale: 'my' });
    expect(await displayPreferences({ tenantId: a.tenant.id }, a.manager.id)).toMatchObject({ locale: 'my', chosen: null });

    await setOwnLocale(contextOf(a, a.cashier), null);
    expect(await displayPreferences({ tenantId: a.tenant.id }, a.cashier.id)).toMatchObject({ locale: 'my', chosen: null });
  });

  it("never reach another business: its settings and people keep their own, and its user id finds nobody here", async () => {
    await setOwnLocale(contextOf(a, a.owner), 'my');
    expect(await displayPreferences({ tenantId: b.tenant.id }, b.owner.id)).toEqual({ locale: 'en', chosen: null, tenantLocale: 'en', currencyDisplay: 'code' });
    // A's owner's id asked under B's tenant: no row (RLS), so B's default.
    expect(await displayPreferences({ tenantId: b.tenant.id }, a.owner.id)).toMatchObject({ locale: 'en', chosen: null });
    expect((await getTenantSettings({ tenantId: b.tenant.id })).locale).toBe('en');
  });

  it("are kept by this process a few seconds: a change it did not make (another instance's) shows once the copy is old", async () => {
    const own = await createTenant();
    expect(await displayPreferences({ tenantId: own.tenant.id }, own.cashier.id)).toMatchObject({ locale: 'en' });
    // Written behind this process's back, as another instance would.
    await withTenant(own.tenant.id, (tx) => tx.update(users).set({ locale: 'my' }).where(eq(users.id, own.cashier.id)));
    expect(await displayPreferences({ tenantId: own.tenant.id }, own.cashier.id)).toMatchObject({ locale: 'en' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 5_001 });
    try {
      expect(await displayPreferences({ tenantId: own.tenant.id }, own.cashier.id)).toMatchObject({ locale: 'my', chosen: 'my' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuse a language Tillwise does not speak', () => {
    expect(settingsPatchSchema.safeParse({ locale: 'fr' }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ currencyDisplay: 'symbol' }).success).toBe(false);
  });
});

describe('formats in the chosen language', () => {
  it('write MMK by code, as shops do ("Ks", "ကျပ်"), and other currencies by their symbol', () => {
    const nb = (s: string) => s.replace(/\u00a0/g, ' ');
    expect(nb(formatMoney(2500, 'MMK'))).toBe('MMK 2,500');
    expect(formatMoney(2500, 'MMK', { display: 'local' })).toBe('2,500 Ks');
    expect(formatMoney(2500, 'MMK', { locale: 'my', display: 'local' })).toBe('၂,၅၀၀ ကျပ်');
    expect(nb(formatMoney(-2500, 'MMK', { locale: 'my' }))).toBe('-၂,၅၀၀ MMK');
    expect(formatMoney(450, 'USD')).toBe('$4.50');
    expect(formatMoney(450, 'USD', { display: 'local' })).toBe('$4.50');
    expect(formatsFor('my', 'local').moneyDelta(500, 'MMK')).toBe('+၅၀၀ ကျပ်');
  });

  it('read amounts typed in Myanmar digits', () => {
    expect(decimalToMinor('၂,၅၀၀', 'MMK')).toBe(2500);
    expect(decimalToMinor('၄.၅', 'USD')).toBe(450);
  });

  it('write moments on the tenant clock in Burmese with Myanmar digits, English unchanged', () => {
    const at = '2026-03-03T07:35:00Z'; // 14:05 in Yangon
    expect(formatDateTime(at, 'Asia/Yangon', 'time')).toBe('14:05');
    expect(formatDateTime(at, 'Asia/Yangon', 'time', 'my')).toBe('၁၄:၀၅');
    expect(formatDay('2026-03-03', 'long', 'my')).toContain('မတ်');
    expect(formatDuration(7 * 3_600_000 + 5 * 60_000, 'my')).toBe('၇ နာရီ ၀၅ မိနစ်');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
  });
});
