'use client';

import { searchStockItemsAction, type PickableItem } from '@/app/t/[tenant]/admin/stock/actions';
import { SearchPicker } from '@/components/admin/search-picker';
import { variantLabel } from '@/lib/catalog/labels';

/** Finds stock items by name, SKU or scanned barcode; untracked items show but cannot be picked. */
export function StockItemPicker({
  location,
  hint,
  showQuantity,
  onPick,
}: {
  location: { id: string; name: string };
  hint: string;
  /** Show how many are at the location (not while counting: the count must be blind). */
  showQuantity: boolean;
  onPick: (item: PickableItem) => void;
}) {
  return (
    <SearchPicker<PickableItem>
      label="Add an item"
      placeholder="Name, SKU or scan a barcode"
      hint={hint}
      search={(q) => searchStockItemsAction(q, location.id)}
      toOption={(item) => ({
        id: item.variantId,
        label: variantLabel(item),
        detail: `SKU ${item.sku}${showQuantity && item.quantity !== null ? ` · ${item.quantity} at ${location.name}` : ''}`,
        disabledReason: item.trackStock ? undefined : 'Stock not tracked',
      })}
      onPick={onPick}
    />
  );
}
