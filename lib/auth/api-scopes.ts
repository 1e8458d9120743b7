import type { Permission } from './permissions';

/**
 * What an API key may be given, in one place: each scope is a set of permissions of the matrix
 * (permissions.ts). A key's request is judged only by the permissions its scopes add up to —
 * the route's permission, and every check a module makes (`can(ctx, …)`) — never by a role.
 *
 * Left out on purpose (no scope grants them, so a key gets 403): what only a person at the
 * business may do — run a register or its PINs and approvals (`register:use`,
 * `discount:override`, `shift:manage`, `timeclock:*`), manage staff, settings, the audit log and
 * customers' privacy rights, talk to the assistant, and `apikeys:manage`: a key never mints keys.
 */
export const API_SCOPES = {
  'orders:read': ['order:read'],
  'orders:write': ['order:create'],
  'refunds:write': ['refund:create', 'order:void'],
  'catalog:read': ['catalog:read', 'menu:read'],
  'catalog:write': ['catalog:write', 'menu:write'],
  'costs:read': ['cost:read'],
  'inventory:read': ['stock:read'],
  'inventory:write': ['stock:write'],
  'tables:read': ['tables:read'],
  'tables:write': ['tables:operate', 'tables:write'],
  'shifts:read': ['shift:read'],
  // Opening and closing a shift needs to find it first: a key that could open one could read it anyway.
  'shifts:write': ['shift:read', 'shift:operate'],
  'customers:read': ['customer:read'],
  'customers:write': ['customer:write'],
  'reports:read': ['reports:read'],
  'staff:read': ['staff:read'],
  'webhooks:read': ['webhooks:read'],
  'webhooks:write': ['webhooks:write'],
} as const satisfies Record<string, readonly Permission[]>;

export type ApiScope = keyof typeof API_SCOPES;
export const SCOPES = Object.keys(API_SCOPES) as [ApiScope, ...ApiScope[]];

export const isApiScope = (value: string): value is ApiScope => Object.hasOwn(API_SCOPES, value);

/** The permissions a set of scopes adds up to. */
export function permissionsOf(scopes: readonly string[]): Permission[] {
  return [...new Set(scopes.filter(isApiScope).flatMap((s) => API_SCOPES[s] as readonly Permission[]))];
}

/** The scopes that grant `permission` (empty: no key may do it). */
export function scopesGranting(permission: Permission): ApiScope[] {
  return SCOPES.filter((s) => (API_SCOPES[s] as readonly Permission[]).includes(permission));
}
