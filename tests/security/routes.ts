import { sql } from 'drizzle-orm';
import { withTenant } from '@/lib/platform/db';
import { rowsOf } from '../helpers';

/** What the route sweeps (bola-sweep, input-fuzz) share: the routes on disk, whose ids they take, and a tenant's rows digested. */
export { findRoutes, type Route } from '@/scripts/api-routes';

/** Routes anyone may read on any host, with why (reviewed list): they hold no tenant's data. */
export const PUBLIC_ROUTES: Record<string, string> = {
  '/api/v1/openapi.json': "the API's own description, made from the code: the same on every host",
};

/** Route segments whose param is not a tenant resource id, with why (reviewed list). */
export const NOT_AN_ID: Record<string, string> = {
  '/api/v1/analytics/reports/[name]': 'a report name (sales, products, …), the same for every tenant',
  '/api/v1/analytics/reports/[name]/export': 'a report name, as above',
  '/api/v1/shifts/days/[date]': "a business day (YYYY-MM-DD), the same calendar for every tenant; the shifts listed are the host tenant's (RLS; the cross-tenant case: tests/api/shifts-api.test.ts)",
  '/api/v1/photos/[hash]/[size]': "a photo's content hash and width, looked up only under the host tenant's own storage keys (the cross-tenant case: tests/catalog/photos.test.ts)",
};

/** Which of a tenant's rows a route's `[id]` names, by the path before it. */
export const KIND_OF: [RegExp, string][] = [
  [/^\/api\/v1\/orders\/\[id\]/, 'orders'],
  [/^\/api\/v1\/products\/\[id\]/, 'products'],
  [/^\/api\/v1\/categories\/\[id\]/, 'categories'],
  [/^\/api\/v1\/discounts\/\[id\]/, 'saved_discounts'],
  [/^\/api\/v1\/modifier-groups\/\[id\]/, 'modifier_groups'],
  [/^\/api\/v1\/tax-classes\/\[id\]/, 'tax_classes'],
  [/^\/api\/v1\/inventory\/locations\/\[id\]/, 'locations'],
  [/^\/api\/v1\/restaurant\/menus\/\[id\]/, 'menus'],
  [/^\/api\/v1\/restaurant\/tables\/\[id\]/, 'dining_tables'],
  [/^\/api\/v1\/shifts\/\[id\]/, 'shifts'],
  [/^\/api\/v1\/staff\/\[id\]/, 'users'],
  [/^\/api\/v1\/customers\/\[id\]/, 'customers'],
  [/^\/api\/v1\/suppliers\/\[id\]/, 'suppliers'],
  [/^\/api\/v1\/purchase-orders\/\[id\]/, 'purchase_lists'],
  [/^\/api\/v1\/api-keys\/\[id\]/, 'api_keys'],
  [/^\/api\/v1\/webhooks\/\[id\]/, 'webhook_endpoints'],
  [/^\/api\/v1\/webhooks\/deliveries\/\[id\]/, 'webhook_deliveries'],
  [/^\/api\/v1\/offline-sales\/refused\/\[id\]/, 'refused_offline_sales'],
];

/** One id of each kind KIND_OF names, of `tenantId`. */
export async function idsOf(tenantId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [, table] of KIND_OF) {
    const [row] = rowsOf<{ id: string }>(await withTenant(tenantId, (tx) => tx.execute(sql`select id from ${sql.identifier(table)} limit 1`)));
    if (row) ids.set(table, row.id);
  }
  return ids;
}

export const undelivered = async (tenantId: string) =>
  rowsOf<{ n: number }>(await withTenant(tenantId, (tx) => tx.execute(sql`select count(*)::int as n from outbox_events where dispatched_at is null`)))[0]!.n;

/** Every tenant table's rows of `tenantId` (under its RLS), as a count and a digest: any change shows. One statement. */
export async function snapshot(tenantId: string): Promise<Record<string, string>> {
  return withTenant(tenantId, async (tx) => {
    const tables = rowsOf<{ table_name: string }>(
      await tx.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`),
    ).map((r) => r.table_name);
    const digests = sql.join(
      tables.map(
        (table) =>
          sql`select ${table} as "table", count(*)::int || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from ${sql.identifier(table)} t`,
      ),
      sql` union all `,
    );
    return Object.fromEntries(rowsOf<{ table: string; digest: string }>(await tx.execute(digests)).map((r) => [r.table, r.digest]));
  });
}
