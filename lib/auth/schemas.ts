import { z } from 'zod';
import { patchSchema } from '@/lib/platform/validation';
import { LOCALES } from '@/lib/platform/locale';
import { slugSchema } from '@/lib/tenancy';
import { ROLES, type Permission } from './permissions';
import { issueWords } from '@/lib/platform/issue-words';

const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(254));
const passwordSchema = z
  .string()
  .min(8, 'Use at least 8 characters')
  .max(200, 'Use at most 200 characters');
export const pinSchema = z.string().regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits');
const personNameSchema = z.string().trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters');

const currencies = new Set(Intl.supportedValuesOf('currency'));
/** Any IANA zone name the runtime knows, aliases included (ICU lists Asia/Rangoon, not Asia/Yangon). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

export const signUpSchema = z.object({
  businessName: z.string().trim().min(2, 'Enter the business name').max(80, 'Use at most 80 characters'),
  slug: slugSchema,
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => currencies.has(c), { message: 'Choose an ISO 4217 currency, e.g. USD or MMK', params: issueWords('currency') }),
  timeZone: z.string().trim().refine(isTimeZone, { message: 'Choose a time zone, e.g. Asia/Yangon', params: issueWords('timeZone') }),
  ownerName: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const roleSchema = z.enum(ROLES, { message: 'Choose owner, manager or cashier' });

export const addStaffSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
  pin: pinSchema.optional(),
});
export type AddStaffInput = z.infer<typeof addStaffSchema>;

export const updateStaffSchema = patchSchema(
  z.object({
    name: personNameSchema,
    role: roleSchema,
    active: z.boolean(),
    /** A new PIN, or null to remove it. */
    pin: pinSchema.nullable(),
    password: passwordSchema,
  }),
);
export type UpdateStaffInput = z.infer<typeof updateStaffSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export const pinSignInSchema = z.object({ userId: z.uuid(), pin: pinSchema });

/** What a manager can approve at the register by PIN, standing in for the cashier. */
export const APPROVABLE_PERMISSIONS = ['discount:override', 'order:void', 'refund:create', 'shift:manage'] as const satisfies readonly Permission[];
export type ApprovablePermission = (typeof APPROVABLE_PERMISSIONS)[number];

/** A manager (or owner) picked by name, proven by PIN, for one kind of action. */
export const grantApprovalSchema = z.object({
  userId: z.uuid('Choose who approves'),
  pin: pinSchema,
  permission: z.enum(APPROVABLE_PERMISSIONS, { message: 'Choose what is approved' }),
});
export type GrantApprovalInput = z.infer<typeof grantApprovalSchema>;

/** What a request that needs a manager carries: the token POST /api/v1/approvals gave out. */
export const approvalTokenSchema = z.object({ token: z.string().min(20).max(100) }, { message: 'Send the approval token from POST /api/v1/approvals' }).strict();
export const handoffSchema = z.object({ token: z.string().min(20).max(200) });

/** The language switch: a language, or "" / null to follow the tenant's. */
/** Voiding every register's offline PIN verifiers (Admin → Staff): only with the box ticked that says what it does. */
export const rotateOfflinePinsSchema = z.object({ confirm: z.literal('yes', { message: 'Tick the box to confirm' }) });
export const ownLocaleSchema = z.object({ locale: z.enum(LOCALES, { message: 'Choose English or Myanmar' }).nullable() });
