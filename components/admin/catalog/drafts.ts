/**
 * What the catalog forms edit: the form's own shape (text as typed, prices as decimals in the
 * tenant currency), sent to the server action as one JSON `payload` field. The action turns a
 * draft into the catalog module's input and validates it with the module's schema, so every
 * message (and every money conversion) comes from one place. `key` is only a React key.
 */
/** `cost`: what a unit costs the store, as typed (empty: not known). */
export type VariantDraft = { key: string; id?: string; name: string; sku: string; barcodes: string; price: string; cost: string };

export const ATTRIBUTE_TYPES = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'list', label: 'List' },
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]['value'];
export type AttributeDraft = { key: string; name: string; type: AttributeType; value: string };

export type ProductDraft = {
  name: string;
  altName: string;
  description: string;
  categoryId: string;
  taxClassId: string;
  photoUrl: string;
  status: 'active' | 'archived';
  trackStock: boolean;
  allowNegativeStock: boolean;
  openPrice: boolean;
  modifierGroupIds: string[];
  attributes: AttributeDraft[];
  variants: VariantDraft[];
};

export type OptionDraft = { key: string; id?: string; name: string; priceDelta: string };
export type ModifierGroupDraft = { name: string; minSelect: string; maxSelect: string; options: OptionDraft[] };

/** Choices for the selects of the product form. */
export type NamedItem = { id: string; name: string };
export type ModifierGroupChoice = NamedItem & { summary: string };
/** Whether a new product tracks stock, by the category picked (the category's or the store's default). */
export type StockDefaults = { withoutCategory: boolean; byCategory: Record<string, boolean> };

export const emptyVariant = (key: string): VariantDraft => ({ key, name: '', sku: '', barcodes: '', price: '', cost: '' });
export const emptyAttribute = (key: string): AttributeDraft => ({ key, name: '', type: 'text', value: '' });
export const emptyOption = (key: string): OptionDraft => ({ key, name: '', priceDelta: '' });

export const NEW_PRODUCT: ProductDraft = {
  name: '',
  altName: '',
  description: '',
  categoryId: '',
  taxClassId: '',
  photoUrl: '',
  status: 'active',
  // The new-product page replaces this with the store's default (off unless the store says so).
  trackStock: false,
  allowNegativeStock: false,
  openPrice: false,
  modifierGroupIds: [],
  attributes: [],
  variants: [emptyVariant('v0')],
};

/** Stored attribute values as editable rows (the type follows the stored value). */
export function attributeDrafts(attributes: Record<string, unknown>): AttributeDraft[] {
  return Object.entries(attributes).map(([name, value], i) => {
    const key = `a${i}`;
    if (typeof value === 'number') return { key, name, type: 'number', value: String(value) };
    if (typeof value === 'boolean') return { key, name, type: 'boolean', value: String(value) };
    if (Array.isArray(value)) return { key, name, type: 'list', value: value.map(String).join(', ') };
    return { key, name, type: 'text', value: typeof value === 'string' ? value : JSON.stringify(value) };
  });
}

/** "a, b,c" → ["a", "b", "c"] (empty items dropped). */
export const splitList = (text: string, separator: RegExp = /,/): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
