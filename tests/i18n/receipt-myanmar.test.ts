import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptEmails } from '@/db/schema/orders';
import type { TenantContext } from '@/lib/auth';
import { setOwnLocale } from '@/lib/auth';
import { checkout, createOrderSchema, receiptOf, requestReceiptEmail } from '@/lib/orders';
import { withTenant } from '@/lib/platform/db';
import { throwOnMissingMessages } from '@/lib/platform/i18n';
import { updateTenantSettings } from '@/lib/tenancy';
import { contextOf, createStockedProduct, createTenant, mainLocation, sessionContextOf, type TestTenant } from '../helpers';

/**
 * Receipts — printed, the email's subject, HTML and text — in the **tenant's** language, whoever
 * prints them (docs/i18n.md › How the language is chosen): a Myanmar shop's receipt is Burmese
 * with Myanmar digits even when the cashier reads the register in English, and an English shop's
 * is English even for a cashier who chose Myanmar. Every key found (next-intl throwing).
 */
let my: TestTenant;
let en: TestTenant;
// Our words in English (the cashier's name, "Cas Cashier", is a name, not ours).
const englishWords = ['Receipt', 'Total', 'Subtotal', '<span>Cash', 'Change', 'Takeaway', 'Order #'];

/** A paid takeaway of 2 × 100 (createStockedProduct's price). */
async function paidOrder(t: TestTenant, cashier: TenantContext): Promise<string> {
  const variantId = (await createStockedProduct(t, { name: 'Mohinga', trackStock: false })).variants[0]!.id;
  const { order } = await checkout(cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId, quantity: 2 }], payments: [{ tender: 'cash', tendered: 10_000 }] }));
  return order.id;
}

beforeAll(async () => {
  throwOnMissingMessages(true);
  [my, en] = await Promise.all([createTenant({ currency: 'MMK' }), createTenant({ currency: 'MMK' })]);
  await Promise.all([mainLocation(my), mainLocation(en)]);
  await updateTenantSettings(contextOf(my), { locale: 'my', currencyDisplay: 'local' });
});
afterAll(() => throwOnMissingMessages(false));

describe('a receipt in the tenant’s language', () => {
  it('prints and emails a Myanmar shop’s receipt in Burmese with Myanmar digits, whatever the cashier reads', async () => {
    const cashier = await sessionContextOf(my, my.cashier);
    await setOwnLocale(cashier, 'en'); // the cashier's own screen language does not change the customer's receipt
    const orderId = await paidOrder(my, cashier);
    const printed = await receiptOf(cashier, orderId);
    expect(printed).toContain('lang="my"');
    for (const burmese of ['ပြေစာ', 'စုစုပေါင်း', 'ငွေသား', 'ပြန်အမ်းငွေ', 'ပါဆယ်', '၂ × Mohinga', '၂၀၀ ကျပ်']) expect(printed).toContain(burmese);
    for (const english of englishWords) expect(printed).not.toContain(english);

    const queued = await requestReceiptEmail(cashier, orderId, { to: 'guest@example.test' }, 'http://shop.localhost:3000');
    const mail = await withTenant(my.tenant.id, async (tx) => (await tx.select().from(receiptEmails).where(eq(receiptEmails.id, queued.id)))[0]!);
    expect(mail.subject).toMatch(/ပြေစာ/);
    expect(mail.html).toContain('lang="my"');
    expect(mail.text).toContain('စုစုပေါင်း');
    expect(mail.text).toContain('၂၀၀ ကျပ်');
    for (const english of englishWords.filter((w) => !w.startsWith('<'))) expect(mail.text).not.toContain(english);
  });

  it('keeps an English shop’s receipt English for a cashier who reads Myanmar', async () => {
    const cashier = await sessionContextOf(en, en.cashier);
    await setOwnLocale(cashier, 'my');
    const printed = await receiptOf(cashier, await paidOrder(en, cashier));
    expect(printed).toContain('Total');
    expect(printed).toMatch(/MMK\s200/);
    expect(printed).not.toMatch(/[\u1000-\u109F]/);
  });
});
