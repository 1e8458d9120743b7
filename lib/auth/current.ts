import { refresh } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { z } from 'zod';
import { toFormState, type FormMessage } from '@/lib/platform/errors';
import { PATH_HEADER_NAME } from '@/lib/platform/headers';
import { requestIdFrom, runWithContext } from '@/lib/platform/request-context';
import { currentTenant, type TenantInfo } from '@/lib/tenancy';
import { grantApproval } from './approvals';
import { can, type Permission } from './permissions';
import { clientIp } from './rate-limits';
import { grantApprovalSchema, type ApprovablePermission } from './schemas';
import { sessionTokenFrom, verifySessionToken, type StaffSession } from './session';


/** The signed-in staff member of the current tenant host, or null (server components). */
export const currentStaff = cache(async (): Promise<{ tenant: TenantInfo; user: StaffSession | null } | null> => {
  const tenant = await currentTenant();
  if (!tenant) return null;
  return { tenant, user: await verifySessionToken(sessionTokenFrom(await cookies()), tenant.id) };
});

/**
 * Guard for tenant pages: unknown store → 404, signed out → sign-in page (and back after),
 * role without `permission` → 403 page.
 */
export async function requireStaff(permission?: Permission): Promise<{ tenant: TenantInfo; user: StaffSession }> {
  const current = await currentStaff();
  if (!current) notFound();
  if (!current.user) {
    const back = (await headers()).get(PATH_HEADER_NAME) ?? '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (permission && !can(current.user.role, permission)) forbidden();
  return { tenant: current.tenant, user: current.user };
}

export type { FormMessage };
export type FormState = FormMessage | null;

/**
 * The server-action twin of tenantRoute: host tenant + session + permission, input parsed by
 * the module's zod schema, errors turned into form messages. No SQL or rules here.
 */
export async function staffAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  input: unknown,
  run: (ctx: StaffContext, data: z.output<S>) => Promise<string>,
): Promise<FormState> {
  const staff = await staffFor(permission);
  if ('error' in staff) return staff;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      error: 'Check the highlighted fields.',
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'form', i.message])),
    };
  }
  return asStaff(staff, async () => {
    try {
      const ok = await run(staff, parsed.data);
      refresh(); // re-render the page the form is on with the change
      return { ok };
    } catch (err) {
      return toFormState(err);
    }
  });
}

/**
 * The same guard for a server action that only reads (a picker's search, a panel's load):
 * its answer, or `empty` with the error to show. It never refreshes the page.
 */
export async function staffRead<T extends object>(permission: Permission, empty: T, run: (ctx: StaffContext) => Promise<T>): Promise<T & { error?: string }> {
  const staff = await staffFor(permission);
  if ('error' in staff) return { ...empty, error: staff.error };
  return asStaff(staff, async () => {
    try {
      return await run(staff);
    } catch (err) {
      return { ...empty, error: toFormState(err).error };
    }
  });
}

type StaffContext = { tenant: TenantInfo; user: StaffSession };

/** The host's tenant and signed-in staff member allowed `permission`, or the form message saying why not. */
async function staffFor(permission: Permission): Promise<StaffContext | { error: string }> {
  const current = await currentStaff();
  if (!current?.user) return { error: 'Your session has ended. Sign in again.' };
  if (!can(current.user.role, permission)) return { error: 'Your role does not allow this.' };
  return { tenant: current.tenant, user: current.user };
}

/** Runs an action's work in its request's log context, as tenantRoute does for the API. */
async function asStaff<T>({ tenant, user }: StaffContext, fn: () => Promise<T>): Promise<T> {
  return runWithContext({ requestId: requestIdFrom(await headers()), tenantId: tenant.id, tenantSlug: tenant.slug, userId: user.userId }, fn);
}

/**
 * The approver and PIN a form carried (a manager stepped in at the register), exchanged at
 * once for a one-action approval token; null when the form carried none.
 */
export async function approvalFromForm(user: StaffSession, formData: FormData, permission: ApprovablePermission): Promise<{ token: string } | null> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  const [userId, pin] = [field('approverId'), field('pin')];
  if (!userId && !pin) return null;
  const approval = await grantApproval(user, grantApprovalSchema.parse({ userId, pin, permission }), clientIp(await headers()));
  return { token: approval.token };
}

/**
 * The form field an approval error belongs on: `userId` (from grantApproval's input) on the
 * approver picker, `approval` (from authorise) on the PIN; any other path is the form's own.
 */
export const approverFieldName = (path: string): string => (path === 'userId' ? 'approverId' : path === 'approval' ? 'pin' : path);
