import { refresh } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { z } from 'zod';
import { toAppError } from '@/lib/platform/errors';
import { PATH_HEADER_NAME, REQUEST_ID_HEADER } from '@/lib/platform/headers';
import { runWithContext } from '@/lib/platform/request-context';
import { logger } from '@/lib/platform/logger';
import { currentTenant } from '@/lib/tenancy/current';
import type { TenantInfo } from '@/lib/tenancy/registry';
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

/** What a form's server action returns to the form (useActionState). */
export type FormMessage = { ok?: string; error?: string; fieldErrors?: Record<string, string> };
export type FormState = FormMessage | null;

/**
 * The server-action twin of tenantRoute: host tenant + session + permission, input parsed by
 * the module's zod schema, errors turned into form messages. No SQL or rules here.
 */
export async function staffAction<S extends z.ZodType>(
  permission: Permission,
  schema: S,
  input: unknown,
  run: (ctx: { tenant: TenantInfo; user: StaffSession }, data: z.output<S>) => Promise<string>,
): Promise<FormState> {
  const current = await currentStaff();
  if (!current?.user) return { error: 'Your session has ended. Sign in again.' };
  if (!can(current.user.role, permission)) return { error: 'Your role does not allow this.' };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      error: 'Check the highlighted fields.',
      fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'form', i.message])),
    };
  }
  const { tenant, user } = current;
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? crypto.randomUUID();
  return runWithContext({ requestId, tenantId: tenant.id, tenantSlug: tenant.slug, userId: user.userId }, async () => {
    try {
      const ok = await run({ tenant, user }, parsed.data);
      refresh(); // re-render the page the form is on with the change
      return { ok };
    } catch (err) {
      return formError(err);
    }
  });
}

/** An error as form state: field errors from AppError details, a generic message for the unknown. */
export function formError(err: unknown): FormMessage {
  const appError = toAppError(err);
  if (appError.status >= 500) logger.error({ err }, 'server action failed');
  const fields = Array.isArray(appError.details)
    ? Object.fromEntries(
        (appError.details as { path?: string; message?: string }[])
          .filter((d) => d.path && d.message)
          .map((d) => [d.path!, d.message!]),
      )
    : undefined;
  return { error: appError.message, ...(fields && Object.keys(fields).length > 0 && { fieldErrors: fields }) };
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
