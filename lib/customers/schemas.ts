import { z } from 'zod';
import { patchSchema } from '@/lib/platform/validation';
import { issueWords } from '@/lib/platform/issue-words';

/** Only the digits of a phone number: what search and the one-profile-per-number rule compare. */
export const phoneDigitsOf = (phone: string | null | undefined): string | null => {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length ? digits : null;
};

// The default is the outermost wrapper, so patchSchema strips it: a PATCH that leaves a field out keeps it.
const optionalText = (max: number, message: string) => z.string().trim().max(max, message).nullable().transform((v) => v || null);

const tag = z.string().trim().toLowerCase().min(1, 'A tag is not empty').max(30, 'A tag has at most 30 characters');

export const customerInputSchema = z.object({
  name: z.string({ message: 'Enter a name' }).trim().min(1, 'Enter a name').max(80, 'Use at most 80 characters'),
  phone: optionalText(40, 'Use at most 40 characters')
    .refine((p) => p === null || (phoneDigitsOf(p)?.length ?? 0) >= 6, { message: 'A phone number has at least 6 digits', params: issueWords('phoneDigits', { minimum: 6 }) })
    .default(null),
  email: z
    .union([z.literal(''), z.email({ message: 'Enter an email address' }).max(200)])
    .nullable()
    .transform((v) => (v ? v.toLowerCase() : null))
    .default(null),
  note: optionalText(500, 'Use at most 500 characters').default(null),
  tags: z
    .array(tag)
    .max(20, 'At most 20 tags')
    .transform((tags) => [...new Set(tags)])
    .default([]),
});
export type CustomerInput = z.output<typeof customerInputSchema>;

export const customerPatchSchema = patchSchema(customerInputSchema);
export type CustomerPatch = z.output<typeof customerPatchSchema>;

/** The register's and the admin list's search: by phone (any digits of it) or name (any part). */
export const customerSearchQuery = z.object({
  q: z.string().trim().max(80).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type CustomerSearch = z.output<typeof customerSearchQuery>;

const points = (what: string) => z.number({ message: `Enter ${what}` }).int('Use whole numbers').min(0, 'Cannot be negative').max(1_000_000);
const money = (what: string) => z.number({ message: `Enter ${what}` }).int('Use whole minor units').min(0, 'Cannot be negative').max(1_000_000_000);

/**
 * The loyalty scheme: `earnPoints` for every whole `earnPerAmount` paid (0 either: no earning);
 * `rewardPoints` points take `rewardValue` off an order (0 either: no rewards).
 */
export const loyaltySettingsSchema = z.object({
  earnPoints: points('the points earned'),
  earnPerAmount: money('the amount spent'),
  rewardPoints: points('the points a reward costs'),
  rewardValue: money('what a reward takes off'),
});
export type LoyaltySettingsInput = z.output<typeof loyaltySettingsSchema>;

/** Erasing a customer is for good: the owner types ERASE to confirm. */
export const eraseCustomerSchema = z.object({ confirm: z.literal('ERASE', { message: 'Type ERASE to confirm' }) });
