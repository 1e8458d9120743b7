import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addStaff, updateStaff } from '@/lib/auth';
import { categoryInputSchema, categoryService } from '@/lib/catalog';
import { createCustomer, customerInputSchema, getCustomer } from '@/lib/customers';
import { AppError, toErrorResponse, toFormState, type FormSay } from '@/lib/platform/errors';
import { formWords } from '@/lib/platform/field-words';
import { translatorFor } from '@/lib/platform/i18n';
import { issueWords } from '@/lib/platform/issue-words';
import { updateTenantSettings } from '@/lib/tenancy';
import { formSchema, priceOf, wholeNumber, basisPoints, obj } from '@/app/t/[tenant]/admin/catalog/form-input';
import { PASSWORD, contextOf, createTenant, type TestTenant } from '../helpers';

/**
 * The errors a form shows, in the reader's language (docs/i18n.md › Errors on forms): a
 * refinement's and a converted field's own sentence through the words its issue carries, a
 * module's refusal (AppError) through its message key and its details' keys, the summary line
 * of a thrown parse failure. English keeps every message exactly as the modules wrote it, and
 * the API's body is the same as before (no words in it).
 */
const my = formWords('my');
const en = formWords('en');

/** What a module threw, as form state in `say`'s language. */
async function formStateOf(run: () => Promise<unknown>, say: FormSay) {
  try {
    await run();
  } catch (err) {
    return { err: err as AppError, state: toFormState(err, say) };
  }
  throw new Error('expected the module to refuse');
}

const burmese = /[\u1000-\u109F]/;
const latinLetters = /[A-Za-z]{3,}/;

describe('a refinement’s own sentence', () => {
  const schema = z.object({
    pin: z.string().refine((p) => p === '1234', { message: 'The PINs do not match', params: issueWords('tipPresetOnce') }),
    bare: z.string().refine(() => false, 'Shown as sent'),
  });
  const issues = schema.safeParse({ pin: '1', bare: 'x' }).error!.issues;

  it('reads in Burmese by the words it carries; one without words is shown as sent', () => {
    expect(my.issue(issues[0]!)).toBe(translatorFor('my', 'fieldErrors')('tipPresetOnce'));
    expect(my.issue(issues[1]!)).toBe('Shown as sent');
  });

  it('keeps its own English sentence', () => {
    expect(en.issue(issues[0]!)).toBe('The PINs do not match');
  });

  it('reads a module schema’s refinement with its values in Myanmar digits', () => {
    const phone = customerInputSchema.safeParse({ name: 'Aye', phone: '12' }).error!.issues.find((i) => i.path[0] === 'phone')!;
    expect(en.issue(phone)).toBe('A phone number has at least 6 digits');
    expect(my.issue(phone)).toBe('ဖုန်းနံပါတ်တွင် အနည်းဆုံး ဂဏန်း ၆ လုံး ရှိရပါမည်။');
  });
});

describe('the catalog editor’s converted fields', () => {
  const schema = formSchema(
    z.object({ name: z.string().min(3), position: z.number().int(), price: z.number(), cost: z.number(), rate: z.number(), left: z.number() }),
    (raw, report) => {
      const d = obj(raw);
      return {
        name: d.name,
        position: wholeNumber(d.position, ['position'], report),
        price: priceOf(d.price, 'MMK', ['price'], report),
        cost: priceOf(d.cost, 'MMK', ['cost'], report),
        rate: basisPoints(d.rate, ['rate'], report, 'Enter the rate'),
        left: basisPoints(d.left, ['left'], report, 'Enter the rate', issueWords('rate').words),
      };
    },
  );
  const issues = schema.safeParse({ name: 'ab', position: 'two', price: '', cost: 'lots', rate: 'x', left: '' }).error!.issues;
  const by = (say: FormSay) => Object.fromEntries(issues.map((i) => [i.path.join('.'), say.issue(i)]));

  it('say what they could not convert in Burmese, and the schema’s issues keep their codes', () => {
    expect(by(my)).toEqual({
      name: 'အနည်းဆုံး စာလုံး ၃ လုံး ရှိရပါမည်။', // too_small, re-reported with its bounds
      position: 'ကိန်းပြည့် ထည့်ပါ။',
      price: 'ဈေးနှုန်း ထည့်ပါ။',
      cost: 'MMK ဖြင့် ပမာဏ ထည့်ပါ၊ ဥပမာ 2500။',
      rate: '၇ သို့မဟုတ် ၇.၅ ကဲ့သို့ ရာခိုင်နှုန်း ထည့်ပါ။',
      left: 'နှုန်း ထည့်ပါ။',
    });
  });

  it('keep their English sentences exactly', () => {
    expect(by(en)).toEqual({
      name: 'Too small: expected string to have >=3 characters',
      position: 'Enter a whole number',
      price: 'Enter a price',
      cost: 'Enter an amount in MMK, like 2500',
      rate: 'Enter a percentage like 7 or 7.5',
      left: 'Enter the rate',
    });
  });
});

describe('a module’s refusal on a form', () => {
  let t: TestTenant;
  beforeAll(async () => {
    t = await createTenant({ currency: 'MMK' });
  });

  it('reads by its message key and its fields’ keys in Burmese, as the module wrote it in English', async () => {
    await createCustomer(contextOf(t), customerInputSchema.parse({ name: 'Aye', phone: '09 450 01234' }));
    const again = () => createCustomer(contextOf(t), customerInputSchema.parse({ name: 'Bo', phone: '09-450-01234' }));
    const mine = await formStateOf(again, my);
    expect(mine.state).toEqual({ error: translatorFor('my', 'apiErrors')('phoneTaken'), fieldErrors: { phone: 'သုံးပြီး ဖြစ်ပါသည်။' } });
    const english = await formStateOf(again, en);
    expect(english.state).toEqual({ error: 'Another customer has this phone number', fieldErrors: { phone: 'Already in use' } });
    expect(toFormState(english.err)).toEqual(english.state); // as before, without the reader's words
  });

  it('carries values into the sentence (Myanmar digits) and its English rendering is the message', async () => {
    await updateTenantSettings(contextOf(t), { minPinLength: 6 });
    const shortPin = () => updateStaff(contextOf(t), t.cashier.id, { pin: '1234' });
    const { err, state } = await formStateOf(shortPin, my);
    expect(state).toEqual({
      error: 'ဤနေရာတွင် PIN သည် အနည်းဆုံး ဂဏန်း ၆ လုံး ရှိရပါမည်',
      fieldErrors: { pin: 'ဂဏန်း ၆ လုံး သို့မဟုတ် ထို့ထက်ပို သုံးပါ။' },
    });
    expect(translatorFor('en', 'apiErrors')(err.words!.key, err.words!.values)).toBe(err.message);
  });

  it('says the same in English as the catalogue for the refusals the admin forms meet', async () => {
    const refusals = await Promise.all([
      formStateOf(() => addStaff(contextOf(t), { name: 'Dup', email: t.cashier.email, role: 'cashier', password: PASSWORD }), my),
      formStateOf(() => addStaff(contextOf(t, t.manager), { name: 'Boss', email: 'boss@x.test', role: 'owner', password: PASSWORD }), my),
      formStateOf(() => updateStaff(contextOf(t), t.owner.id, { role: 'manager' }), my),
    ]);
    for (const { err, state } of refusals) {
      expect(err.words, err.message).toBeDefined();
      expect(translatorFor('en', 'apiErrors')(err.words!.key, err.words!.values)).toBe(err.message);
      expect(state.error).toMatch(burmese);
      expect(state.error).not.toMatch(latinLetters);
    }
    expect(refusals[0]!.state.fieldErrors).toEqual({ email: 'သုံးပြီး ဖြစ်ပါသည်။' });
  });

  it('reads a clash of names and a thing that is gone in Burmese', async () => {
    await categoryService.create(contextOf(t), categoryInputSchema.parse({ name: 'Tea' }));
    const clash = await formStateOf(() => categoryService.create(contextOf(t), categoryInputSchema.parse({ name: 'Tea' })), my);
    expect(clash.state).toEqual({ error: translatorFor('my', 'apiErrors')('nameTaken'), fieldErrors: { name: 'သုံးပြီး ဖြစ်ပါသည်။' } });
    expect(clash.err.message).toBe('A category with this name already exists');
    const gone = await formStateOf(() => getCustomer(contextOf(t), '00000000-0000-4000-8000-000000000000'), my);
    expect(gone.state.error).toBe(translatorFor('my', 'apiErrors')('gone'));
    expect((await formStateOf(() => getCustomer(contextOf(t), '00000000-0000-4000-8000-000000000000'), en)).state.error).toBe('Customer not found');
  });

  it('keeps the API’s English body: no words travel in it', async () => {
    const err = new AppError('conflict', 'Another customer has this phone number', [{ path: 'phone', message: 'Already in use' }], {
      words: { key: 'phoneTaken' },
      fieldWords: { phone: { key: 'inUse' } },
    });
    const body = await toErrorResponse(err).json();
    expect(body).toEqual({ error: { code: 'conflict', message: 'Another customer has this phone number', details: [{ path: 'phone', message: 'Already in use' }] } });
  });
});

describe('the summary line of a thrown module error', () => {
  const thrown = (() => {
    try {
      z.object({ name: z.string().min(1, 'Enter a name') }).parse({ name: '' });
    } catch (err) {
      return err;
    }
  })();

  it('is “Check the highlighted fields.” in the reader’s language for a parse failure', () => {
    expect(toFormState(thrown, my)).toEqual({ error: translatorFor('my', 'errors')('checkFields'), fieldErrors: { name: 'ဤအကွက်ကို ဖြည့်ပါ။' } });
    expect(toFormState(thrown, en)).toEqual({ error: 'Check the highlighted fields.', fieldErrors: { name: 'Enter a name' } });
  });

  it('is the generic answer in Burmese for an unknown error, never its text', () => {
    expect(toFormState(new Error('select * from users'), my)).toEqual({ error: translatorFor('my', 'apiErrors')('ourSide') });
    expect(toFormState(new Error('select * from users'), en)).toEqual({ error: 'Something went wrong on our side' });
  });

  it('says "check the fields" for a refusal without words that names fields, and shows one that names none as sent', () => {
    const fields = new AppError('unprocessable', 'Line 2: no such item', [{ path: 'lines.2', message: 'No such item' }]);
    expect(toFormState(fields, my)).toEqual({ error: translatorFor('my', 'errors')('checkFields'), fieldErrors: { 'lines.2': 'No such item' } });
    expect(toFormState(new AppError('conflict', 'Something only English knows'), my)).toEqual({ error: 'Something only English knows' });
  });
});
