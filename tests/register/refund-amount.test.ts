import { describe, expect, it } from 'vitest';
import { typedRefundAmount } from '@/components/register/orders/format';

/** The refund dialog's "Choose per tender" amounts read as every other amount field does (lib/platform/money). */
describe('typedRefundAmount', () => {
  it('reads thousands separators as such, not as a decimal comma', () => {
    expect(typedRefundAmount('2,500', 'MMK')).toBe(2500);
    expect(typedRefundAmount('1,250.50', 'USD')).toBe(125_050);
  });

  it('takes exact decimals and refuses what is not an amount in the currency', () => {
    expect(typedRefundAmount('4.35', 'USD')).toBe(435);
    expect(typedRefundAmount('1,5', 'USD')).toBeNaN();
    expect(typedRefundAmount('1.555', 'USD')).toBeNaN();
    expect(typedRefundAmount('2.5', 'MMK')).toBeNaN();
    expect(typedRefundAmount('', 'USD')).toBeNaN();
    expect(typedRefundAmount('-5', 'USD')).toBeNaN();
  });
});
