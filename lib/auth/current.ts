import { refresh } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import type { z } from 'zod';
import { AppError, fieldErrorsOf, toFormState, type FormMessage } from '@/lib/platform/errors';
import { trimmedText } from '@/lib/platform/form-data';
import { PATH_HEADER_NAME } from '@/lib/platform/headers';
import { requestContextFrom, runWithContext } from '@/lib/platform/request-context';
import { currentTenant, type TenantInfo } from '@/lib/tenancy';
import { DEFAULT_LOCALE, type Locale } from '@/lib/platform/locale';
import { fieldIssueWords, formWords as sayIn } from '@/lib/platform/field-words';
import { translatorFor } from '@/lib/platform/i18n';
import { grantApproval } from './approvals';
import { displayPreferences, type DisplayPreferences } from './locale';
import { resolveStaff, staffOf, type TenantContext } from './context';
import type { Permission } from './permissions';
import { clientIp } from './rate-limits';
import { REGISTER_LOCK_COOKIE, registerLockOf } from './register-lock';
import { staffToSwitchTo } from './staff';
import { grantApprovalSchema, type ApprovablePermission } from './schemas';

/** This render's request, as resolveStaff reads it. */
const thisRequest = async () => ({ headers: await headers(), cookies: await cookies() });

/** The host's tenant and who is signed in to it (null when nobody is), or null off a store's host: for pages open to both. */
export const currentStaff = cache(async (): Promise<{ tenant: TenantInfo; ctx: TenantContext | null } | null> => {
  const tenant = await currentTenant();
  if (!tenant) return null;
  return { tenant, ctx: await staffOf(tenant, await thisRequest()) };
});

/**
 * The language and money display this render uses: the signed-in person's choice, else their
 * tenant's; off a store's host (the landing site) English. Once per render (React `cache`), so
 * i18n/request.ts, the root layout and a page share one read.
 */
export const currentDisplayPreferences = cache(async (): Promise<DisplayPreferences & { timeZone: string }> => {
  const staff = await currentStaff();
  if (!staff) return { locale: DEFAULT_LOCALE, chosen: null, tenantLocale: DEFAULT_LOCALE, currencyDisplay: 'code', timeZone: 'UTC' };
  return { ...(await displayPreferences({ tenantId: staff.tenant.id }, staff.ctx?.userId ?? null)), timeZone: staff.tenant.timeZone };
});

/**
 * On a register that locked itself (register-lock.ts): who was signed in, and who may sign in
 * by PIN there now. Null on any other device. The sign-in page offers the PIN form with it.
 */
export const lockedRegister = cache(async (tenant: TenantInfo): Promise<{ lockedUserId: string; staff: Awaited<ReturnType<typeof staffToSwitchTo>> } | null> => {
  const lock = await registerLockOf(tenant.id, (await cookies()).get(REGISTER_LOCK_COOKIE)?.value);
  return lock && { lockedUserId: lock.userId, staff: await staffToSwitchTo({ tenantId: tenant.id }, null) };
});

/** resolveStaff for this render, once per permission (a layout and its page share the answer). */
const staffForRender = cache(async (permission?: Permission) => resolveStaff(await thisRequest(), permission));

/**
 * Guard for tenant pages: unknown store → 404, signed out → sign-in page (and back after),
 * role without `permission` → 403 page.
 */
export async function requireStaff(permission?: Permission): Promise<TenantContext> {
  try {
    return await staffForRender(permission);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'not_found') notFound();
    if (err.code === 'forbidden') forbidden();
    const back = (await headers()).get(PATH_HEADER_NAME) ?? '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }
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
  run: (ctx: TenantContext, data: z.output<S>) => Promise<string>,
): Promise<FormState> {
  const staff = await staffFor(permission);
  if ('error' in staff) return staff;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      error: await formWords('checkFields'),
      fieldErrors: fieldErrorsOf(parsed.error.issues, undefined, fieldIssueWords(await formLocale())),
    };
  }
  return asStaff(staff, async () => {
    try {
      const ok = await run(staff, parsed.data);
      refresh(); // re-render the page the form is on with the change
      return { ok };
    } catch (err) {
      return toFormState(err, sayIn(await formLocale()));
    }
  });
}

/**
 * The same guard for a server action that only reads (a picker's search, a panel's load):
 * its answer, or `empty` with the error to show. It never refreshes the page.
 */
export async function staffRead<T extends object>(permission: Permission, empty: T, run: (ctx: TenantContext) => Promise<T>): Promise<T & { error?: string }> {
  const staff = await staffFor(permission);
  if ('error' in staff) return { ...empty, error: staff.error };
  return asStaff(staff, async () => {
    try {
      return await run(staff);
    } catch (err) {
      return { ...empty, error: toFormState(err, sayIn(await formLocale())).error };
    }
  });
}

/** The staff member allowed `permission`, or the form message saying why not. */
/**
 * A form's own refusal in the reader's language (the person's or tenant's, as the page renders).
 * The field messages beside it come from the modules' zod schemas and stay as they wrote them.
 */
/** The language a server action answers its form in: the reader's, English when it cannot be read. */
async function formLocale(): Promise<Locale> {
  return (await currentDisplayPreferences().catch(() => ({ locale: DEFAULT_LOCALE }))).locale;
}

async function formWords(key: 'checkFields' | 'roleForbidden' | 'sessionEnded'): Promise<string> {
  return translatorFor(await formLocale(), 'errors')(key);
}

async function staffFor(permission: Permission): Promise<TenantContext | { error: string }> {
  try {
    return await staffForRender(permission);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { error: await formWords(err.code === 'forbidden' ? 'roleForbidden' : 'sessionEnded') };
  }
}

/** Runs an action's work in its request's context (log fields; address and device for the audit log), as tenantRoute does for the API. */
async function asStaff<T>(ctx: TenantContext, fn: () => Promise<T>): Promise<T> {
  return runWithContext({ ...requestContextFrom(await headers()), tenantId: ctx.tenantId, tenantSlug: ctx.tenant.slug, userId: ctx.userId }, fn);
}

/**
 * The approver and PIN a form carried (a manager stepped in at the register), exchanged at
 * once for a one-action approval token; null when the form carried none.
 */
export async function approvalFromForm(ctx: TenantContext, formData: FormData, permission: ApprovablePermission): Promise<{ token: string } | null> {
  const [userId, pin] = [trimmedText(formData, 'approverId'), trimmedText(formData, 'pin')];
  if (!userId && !pin) return null;
  const approval = await grantApproval(ctx, grantApprovalSchema.parse({ userId, pin, permission }), clientIp(await headers()));
  return { token: approval.token };
}

/**
 * The form field an approval error belongs on: `userId` (from grantApproval's input) on the
 * approver picker, `approval` (from authorise) on the PIN; any other path is the form's own.
 */
export const approverFieldName = (path: string): string => (path === 'userId' ? 'approverId' : path === 'approval' ? 'pin' : path);
