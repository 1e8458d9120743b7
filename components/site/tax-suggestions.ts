/**
 * The tax class the sign-up form suggests for a currency (the owner may change or clear it):
 * the usual sales tax where one rate covers most of what a café or shop sells, none where it
 * varies by state or item (USD, EUR). Only a suggestion: nothing on the server depends on it.
 */
const SUGGESTED: Record<string, { name: string; rate: string }> = {
  MMK: { name: 'Commercial tax', rate: '5' },
  GBP: { name: 'VAT', rate: '20' },
  THB: { name: 'VAT', rate: '7' },
  SGD: { name: 'GST', rate: '9' },
  MYR: { name: 'SST', rate: '6' },
  AUD: { name: 'GST', rate: '10' },
  JPY: { name: 'Consumption tax', rate: '10' },
  INR: { name: 'GST', rate: '5' },
};

export function suggestedTaxClass(currency: string): { name: string; rate: string } {
  return SUGGESTED[currency] ?? { name: '', rate: '' };
}
