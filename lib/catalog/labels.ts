/** "Green tea" or "T-shirt (Large)": a variant named "Default" is just its product. */
export function variantLabel(item: { productName: string; variantName: string }): string {
  return item.variantName === 'Default' ? item.productName : `${item.productName} (${item.variantName})`;
}
