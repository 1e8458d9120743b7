import { alerts, dashboard, type RangeInput } from '@/lib/analytics';
import type { TenantContext } from '@/lib/auth';
import { defaultLocation, listLevels, listLocations } from '@/lib/inventory';
import { countOrdersByStatus, listOrders } from '@/lib/orders';
import { breakerStatus } from '@/lib/payments';
import { AppError } from '@/lib/platform/errors';
import { listTables } from '@/lib/restaurant';

const LOW_STOCK_SHOWN = 8;
const OPEN_ORDERS_SHOWN = 5;

/**
 * Everything the /admin home shows, read in parallel: the figures of the chosen range
 * (lib/analytics, one read) and, beside them, what is true right now — low stock at the
 * location, occupied tables, orders still open or unpaid, the card service's breaker, and
 * the alerts (unusual refunds, voids, short drawers, slow sales) of the range's last day.
 * A range the analytics module refuses (a bad date in the URL) comes back as `rangeError`
 * with today's figures, so the page still renders and says what was wrong.
 */
export async function dashboardData(ctx: TenantContext, range: RangeInput) {
  const figures = await dashboard(ctx, range).catch(async (err: unknown) => {
    if (!(err instanceof AppError) || err.code !== 'bad_request') throw err;
    return { ...(await dashboard(ctx, {})), rangeError: err.message };
  });
  const stockLocation = figures.locationId ?? (await defaultLocation(ctx))?.id;
  const [unusual, locations, lowStock, tables, unpaid, openOrders] = await Promise.all([
    alerts(ctx, { date: figures.to, locationId: figures.locationId ?? undefined }),
    listLocations(ctx),
    stockLocation ? listLevels(ctx, { location: stockLocation, lowStock: true, skip: 0, limit: LOW_STOCK_SHOWN }) : null,
    listTables(ctx, { status: 'occupied' }),
    countOrdersByStatus(ctx, { location: figures.locationId ?? undefined }),
    listOrders(ctx, { status: 'open,placed', location: figures.locationId ?? undefined, skip: 0, limit: OPEN_ORDERS_SHOWN }),
  ]);
  return {
    figures: { ...figures, rangeError: 'rangeError' in figures ? figures.rangeError : null },
    alerts: unusual,
    locations,
    lowStock: lowStock ?? { data: [], total: 0 },
    occupiedTables: tables,
    openOrders: { counts: { open: unpaid.open ?? 0, placed: unpaid.placed ?? 0 }, recent: openOrders.data },
    cardService: breakerStatus(),
  };
}
export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;
