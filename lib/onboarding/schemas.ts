import { z } from 'zod';
import { signUpSchema } from '@/lib/auth';
import { BUSINESS_TYPES } from '@/lib/tenancy';
import { issueWords } from '@/lib/platform/issue-words';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => v || null);

/** "5", "7.5", "12.25" % → basis points; empty → null. */
const percent = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(v.replace(/\s*%$/, ''));
    const bp = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
    if (!(bp >= 0 && bp <= 10_000)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a rate from 0 to 100, like 5 or 7.5', params: issueWords('rateRange') });
      return z.NEVER;
    }
    return bp;
  });

/**
 * Sign-up with the first-day questions: what the business is, its tax class (optional: a
 * name and a rate, or neither), the receipt's address and phone line, and whether to start
 * with a sample catalog. A form's unticked checkbox sends nothing, a ticked one "on".
 */
export const businessSignUpSchema = signUpSchema
  .extend({
    businessType: z.enum(BUSINESS_TYPES, { message: 'Choose what the business is' }),
    taxName: optionalText(60),
    taxRate: percent,
    address: optionalText(300),
    phone: optionalText(40),
    sampleCatalog: z
      .union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')])
      .optional()
      .transform((v) => v === true || v === 'on' || v === 'true'),
  })
  .superRefine((v, ctx) => {
    if (v.taxName && v.taxRate === null) ctx.addIssue({ code: 'custom', path: ['taxRate'], message: 'Enter the rate, like 5 for 5 %', params: issueWords('rate') });
    if (!v.taxName && v.taxRate !== null) ctx.addIssue({ code: 'custom', path: ['taxName'], message: 'Name the tax, like “Commercial tax”', params: issueWords('taxName') });
  });
export type BusinessSignUpInput = z.output<typeof businessSignUpSchema>;
