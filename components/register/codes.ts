import type { RegisterProduct } from './types';

export type CodeHit = { product: RegisterProduct; variantId: string };

/** Exact codes a scanner or a person may type: every barcode and every SKU, by lower case. */
export function codeIndex(products: RegisterProduct[]): Map<string, CodeHit> {
  const map = new Map<string, CodeHit>();
  for (const product of products) {
    for (const v of product.variants) {
      map.set(v.sku.toLowerCase(), { product, variantId: v.id });
      for (const b of v.barcodes) map.set(b.toLowerCase(), { product, variantId: v.id });
    }
  }
  return map;
}
