import { can, type Principal, type Role } from './permissions';

/**
 * What a unit costs the store, and what follows from it (margins, cost of goods), is for those
 * with `cost:read` (owners and managers). The API's answers are shaped once, here, for everyone
 * else: every field of this list is taken out wherever it sits in the JSON (order lines, quotes,
 * product variants, stock movements, purchase lines), so a new route cannot forget it.
 */
export const COST_FIELDS: ReadonlySet<string> = new Set(['unitCost', 'cost', 'costs', 'costOfGoods', 'costedSales', 'uncostedItems', 'uncostedSales', 'margin', 'marginBasisPoints']);

export const seesCosts = (who: Role | Principal): boolean => can(who, 'cost:read');

/** `value` without any of COST_FIELDS, at any depth (a copy; `value` is left as it is). */
export function withoutCosts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutCosts);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).filter(([k]) => !COST_FIELDS.has(k)).map(([k, v]) => [k, withoutCosts(v)]));
  return value;
}

/**
 * The response as `who` may see it: a JSON answer without cost fields for a role (or an API key)
 * without `cost:read`; anything else (CSV, HTML, streams, those who see costs) untouched.
 */
export async function costsShownTo(who: Role | Principal, response: Response): Promise<Response> {
  if (seesCosts(who) || !response.headers.get('content-type')?.includes('application/json') || response.body === null) return response;
  const shaped = withoutCosts(await response.json());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(shaped), { status: response.status, statusText: response.statusText, headers });
}
