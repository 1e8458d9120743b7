/**
 * Demo catalogs: a Yangon tea shop (prices in MMK, tax included) and a hardware store
 * (USD, tax added). Prices are in minor units (MMK has none: 1200 is K1,200; USD 1299 is $12.99).
 */
export type SeedVariant = { name?: string; sku: string; price: number; barcodes?: string[]; stock?: number[] };
export type SeedMenu = { name: string; windows: { days: number[]; start: string; end: string }[]; sections: Record<string, string[]> };
export type SeedProduct = {
  name: string;
  /** The name in Burmese script beside the romanised one (the register finds either). */
  altName?: string;
  category: string;
  tax?: string;
  modifiers?: string[];
  trackStock?: boolean;
  attributes?: Record<string, unknown>;
  variants: SeedVariant[];
  lowStock?: number;
};

/** EAN-13 with a valid check digit from a 12-digit stem (scanners check it). */
export function ean13(stem: string): string {
  const digits = stem.padStart(12, '0').slice(0, 12);
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return digits + String((10 - (sum % 10)) % 10);
}

export const cafe = {
  taxes: [{ name: 'Commercial tax 5%', rateBasisPoints: 500 }],
  categories: ['Tea & Coffee', 'Noodles & Rice', 'Salads', 'Snacks & Bakery', 'Cold Drinks'],
  /** Bought in and counted: new items here track stock; the rest is made to order (the store default, off). */
  stockedCategories: ['Snacks & Bakery'],
  modifierGroups: [
    { name: 'Sweetness', minSelect: 1, maxSelect: 1, options: [{ name: 'Normal', priceDelta: 0 }, { name: 'Less sweet', priceDelta: 0 }, { name: 'Extra sweet', priceDelta: 0 }] },
    { name: 'Milk', minSelect: 0, maxSelect: 1, options: [{ name: 'Condensed milk', priceDelta: 0 }, { name: 'Fresh milk', priceDelta: 500 }, { name: 'Oat milk', priceDelta: 800 }, { name: 'Soy milk', priceDelta: 500 }] },
    { name: 'Spice level', minSelect: 1, maxSelect: 1, options: [{ name: 'Mild', priceDelta: 0 }, { name: 'Medium', priceDelta: 0 }, { name: 'Hot', priceDelta: 0 }] },
    { name: 'Add-ons', minSelect: 0, maxSelect: 3, options: [{ name: 'Boiled egg', priceDelta: 500 }, { name: 'Fish cake', priceDelta: 700 }, { name: 'Split-pea fritter', priceDelta: 300 }, { name: 'Extra noodles', priceDelta: 800 }] },
  ],
  /** Kitchen stations (docs/kitchen.md): these categories are made at the Bar, the rest in the Kitchen; these SKUs need no ticket. */
  kitchen: { bar: ['Tea & Coffee', 'Cold Drinks'], noTicket: ['DRK-WATER'] },
  tables: [
    ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'].map((name, i) => ({ name, seats: i < 4 ? 2 : 4, area: 'Main hall', position: i })),
    ...['P1', 'P2', 'P3', 'P4'].map((name, i) => ({ name, seats: 6, area: 'Patio', position: i })),
  ],
  products: [
    { name: 'Laphet Yay (milk tea)', altName: 'လက်ဖက်ရည်', category: 'Tea & Coffee', modifiers: ['Sweetness', 'Milk'], trackStock: false, attributes: { halal: true, caffeine: true }, variants: [{ name: 'Regular', sku: 'TEA-MILK-R', price: 1200 }, { name: 'Large', sku: 'TEA-MILK-L', price: 1600 }] },
    { name: 'Cho Saint (sweet strong tea)', altName: 'ချိုဆိမ့်', category: 'Tea & Coffee', modifiers: ['Sweetness'], trackStock: false, variants: [{ sku: 'TEA-CHO', price: 1200 }] },
    { name: 'Paw Kya (light tea)', altName: 'ပေါ့ကျ', category: 'Tea & Coffee', modifiers: ['Sweetness'], trackStock: false, variants: [{ sku: 'TEA-PAW', price: 1200 }] },
    { name: 'Kya Saint (strong, less sweet)', altName: 'ကျဆိမ့်', category: 'Tea & Coffee', modifiers: ['Sweetness'], trackStock: false, variants: [{ sku: 'TEA-KYA', price: 1200 }] },
    { name: 'Lemon tea', altName: 'သံပုရာလက်ဖက်ရည်', category: 'Tea & Coffee', trackStock: false, variants: [{ sku: 'TEA-LEMON', price: 1300 }] },
    { name: 'Myanmar coffee', altName: 'မြန်မာကော်ဖီ', category: 'Tea & Coffee', modifiers: ['Sweetness', 'Milk'], trackStock: false, variants: [{ name: 'Hot', sku: 'COF-HOT', price: 1200 }, { name: 'Iced', sku: 'COF-ICED', price: 1800 }] },
    { name: 'Mohinga', altName: 'မုန့်ဟင်းခါး', category: 'Noodles & Rice', modifiers: ['Spice level', 'Add-ons'], trackStock: false, attributes: { allergens: ['fish'], signature: true }, variants: [{ sku: 'NDL-MOHINGA', price: 2000 }] },
    { name: 'Ohn No Khao Swè (coconut chicken noodles)', altName: 'အုန်းနို့ခေါက်ဆွဲ', category: 'Noodles & Rice', modifiers: ['Spice level', 'Add-ons'], trackStock: false, attributes: { halal: true }, variants: [{ sku: 'NDL-OHNNO', price: 3000 }] },
    { name: 'Shan noodles', altName: 'ရှမ်းခေါက်ဆွဲ', category: 'Noodles & Rice', modifiers: ['Spice level', 'Add-ons'], trackStock: false, attributes: { allergens: ['peanut'] }, variants: [{ name: 'Soup', sku: 'NDL-SHAN-SOUP', price: 2800 }, { name: 'Dry', sku: 'NDL-SHAN-DRY', price: 2800 }] },
    { name: 'Nan Gyi Thoke', altName: 'နန်းကြီးသုပ်', category: 'Noodles & Rice', modifiers: ['Spice level'], trackStock: false, attributes: { allergens: ['fish'] }, variants: [{ sku: 'NDL-NANGYI', price: 2500 }] },
    { name: 'Mont Di', altName: 'မုန့်တီ', category: 'Noodles & Rice', modifiers: ['Spice level'], trackStock: false, variants: [{ sku: 'NDL-MONTDI', price: 2500 }] },
    { name: 'Kyay Oh (pork noodle soup)', altName: 'ကြေးအိုး', category: 'Noodles & Rice', modifiers: ['Add-ons'], trackStock: false, variants: [{ sku: 'NDL-KYAYOH', price: 3500 }] },
    { name: 'Meeshay', altName: 'မြီးရှည်', category: 'Noodles & Rice', modifiers: ['Spice level'], trackStock: false, variants: [{ sku: 'NDL-MEESHAY', price: 2800 }] },
    { name: 'Htamin Gyaw (fried rice)', altName: 'ထမင်းကြော်', category: 'Noodles & Rice', modifiers: ['Add-ons'], trackStock: false, attributes: { vegetarian: false }, variants: [{ sku: 'RICE-FRIED', price: 2500 }] },
    { name: 'Laphet Thoke (tea leaf salad)', altName: 'လက်ဖက်သုပ်', category: 'Salads', modifiers: ['Spice level'], trackStock: false, attributes: { allergens: ['peanut', 'shrimp'], signature: true }, variants: [{ sku: 'SAL-LAPHET', price: 2500 }] },
    { name: 'Gyin Thoke (ginger salad)', altName: 'ဂျင်းသုပ်', category: 'Salads', trackStock: false, attributes: { vegetarian: true, allergens: ['peanut'] }, variants: [{ sku: 'SAL-GINGER', price: 2200 }] },
    { name: 'Khayan Chin Thee Thoke (tomato salad)', altName: 'ခရမ်းချဉ်သီးသုပ်', category: 'Salads', trackStock: false, attributes: { vegetarian: true }, variants: [{ sku: 'SAL-TOMATO', price: 1800 }] },
    { name: 'Samusa Thoke', altName: 'စမူဆာသုပ်', category: 'Salads', modifiers: ['Spice level'], trackStock: false, variants: [{ sku: 'SAL-SAMUSA', price: 2200 }] },
    { name: 'Myin Kwa Ywet Thoke (pennywort salad)', altName: 'မြင်းခွာရွက်သုပ်', category: 'Salads', trackStock: false, attributes: { vegetarian: true }, variants: [{ sku: 'SAL-PENNYWORT', price: 2000 }] },
    { name: 'Samusa', altName: 'စမူဆာ', category: 'Snacks & Bakery', attributes: { vegetarian: true }, lowStock: 20, variants: [{ sku: 'SNK-SAMUSA', price: 500, stock: [80] }] },
    { name: 'Palata', altName: 'ပလာတာ', category: 'Snacks & Bakery', lowStock: 10, variants: [{ name: 'Plain', sku: 'SNK-PALATA', price: 1000, stock: [40] }, { name: 'With egg', sku: 'SNK-PALATA-EGG', price: 1500, stock: [30] }] },
    { name: 'Naan with pè byouk', altName: 'နံပြားပဲပြုတ်', category: 'Snacks & Bakery', attributes: { vegetarian: true }, lowStock: 10, variants: [{ sku: 'SNK-NAAN', price: 1200, stock: [35] }] },
    { name: 'E Kya Kway (fried dough)', altName: 'အီကြာကွေး', category: 'Snacks & Bakery', lowStock: 15, variants: [{ sku: 'SNK-EKYAKWAY', price: 400, stock: [60] }] },
    { name: 'Mont Lone Yay Paw', altName: 'မုန့်လုံးရေပေါ်', category: 'Snacks & Bakery', lowStock: 10, variants: [{ sku: 'SNK-MONTLONE', price: 1000, stock: [25] }] },
    { name: 'Bein Mont (rice pancake)', altName: 'ဘိန်းမုန့်', category: 'Snacks & Bakery', lowStock: 8, variants: [{ sku: 'SNK-BEINMONT', price: 800, stock: [24] }] },
    { name: 'Htoe Mont (semolina cake)', altName: 'ထိုးမုန့်', category: 'Snacks & Bakery', lowStock: 5, variants: [{ sku: 'SNK-HTOEMONT', price: 1500, stock: [12] }] },
    { name: 'Shwe Yin Aye', altName: 'ရွှေရင်အေး', category: 'Cold Drinks', trackStock: false, variants: [{ sku: 'DRK-SHWEYIN', price: 2000 }] },
    { name: 'Faluda', altName: 'ဖာလူဒါ', category: 'Cold Drinks', trackStock: false, variants: [{ sku: 'DRK-FALUDA', price: 2800 }] },
    { name: 'Fresh lime juice', altName: 'သံပုရာဖျော်ရည်', category: 'Cold Drinks', trackStock: false, variants: [{ sku: 'DRK-LIME', price: 1500 }] },
    { name: 'Avocado juice', altName: 'ထောပတ်သီးဖျော်ရည်', category: 'Cold Drinks', trackStock: false, variants: [{ sku: 'DRK-AVOCADO', price: 2500 }] },
    { name: 'Drinking water 1 L', altName: 'သောက်ရေ ၁ လီတာ', category: 'Cold Drinks', lowStock: 24, variants: [{ sku: 'DRK-WATER', price: 500, barcodes: [ean13('883600100011')], stock: [120] }] },
    { name: 'Coca-Cola 330 ml', category: 'Cold Drinks', lowStock: 24, variants: [{ sku: 'DRK-COLA', price: 1000, barcodes: [ean13('883600100028')], stock: [96] }] },
    { name: 'Star Cola 330 ml', category: 'Cold Drinks', lowStock: 12, variants: [{ sku: 'DRK-STAR', price: 800, barcodes: [ean13('883600100035')], stock: [48] }] },
  ] satisfies SeedProduct[],
  menus: [
    { name: 'Breakfast', windows: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '11:00' }], sections: { Tea: ['TEA-MILK-R', 'TEA-CHO', 'TEA-PAW', 'COF-HOT'], 'Morning bowls': ['NDL-MOHINGA', 'NDL-NANGYI', 'NDL-MONTDI'], 'From the griddle': ['SNK-PALATA', 'SNK-NAAN', 'SNK-EKYAKWAY'] } },
    { name: 'All day', windows: [], sections: { Noodles: ['NDL-MOHINGA', 'NDL-OHNNO', 'NDL-SHAN-SOUP', 'NDL-KYAYOH', 'NDL-MEESHAY'], Salads: ['SAL-LAPHET', 'SAL-GINGER', 'SAL-TOMATO', 'SAL-SAMUSA'], Drinks: ['DRK-LIME', 'DRK-AVOCADO', 'DRK-WATER', 'DRK-COLA'] } },
    { name: 'Evening snacks', windows: [{ days: [5, 6, 7], start: '16:00', end: '22:00' }], sections: { Snacks: ['SNK-SAMUSA', 'SAL-SAMUSA', 'SNK-BEINMONT', 'SNK-HTOEMONT'], Sweet: ['DRK-SHWEYIN', 'DRK-FALUDA'] } },
  ] as SeedMenu[],
};

/** Hardware store: two locations (store, warehouse), EAN barcodes, sized and coloured variants. */
const bc = (n: number) => ean13(`0716000${String(n).padStart(5, '0')}`);
let next = 1;
const code = () => bc(next++);

const simple = (name: string, category: string, sku: string, price: number, stock: [number, number], lowStock = 5, attributes?: Record<string, unknown>): SeedProduct => ({
  name,
  category,
  tax: 'Sales tax',
  lowStock,
  attributes,
  variants: [{ sku, price, barcodes: [code()], stock }],
});

export const shop = {
  taxes: [{ name: 'Sales tax', rateBasisPoints: 888 }, { name: 'Tax exempt', rateBasisPoints: 0 }],
  categories: ['Hand tools', 'Power tools', 'Fasteners', 'Paint', 'Electrical', 'Plumbing', 'Garden', 'Safety'],
  secondLocation: 'Warehouse',
  products: [
    simple('Claw hammer 16 oz', 'Hand tools', 'HT-HAMMER-16', 1899, [14, 40], 5, { material: 'steel', warrantyYears: 5 }),
    simple('Tape measure 25 ft', 'Hand tools', 'HT-TAPE-25', 1299, [22, 60]),
    simple('Utility knife', 'Hand tools', 'HT-KNIFE', 799, [30, 80]),
    simple('Adjustable wrench 10 in', 'Hand tools', 'HT-WRENCH-10', 1599, [12, 30]),
    simple('Torpedo level 9 in', 'Hand tools', 'HT-LEVEL-9', 999, [10, 24]),
    simple('Hacksaw', 'Hand tools', 'HT-HACKSAW', 1499, [8, 20]),
    simple('Putty knife 3 in', 'Hand tools', 'HT-PUTTY-3', 549, [25, 50]),
    { name: 'Screwdriver', category: 'Hand tools', tax: 'Sales tax', lowStock: 6, variants: [{ name: 'Phillips #2', sku: 'HT-SD-PH2', price: 649, barcodes: [code()], stock: [20, 50] }, { name: 'Flat 1/4 in', sku: 'HT-SD-FL14', price: 649, barcodes: [code()], stock: [18, 45] }, { name: '6-in-1', sku: 'HT-SD-6IN1', price: 1299, barcodes: [code()], stock: [10, 30] }] },
    { name: 'Pliers', category: 'Hand tools', tax: 'Sales tax', lowStock: 4, variants: [{ name: 'Slip-joint', sku: 'HT-PL-SLIP', price: 899, barcodes: [code()], stock: [12, 30] }, { name: 'Needle-nose', sku: 'HT-PL-NEEDLE', price: 999, barcodes: [code()], stock: [10, 25] }, { name: 'Lineman', sku: 'HT-PL-LINE', price: 1999, barcodes: [code()], stock: [6, 15] }] },
    simple('Cordless drill 20V kit', 'Power tools', 'PT-DRILL-20V', 12999, [4, 10], 2, { voltage: 20, batteryIncluded: true, warrantyYears: 3 }),
    simple('Impact driver 20V (tool only)', 'Power tools', 'PT-IMPACT-20V', 9999, [3, 8], 2, { voltage: 20, batteryIncluded: false }),
    simple('Circular saw 7-1/4 in', 'Power tools', 'PT-CIRC-714', 8999, [2, 6], 1),
    simple('Random orbit sander', 'Power tools', 'PT-SANDER', 5999, [3, 7], 1),
    simple('20V battery 2.0 Ah', 'Power tools', 'PT-BATT-20-2', 4999, [6, 20], 3),
    { name: 'Drill bit set', category: 'Power tools', tax: 'Sales tax', lowStock: 3, variants: [{ name: '13-piece', sku: 'PT-BITS-13', price: 1999, barcodes: [code()], stock: [8, 20] }, { name: '29-piece', sku: 'PT-BITS-29', price: 3999, barcodes: [code()], stock: [5, 12] }] },
    { name: 'Wood screws #8 (box of 100)', category: 'Fasteners', tax: 'Sales tax', lowStock: 10, attributes: { material: 'zinc-plated steel' }, variants: [{ name: '1 in', sku: 'FS-WS8-1', price: 599, barcodes: [code()], stock: [40, 120] }, { name: '1-1/2 in', sku: 'FS-WS8-112', price: 699, barcodes: [code()], stock: [35, 100] }, { name: '2 in', sku: 'FS-WS8-2', price: 799, barcodes: [code()], stock: [30, 90] }, { name: '3 in', sku: 'FS-WS8-3', price: 999, barcodes: [code()], stock: [20, 60] }] },
    { name: 'Drywall screws (1 lb)', category: 'Fasteners', tax: 'Sales tax', lowStock: 8, variants: [{ name: '1-1/4 in', sku: 'FS-DW-114', price: 649, barcodes: [code()], stock: [25, 80] }, { name: '1-5/8 in', sku: 'FS-DW-158', price: 699, barcodes: [code()], stock: [25, 80] }] },
    { name: 'Common nails (1 lb)', category: 'Fasteners', tax: 'Sales tax', lowStock: 8, variants: [{ name: '8d', sku: 'FS-NAIL-8D', price: 449, barcodes: [code()], stock: [30, 90] }, { name: '16d', sku: 'FS-NAIL-16D', price: 499, barcodes: [code()], stock: [30, 90] }] },
    simple('Wall anchors kit', 'Fasteners', 'FS-ANCHOR-KIT', 899, [20, 50], 6),
    simple('Hex bolts 3/8 x 2 in (10)', 'Fasteners', 'FS-HEX-382', 549, [30, 70], 8),
    simple('Washers 3/8 in (25)', 'Fasteners', 'FS-WASH-38', 349, [40, 90], 10),
    { name: 'Interior paint, eggshell', category: 'Paint', tax: 'Sales tax', lowStock: 3, attributes: { vocFree: true }, variants: [{ name: 'White, 1 gal', sku: 'PA-INT-WH-1G', price: 3499, barcodes: [code()], stock: [12, 30] }, { name: 'White, 1 qt', sku: 'PA-INT-WH-1Q', price: 1699, barcodes: [code()], stock: [10, 20] }, { name: 'Greige, 1 gal', sku: 'PA-INT-GR-1G', price: 3499, barcodes: [code()], stock: [6, 18] }, { name: 'Navy, 1 gal', sku: 'PA-INT-NV-1G', price: 3699, barcodes: [code()], stock: [4, 10] }] },
    { name: 'Exterior paint, satin', category: 'Paint', tax: 'Sales tax', lowStock: 2, variants: [{ name: 'White, 1 gal', sku: 'PA-EXT-WH-1G', price: 4299, barcodes: [code()], stock: [6, 16] }, { name: 'Barn red, 1 gal', sku: 'PA-EXT-RD-1G', price: 4299, barcodes: [code()], stock: [3, 8] }] },
    simple('Primer 1 gal', 'Paint', 'PA-PRIMER-1G', 2799, [8, 20], 3),
    { name: 'Paint brush', category: 'Paint', tax: 'Sales tax', lowStock: 5, variants: [{ name: '1-1/2 in', sku: 'PA-BR-112', price: 699, barcodes: [code()], stock: [15, 40] }, { name: '2 in angled', sku: 'PA-BR-2A', price: 999, barcodes: [code()], stock: [15, 40] }, { name: '3 in', sku: 'PA-BR-3', price: 1199, barcodes: [code()], stock: [10, 30] }] },
    simple('Roller kit 9 in', 'Paint', 'PA-ROLLER-9', 1499, [10, 25], 4),
    simple("Painter's tape 1.88 in", 'Paint', 'PA-TAPE-188', 799, [24, 60], 8),
    simple('Drop cloth 9 x 12 ft', 'Paint', 'PA-DROP-912', 1299, [8, 20], 3),
    { name: 'LED bulb A19', category: 'Electrical', tax: 'Sales tax', lowStock: 10, attributes: { energyStar: true }, variants: [{ name: '60 W eq. soft white (4-pack)', sku: 'EL-A19-60SW-4', price: 999, barcodes: [code()], stock: [30, 80] }, { name: '60 W eq. daylight (4-pack)', sku: 'EL-A19-60DL-4', price: 999, barcodes: [code()], stock: [24, 60] }, { name: '100 W eq. soft white (2-pack)', sku: 'EL-A19-100SW-2', price: 1099, barcodes: [code()], stock: [18, 40] }] },
    { name: 'Extension cord', category: 'Electrical', tax: 'Sales tax', lowStock: 4, variants: [{ name: '6 ft', sku: 'EL-EXT-6', price: 799, barcodes: [code()], stock: [15, 40] }, { name: '25 ft outdoor', sku: 'EL-EXT-25', price: 2499, barcodes: [code()], stock: [8, 20] }, { name: '50 ft outdoor', sku: 'EL-EXT-50', price: 3999, barcodes: [code()], stock: [5, 12] }] },
    simple('Power strip 6 outlet', 'Electrical', 'EL-STRIP-6', 1499, [12, 30], 4),
    simple('Duplex outlet 15 A', 'Electrical', 'EL-OUTLET-15', 249, [50, 150], 15),
    simple('Light switch single pole', 'Electrical', 'EL-SWITCH-SP', 199, [50, 150], 15),
    simple('Electrical tape', 'Electrical', 'EL-TAPE', 299, [40, 100], 12),
    simple('Wire nuts (25)', 'Electrical', 'EL-WIRENUT-25', 449, [30, 80], 10),
    simple('Voltage tester', 'Electrical', 'EL-VTEST', 1999, [6, 15], 2),
    simple('Plumber’s tape', 'Plumbing', 'PL-PTFE', 199, [40, 120], 12),
    simple('Plunger', 'Plumbing', 'PL-PLUNGER', 999, [10, 25], 3),
    simple('Faucet aerator', 'Plumbing', 'PL-AERATOR', 499, [20, 50], 5),
    { name: 'PVC pipe 10 ft', category: 'Plumbing', tax: 'Sales tax', lowStock: 5, variants: [{ name: '1/2 in', sku: 'PL-PVC-12', price: 449, barcodes: [code()], stock: [20, 80] }, { name: '3/4 in', sku: 'PL-PVC-34', price: 599, barcodes: [code()], stock: [20, 80] }, { name: '1 in', sku: 'PL-PVC-1', price: 799, barcodes: [code()], stock: [15, 60] }] },
    simple('PVC cement 4 oz', 'Plumbing', 'PL-CEMENT-4', 699, [15, 40], 5),
    simple('Toilet flapper', 'Plumbing', 'PL-FLAPPER', 799, [12, 30], 4),
    simple('Shower head', 'Plumbing', 'PL-SHOWER', 2499, [5, 12], 2),
    simple('Garden hose 50 ft', 'Garden', 'GD-HOSE-50', 2999, [8, 25], 3),
    simple('Hose nozzle', 'Garden', 'GD-NOZZLE', 899, [15, 40], 5),
    simple('Potting mix 8 qt', 'Garden', 'GD-POTMIX-8', 699, [20, 60], 8, { organic: true }),
    simple('Pruning shears', 'Garden', 'GD-PRUNER', 1799, [8, 20], 3),
    simple('Leaf rake', 'Garden', 'GD-RAKE', 1999, [6, 15], 2),
    simple('Round point shovel', 'Garden', 'GD-SHOVEL', 2799, [5, 12], 2),
    { name: 'Work gloves', category: 'Safety', tax: 'Sales tax', lowStock: 5, variants: [{ name: 'S', sku: 'SF-GLOVE-S', price: 1299, barcodes: [code()], stock: [8, 20] }, { name: 'M', sku: 'SF-GLOVE-M', price: 1299, barcodes: [code()], stock: [12, 30] }, { name: 'L', sku: 'SF-GLOVE-L', price: 1299, barcodes: [code()], stock: [12, 30] }, { name: 'XL', sku: 'SF-GLOVE-XL', price: 1299, barcodes: [code()], stock: [6, 15] }] },
    simple('Safety glasses', 'Safety', 'SF-GLASSES', 599, [20, 50], 6),
    simple('Dust masks N95 (10)', 'Safety', 'SF-N95-10', 1999, [10, 30], 4),
    simple('Ear plugs (20 pairs)', 'Safety', 'SF-EARPLUG', 499, [20, 40], 6),
    simple('First aid kit', 'Safety', 'SF-FIRSTAID', 2499, [4, 10], 2),
  ] satisfies SeedProduct[],
};
