import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf, toFormState } from '@/lib/platform/errors';
import { fieldIssueText, fieldIssueWords, formWords } from '@/lib/platform/field-words';
import { translatorFor } from '@/lib/platform/i18n';

/**
 * A form's field errors in the reader's language (zod 4 has no Burmese locale): Myanmar reads
 * the issue's code and bounds, English keeps the schema's message, a refinement's sentence is
 * shown as sent, and the API's error body is not touched.
 */
const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(5, 'At most 5 characters'),
  code: z.string().min(3),
  email: z.email('Enter an email address like name@example.com'),
  seats: z.number().int().positive().max(20),
  share: z.number().min(0).multipleOf(5),
  kind: z.enum(['cafe', 'shop']),
  days: z.array(z.number()).min(1),
  opensOn: z.iso.date(),
  id: z.uuid(),
  pin: z.string().refine((p) => p === '1234', 'The PINs do not match'),
});
const bad = { name: '', code: 'ab', email: 'nope', seats: 2.5, share: 3, kind: 'bar', days: [], opensOn: 'soon', id: 'x', pin: '1' };
const issues = schema.safeParse(bad).error!.issues;

describe('form field errors in the reader’s language', () => {
  it('writes each issue in Burmese by its code and bounds, numbers in Myanmar digits', () => {
    expect(fieldErrorsOf(issues, undefined, fieldIssueWords('my'))).toEqual({
      name: 'ဤအကွက်ကို ဖြည့်ပါ။',
      code: 'အနည်းဆုံး စာလုံး ၃ လုံး ရှိရပါမည်။',
      email: 'အီးမေးလ် လိပ်စာ ထည့်ပါ။',
      seats: 'ကိန်းပြည့် ထည့်ပါ။',
      share: '၅ ၏ ဆတိုးကိန်း ဖြစ်ရပါမည်။',
      kind: 'ပေးထားသော ရွေးချယ်စရာများထဲမှ တစ်ခုကို ရွေးပါ။',
      days: 'အနည်းဆုံး တစ်ခု ရွေးပါ။',
      opensOn: 'ရက်စွဲ ထည့်ပါ။',
      id: 'ဤအရာကို မတွေ့ပါ- စာမျက်နှာကို ပြန်ဖွင့်ပြီး ထပ်စမ်းကြည့်ပါ။',
      pin: 'The PINs do not match', // a refinement's own sentence: no code to read, shown as sent
    });
    const more = schema.safeParse({ ...bad, name: 'Golden Cup', seats: 0 }).error!.issues;
    expect(fieldErrorsOf(more, undefined, fieldIssueWords('my'))).toMatchObject({ name: 'စာလုံး ၅ လုံးထက် မပိုရပါ။', seats: '၀ ထက် ကြီးရပါမည်။' });
    const missing = schema.safeParse({}).error!.issues;
    expect(fieldIssueText(missing.find((i) => i.path[0] === 'kind')!, 'my')).toBe('ပေးထားသော ရွေးချယ်စရာများထဲမှ တစ်ခုကို ရွေးပါ။');
    expect(fieldIssueText(missing.find((i) => i.path[0] === 'seats')!, 'my')).toBe('ဤအကွက်ကို ဖြည့်ပါ။');
  });

  it('keeps the schema’s own words in English, and fieldErrorsOf’s default', () => {
    const english = fieldErrorsOf(issues, undefined, fieldIssueWords('en'));
    expect(english).toEqual(fieldErrorsOf(issues));
    expect(english).toMatchObject({ name: 'Enter a name', email: 'Enter an email address like name@example.com', pin: 'The PINs do not match' });
  });

  it('translates a module’s own parse failure in a server action’s answer; the API body is the same as before', () => {
    const thrown = (() => {
      try {
        schema.parse(bad);
      } catch (err) {
        return err;
      }
    })();
    const mine = toFormState(thrown, formWords('my'));
    expect(mine.fieldErrors).toMatchObject({ name: 'ဤအကွက်ကို ဖြည့်ပါ။', code: 'အနည်းဆုံး စာလုံး ၃ လုံး ရှိရပါမည်။' });
    expect(mine.error).toBe(translatorFor('my', 'errors')('checkFields')); // the summary line in the reader's language too
    const asBefore = toFormState(thrown);
    expect(asBefore.error).toMatch(/^The request is invalid: /); // without the reader's words: the API's message, as before
    expect(asBefore.fieldErrors).toMatchObject({ name: 'Enter a name' });
  });
});
