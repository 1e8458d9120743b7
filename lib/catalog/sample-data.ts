import { minorDigits } from '@/lib/platform/money';

/**
 * The sample catalogs a new business may start with (sign-up's "Start with a sample menu").
 * Prices are in US-dollar-like amounts and scaled to the tenant's currency (`samplePrice`), so a
 * latte is 3.50 in USD and 3,500 in MMK rather than 4 kyat. SKUs start with `SAMPLE-` so an owner
 * sees at a glance which items are the sample; what marks them for removal is the product's
 * `sample` attribute (lib/catalog/samples.ts).
 */
export type SampleKind = 'cafe' | 'shop';
export type SampleItem = { name: string; /** In Myanmar script, searchable at the register beside the name. */ altName?: string; sku: string; price: number; tracked?: boolean; variants?: { name: string; sku: string; price: number }[] };
export type SampleCategory = { name: string; color: string; items: SampleItem[] };

export const SAMPLE_CATALOGS: Record<SampleKind, SampleCategory[]> = {
  cafe: [
    {
      name: 'Coffee',
      color: '#92400e',
      items: [
        { name: 'Espresso', altName: 'အက်စပရက်ဆို', sku: 'SAMPLE-ESP', price: 2.5 },
        {
          name: 'Latte',
          sku: 'SAMPLE-LAT',
          price: 3.5,
          variants: [
            { name: 'Regular', sku: 'SAMPLE-LAT-R', price: 3.5 },
            { name: 'Large', sku: 'SAMPLE-LAT-L', price: 4.5 },
          ],
        },
        { name: 'Iced coffee', altName: 'ကော်ဖီအေး', sku: 'SAMPLE-ICE', price: 3.5 },
      ],
    },
    {
      name: 'Tea',
      color: '#166534',
      items: [
        { name: 'Milk tea', altName: 'လက်ဖက်ရည်', sku: 'SAMPLE-MTEA', price: 2.5 },
        { name: 'Green tea', altName: 'ရေနွေးကြမ်း', sku: 'SAMPLE-GTEA', price: 2 },
      ],
    },
    {
      name: 'Food',
      color: '#b45309',
      items: [
        { name: 'Croissant', sku: 'SAMPLE-CRO', price: 3 },
        { name: 'Mohinga', altName: 'မုန့်ဟင်းခါး', sku: 'SAMPLE-MOH', price: 5 },
        { name: 'Club sandwich', sku: 'SAMPLE-CLUB', price: 7.5 },
      ],
    },
  ],
  shop: [
    {
      name: 'Drinks',
      color: '#1d4ed8',
      items: [
        { name: 'Bottled water 500 ml', altName: 'ရေသန့်ဘူး ၅၀၀ မီလီ', sku: 'SAMPLE-WAT', price: 1, tracked: true },
        { name: 'Orange juice 1 l', altName: 'လိမ္မော်ရည် ၁ လီတာ', sku: 'SAMPLE-OJ', price: 3.5, tracked: true },
      ],
    },
    {
      name: 'Snacks',
      color: '#b91c1c',
      items: [
        { name: 'Potato chips', sku: 'SAMPLE-CHIP', price: 2, tracked: true },
        { name: 'Chocolate bar', sku: 'SAMPLE-CHOC', price: 1.5, tracked: true },
      ],
    },
    {
      name: 'Household',
      color: '#4b5563',
      items: [
        {
          name: 'T-shirt',
          sku: 'SAMPLE-TEE',
          price: 12,
          tracked: true,
          variants: [
            { name: 'M', sku: 'SAMPLE-TEE-M', price: 12 },
            { name: 'L', sku: 'SAMPLE-TEE-L', price: 12 },
          ],
        },
        { name: 'Tote bag', sku: 'SAMPLE-TOTE', price: 5, tracked: true },
      ],
    },
  ],
};

/** Roughly what a US dollar buys, for currencies whose unit is small (the rest use 1). */
const UNITS_PER_DOLLAR: Record<string, number> = { MMK: 1000, JPY: 150, KRW: 1300, VND: 25000, IDR: 15000, INR: 80, THB: 35, PHP: 55, LAK: 20000, KHR: 4000 };

/** A sample price in the tenant's currency, in minor units. */
export function samplePrice(dollars: number, currency: string): number {
  return Math.round(dollars * (UNITS_PER_DOLLAR[currency] ?? 1) * 10 ** minorDigits(currency));
}
