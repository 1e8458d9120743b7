import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildWhereNeeded, refundsAndVoids, salesByDay, salesSummary, topProducts } from '@/lib/analytics';
import { businessDate } from '@/lib/orders';
import { addDays } from '@/lib/platform/business-day';
import { updateTenantSettings } from '@/lib/tenancy/settings';
import { seedOrderHistory } from '@/scripts/seed/seed-history';
import { contextOf } from '../helpers';
import { directProducts, directRefundsAndVoids, directSummary } from './direct-sql';
import { figuresOf, setUpShop, type Shop } from './fixtures';

/**
 * The seeded history writes order rows directly and emits no events: its rollups come from a
 * rebuild (the seed runs one; the start-up job does it for any tenant with sales and no
 * rollups yet), and a changed day start recuts them.
 */
let shop: Shop;
const summaryValues = async (range: { from: string; to: string }) =>
  figuresOf(await salesSummary(shop.owner, range));

beforeAll(async () => {
  shop = await setUpShop({ timeZone: 'America/New_York', dayStartsAt: '00:00', pricesIncludeTax: false });
  const result = await seedOrderHistory(shop.t.tenant.id, { days: 14, profile: 'shop', timeZone: 'America/New_York', currency: 'USD', ordersPerDay: { min: 40, max: 60 } });
  expect(result.refunds).toBeGreaterThan(0);
});

describe('seeded history', () => {
  const today = () => businessDate('America/New_York');
  const range = () => ({ from: addDays(today(), -20), to: today() });

  it('has no rollups until a rebuild, which the start-up job runs for a tenant with sales and none', async () => {
    expect((await salesSummary(shop.owner, range())).orders.value).toBe(0);
    expect(await rebuildWhereNeeded()).toContain(shop.t.tenant.id);
    expect(await summaryValues(range())).toEqual(await directSummary(shop.t.tenant.id, { timeZone: 'America/New_York', dayStartsAt: '00:00' }, range()));
    expect((await salesByDay(shop.owner, range())).filter((d) => d.orders > 0)).toHaveLength(14);
    expect((await topProducts(shop.owner, { ...range(), limit: 100 })).map(({ variantId, productId: _p, productName: _n, variantName: _v, ...rest }) => ({ key: variantId, ...rest }))).toEqual(
      await directProducts(shop.t.tenant.id, { timeZone: 'America/New_York', dayStartsAt: '00:00' }, range(), 'net'),
    );
    const report = await refundsAndVoids(shop.owner, range());
    const direct = await directRefundsAndVoids(shop.t.tenant.id, { timeZone: 'America/New_York', dayStartsAt: '00:00' }, range());
    expect(report.voids.entries.map((v) => v.approvedBy)).toEqual(direct.voids.map((v) => v.approvedBy));
    expect(report.refunds.amount).toBe(direct.refunds.reduce((s, r) => s + r.amount, 0));
    // Nothing left to do for it (other files' tenants, on a shared Postgres, may still need theirs).
    expect(await rebuildWhereNeeded()).not.toContain(shop.t.tenant.id);
  });

  it('recuts the rollups when the day start changes', async () => {
    await updateTenantSettings(contextOf(shop.t), { dayStartsAt: '10:00' });
    expect(await rebuildWhereNeeded()).toContain(shop.t.tenant.id);
    const rule = { timeZone: 'America/New_York', dayStartsAt: '10:00' };
    expect(await summaryValues(range())).toEqual(await directSummary(shop.t.tenant.id, rule, range()));
    // The shop opens at 08:00: with a 10:00 start, its mornings count on the day before.
    const byDay = await salesByDay(shop.owner, range());
    const direct = await directSummary(shop.t.tenant.id, rule, { from: byDay.find((d) => d.orders > 0)!.date, to: byDay.find((d) => d.orders > 0)!.date });
    expect(byDay.find((d) => d.orders > 0)!.orders).toBe(direct.orders);
  });
});
