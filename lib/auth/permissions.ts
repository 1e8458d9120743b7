import type { Role } from '@/db/schema/auth';

export type { Role };
export const ROLES = ['owner', 'manager', 'cashier'] as const satisfies readonly Role[];

/**
 * The permission matrix: which roles may do what. The single source for route handlers,
 * server actions, pages and the UI (hiding what a role cannot use). Unit-tested as a table.
 */
const matrix = {
  'admin:access': ['owner', 'manager'],
  'staff:read': ['owner', 'manager'],
  'staff:write': ['owner', 'manager'],
  /** Create, change or deactivate owners, and make someone an owner. */
  'staff:manage-owners': ['owner'],
  'settings:write': ['owner'],
  'audit:read': ['owner', 'manager'],
  'register:use': ['owner', 'manager', 'cashier'],
  'catalog:read': ['owner', 'manager', 'cashier'],
  'catalog:write': ['owner', 'manager'],
  /** What items cost the store and the margins that follow: stripped from every API answer for the rest (cost-visibility.ts). */
  'cost:read': ['owner', 'manager'],
  'menu:read': ['owner', 'manager', 'cashier'],
  'menu:write': ['owner', 'manager'],
  'tables:read': ['owner', 'manager', 'cashier'],
  /** Seat guests and clear tables (status and covers). */
  'tables:operate': ['owner', 'manager', 'cashier'],
  /** Change the floor plan: add, rename, move, remove tables. */
  'tables:write': ['owner', 'manager'],
  /** The kitchen display: see a station's tickets, bump and recall them. */
  'kitchen:use': ['owner', 'manager', 'cashier'],
  /** Kitchen stations and which station makes what. */
  'kitchen:write': ['owner', 'manager'],
  'stock:read': ['owner', 'manager', 'cashier'],
  'stock:write': ['owner', 'manager'],
  'order:create': ['owner', 'manager', 'cashier'],
  'order:read': ['owner', 'manager', 'cashier'],
  'order:void': ['owner', 'manager'],
  /** Deal with an offline sale the server refused ("Needs attention"): re-ring it or write it off (docs/offline.md). */
  'offline:resolve': ['owner', 'manager'],
  'refund:create': ['owner', 'manager'],
  'discount:override': ['owner', 'manager'],
  /** Read a register's open shift and a shift's X/Z report (an integration's, with `shifts:read`). */
  'shift:read': ['owner', 'manager', 'cashier'],
  'shift:operate': ['owner', 'manager', 'cashier'],
  /** Cash out of a drawer above the tenant's limit, and closing a shift someone else opened. */
  'shift:manage': ['owner', 'manager'],
  'reports:read': ['owner', 'manager'],
  /** Clock in and out by one's own PIN at a register (the PIN says who). */
  'timeclock:use': ['owner', 'manager', 'cashier'],
  /** See everyone's hours, correct and add time clock entries (audited, with a reason). */
  'timeclock:manage': ['owner', 'manager'],
  'assistant:use': ['owner', 'manager'],
  /** Find customers and see their profiles (the register attaches them to orders). */
  'customer:read': ['owner', 'manager', 'cashier'],
  /** Add a customer and change their details (at the register or in the admin). */
  'customer:write': ['owner', 'manager', 'cashier'],
  /** See the webhook endpoints (never their secrets) and their delivery log (docs/api.md › Webhooks). */
  'webhooks:read': ['owner'],
  /** Add, change, turn off and delete webhook endpoints, rotate their signing secrets, send test events and redeliveries. */
  'webhooks:write': ['owner'],
  /** Export a customer's personal data or erase it: the owner, who answers for it. */
  'customer:privacy': ['owner'],
  /** Create, list and revoke the business's API keys (/admin/developers). No key scope grants it: a key never mints keys. */
  'apikeys:manage': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof matrix;
export const PERMISSIONS = Object.keys(matrix) as Permission[];

/**
 * Who a check is about: a staff member (their role decides) or an API key, which acts with its
 * own permission set (its scopes, lib/auth/api-scopes.ts) and never with a role's. A
 * TenantContext is one: pass the whole context (`can(ctx, …)`), never `ctx.role`, so a key's
 * request is judged by its scopes everywhere (tests/platform/architecture.test.ts holds lib/ to it).
 */
export type Principal = { role: Role; apiKey?: { permissions: readonly Permission[] } };

export function can(who: Role | Principal, permission: Permission): boolean {
  if (typeof who !== 'string') return who.apiKey ? who.apiKey.permissions.includes(permission) : can(who.role, permission);
  return (matrix[permission] as readonly Role[]).includes(who);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
