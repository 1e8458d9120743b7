'use client';

import { useTranslations } from 'next-intl';
import { SearchPicker } from '@/components/admin/search-picker';
import { variantLabel } from '@/lib/catalog/labels';

/** One catalog variant as the item pickers show it. */
export type PickableItem = {
  variantId: string;
  productName: string;
  variantName: string;
  sku: string;
  barcodes: string[];
  trackStock: boolean;
  /** On hand at the location the search was for (null: no location given). */
  quantity: number | null;
};

/** The picker's search (a server action): items matching the query, with quantities at the location. */
export type SearchStockItems = (query: string, locationId: string | null) => Promise<{ items: PickableItem[]; error?: string }>;

/** Finds stock items by name, SKU or scanned barcode; untracked items show but cannot be picked. */
export function StockItemPicker({
  location,
  hint,
  showQuantity,
  onPick,
  searchStockItemsAction,
}: {
  location: { id: string; name: string };
  hint: string;
  /** Show how many are at the location (not while counting: the count must be blind). */
  showQuantity: boolean;
  onPick: (item: PickableItem) => void;
  searchStockItemsAction: SearchStockItems;
}) {
  const t = useTranslations('admin.stockPlaces');
  return (
    <SearchPicker<PickableItem>
      label={t('addItem')}
      placeholder={t('itemPlaceholder')}
      hint={hint}
      search={(q) => searchStockItemsAction(q, location.id)}
      toOption={(item) => ({
        id: item.variantId,
        label: variantLabel(item),
        detail: showQuantity && item.quantity !== null ? t('itemDetailAt', { sku: item.sku, quantity: item.quantity, location: location.name }) : t('itemDetail', { sku: item.sku }),
        disabledReason: item.trackStock ? undefined : t('notTracked'),
      })}
      onPick={onPick}
    />
  );
}
