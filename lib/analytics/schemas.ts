import { z } from 'zod';
import { dayParam } from '@/lib/platform/calendar';
import { AppError } from '@/lib/platform/errors';
import { issueWords } from '@/lib/platform/issue-words';

/**
 * Input of every report: business dates `from`..`to` (inclusive, YYYY-MM-DD, in the tenant's
 * business days) and optionally one location. Both dates default to today's business date;
 * `to` defaults to `from`. Shared by the route handlers, the pages and the assistant's tools.
 */
export const MAX_RANGE_DAYS = 366;

const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-31')
  .refine((d) => dayParam(d) === d, 'No such date');

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const locationId = z.preprocess(blankToUndefined, z.uuid('The location id must be a UUID').optional());

export const rangeSchema = z
  .object({
    from: z.preprocess(blankToUndefined, businessDate.optional()),
    to: z.preprocess(blankToUndefined, businessDate.optional()),
    locationId,
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { path: ['to'], message: 'The range ends before it starts', params: issueWords('endBeforeStart') })
  .refine((r) => !r.from || !r.to || (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < MAX_RANGE_DAYS, {
    path: ['to'],
    message: `At most ${MAX_RANGE_DAYS} days at a time`,
  });
export type RangeInput = z.input<typeof rangeSchema>;

const LIMIT_MESSAGE = 'From 1 to 100, or all';

export const topSchema = z.intersection(
  rangeSchema,
  z.object({
    by: z.preprocess(blankToUndefined, z.enum(['net', 'quantity'], { message: 'Rank by net or quantity' }).default('net')),
    /** How many rows: 1–100 (default 10), or `all` (the reports page and its CSV: every item sold). */
    limit: z.preprocess(
      blankToUndefined,
      z.union([z.literal('all'), z.coerce.number().int().min(1, LIMIT_MESSAGE).max(100, LIMIT_MESSAGE)], { error: LIMIT_MESSAGE }).default(10),
    ),
  }),
);
export type TopInput = z.input<typeof topSchema>;

/** Input of the dashboard's alerts: one business date (default today) and optionally one location. */
export const alertsSchema = z.object({
  date: z.preprocess(blankToUndefined, businessDate.optional()),
  locationId,
});
export type AlertsInput = z.input<typeof alertsSchema>;

export const REPORT_NAMES = [
  'sales-summary',
  'sales-by-hour',
  'sales-by-day',
  'tender-mix',
  'top-products',
  'top-categories',
  'sales-by-staff',
  'refunds-and-voids',
  'discounts',
  'taxes',
  'drawer-over-short',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/**
 * Parses report input; anything wrong is a 400 naming each field (a report reads, so a bad query
 * string is a bad request, not an unprocessable entity).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'query', message: i.message }));
  throw new AppError('bad_request', 'The report query is invalid: ' + details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}
