import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor, formatMoney, minorDigits, minorToDecimal } from '@/lib/platform/money';

describe('money', () => {
  it('knows each currency’s minor digits', () => {
    expect([minorDigits('USD'), minorDigits('MMK'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 0, 3]);
  });

  it('formats minor units', () => {
    expect(formatMoney(450, 'USD')).toBe('$4.50');
    expect(formatMoney(2500, 'MMK')).toMatch(/MMK\s?2,500/);
  });

  it.each([
    ['4.5', 'USD', 450],
    ['4.50', 'USD', 450],
    ['1,234.05', 'USD', 123405],
    ['2500', 'MMK', 2500],
    ['0', 'USD', 0],
    ['-3.10', 'USD', -310],
  ])('parses %s %s', (text, currency, minor) => {
    expect(decimalToMinor(text, currency)).toBe(minor);
  });

  it.each([['4.505', 'USD'], ['12.5', 'MMK'], ['abc', 'USD'], ['', 'USD'], ['1e3', 'USD'], ['4.5.0', 'USD']])('rejects %s %s', (text, currency) => {
    expect(decimalToMinor(text, currency)).toBeNull();
  });

  it('round-trips any amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('USD', 'MMK', 'KWD'), (minor, currency) => {
        expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
      }),
    );
  });
});
