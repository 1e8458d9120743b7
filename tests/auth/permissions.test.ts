import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from '@/lib/auth/permissions';

/** The whole matrix, written out: a change to who may do what must change this table too. */
const expected: Record<Permission, Role[]> = {
  'admin:access': ['owner', 'manager'],
  'staff:read': ['owner', 'manager'],
  'staff:write': ['owner', 'manager'],
  'staff:manage-owners': ['owner'],
  'settings:write': ['owner'],
  'audit:read': ['owner', 'manager'],
  'register:use': ['owner', 'manager', 'cashier'],
  'catalog:read': ['owner', 'manager', 'cashier'],
  'catalog:write': ['owner', 'manager'],
  'cost:read': ['owner', 'manager'],
  'menu:read': ['owner', 'manager', 'cashier'],
  'menu:write': ['owner', 'manager'],
  'tables:read': ['owner', 'manager', 'cashier'],
  'tables:operate': ['owner', 'manager', 'cashier'],
  'tables:write': ['owner', 'manager'],
  'kitchen:use': ['owner', 'manager', 'cashier'],
  'kitchen:write': ['owner', 'manager'],
  'stock:read': ['owner', 'manager', 'cashier'],
  'stock:write': ['owner', 'manager'],
  'order:create': ['owner', 'manager', 'cashier'],
  'order:read': ['owner', 'manager', 'cashier'],
  'order:void': ['owner', 'manager'],
  'offline:resolve': ['owner', 'manager'],
  'refund:create': ['owner', 'manager'],
  'discount:override': ['owner', 'manager'],
  'shift:read': ['owner', 'manager', 'cashier'],
  'shift:operate': ['owner', 'manager', 'cashier'],
  'shift:manage': ['owner', 'manager'],
  'reports:read': ['owner', 'manager'],
  'timeclock:use': ['owner', 'manager', 'cashier'],
  'timeclock:manage': ['owner', 'manager'],
  'assistant:use': ['owner', 'manager'],
  'customer:read': ['owner', 'manager', 'cashier'],
  'customer:write': ['owner', 'manager', 'cashier'],
  'customer:privacy': ['owner'],
  'apikeys:manage': ['owner'],
  'webhooks:read': ['owner'],
  'webhooks:write': ['owner'],
};

describe('permission matrix', () => {
  it('lists exactly the permissions of the table', () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(PERMISSIONS.flatMap((p) => ROLES.map((r) => [r, p] as const)))('%s / %s', (role, permission) => {
    expect(can(role, permission)).toBe(expected[permission].includes(role));
  });

  it('owners can do everything; cashiers never reach the admin', () => {
    expect(PERMISSIONS.every((p) => can('owner', p))).toBe(true);
    expect(can('cashier', 'admin:access')).toBe(false);
    expect(can('cashier', 'refund:create')).toBe(false);
  });
});
