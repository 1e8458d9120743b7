'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { variantLabel } from '@/lib/catalog/labels';
import { codeIndex } from './codes';
import { priceLabel } from './format';
import { ALL_ITEMS, MenuBar } from './menu-bar';
import { productStock } from './stock';
import type { RegisterData, RegisterProduct, RegisterStockLevel } from './types';
import { useMenusNow } from './use-menus-now';

const ALL = 'all';
const MESSAGE_MS = 4_000;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The product side of the register: the menus (the one offered now comes up by itself, its
 * sections in the editor's order; "All items" and the others a tap away), chips for the menu's
 * sections or the categories, a search box that also takes scans (a scanner types the code and
 * Enter) and always searches the whole catalog, and the tiles. A tile with one variant and no
 * options adds at once; otherwise the picker opens (onPick decides). Out-of-stock items that
 * may not go below zero stay visible but say why they cannot be added.
 */
export function ProductGrid({
  products,
  categories,
  menus,
  timeZone,
  canEditCatalog,
  stock,
  currency,
  searchRef,
  locked,
  onPick,
  onScan,
}: {
  products: RegisterData['products'];
  categories: RegisterData['categories'];
  menus: RegisterData['menus'];
  /** The store's: menus are offered by its clock. */
  timeZone: string;
  /** Whether this person can add products (the empty register links to the catalog). */
  canEditCatalog: boolean;
  stock: Record<string, RegisterStockLevel>;
  currency: string;
  searchRef: RefObject<HTMLInputElement | null>;
  /** An order is being paid: nothing can be added until it is done. */
  locked: boolean;
  onPick: (product: RegisterProduct, variantId?: string) => string | null;
  onScan: (product: RegisterProduct, variantId: string) => string | null;
}) {
  const menusNow = useMenusNow(menus, timeZone);
  // Open-price keys ("Custom amount") are always at hand, whatever menu or section is shown.
  const openPrice = useMemo(() => products.filter((p) => p.openPrice), [products]);
  // null: follow the clock (the first menu offered now); a tap pins a menu or "All items".
  const [chosenView, setChosenView] = useState<string | null>(null);
  const view =
    chosenView !== null && (chosenView === ALL_ITEMS || menusNow.some((m) => m.id === chosenView))
      ? chosenView
      : (menusNow.find((m) => m.offeredNow)?.id ?? ALL_ITEMS);
  const menu = menusNow.find((m) => m.id === view) ?? null;
  const [chip, setChip] = useState<string>(ALL);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'ok'; at: number } | null>(null);
  const messageTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const byCode = useMemo(() => codeIndex(products), [products]);

  const productById = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  // The chips: the menu's sections, or the categories; a chip the view no longer has is "All".
  const chips = menu ? menu.sections : categories;
  const category = chips.some((c) => c.id === chip) ? chip : ALL;

  const term = fold(query.trim());
  /** What the grid shows: one list, or a menu's sections one under another (each with its heading). */
  const groups = useMemo((): { id: string; name: string | null; products: RegisterProduct[] }[] => {
    if (term) {
      const found = products.filter(
        (p) => fold(p.name).includes(term) || p.variants.some((v) => v.sku.toLowerCase().includes(term) || v.barcodes.some((b) => b.toLowerCase() === term)),
      );
      return [{ id: 'search', name: null, products: found }];
    }
    if (menu) {
      const sections = category === ALL ? menu.sections : menu.sections.filter((s) => s.id === category);
      return sections.map((s) => ({ id: s.id, name: s.name, products: s.productIds.flatMap((id) => productById.get(id) ?? []) }));
    }
    return [{ id: category, name: null, products: category === ALL ? products : products.filter((p) => p.categoryId === category) }];
  }, [products, productById, menu, category, term]);
  const shown = useMemo(() => [...new Map(groups.flatMap((g) => g.products.map((p) => [p.id, p]))).values()], [groups]);

  const colorOf = useMemo(() => new Map(categories.map((c) => [c.id, c.color])), [categories]);

  useEffect(() => () => clearTimeout(messageTimer.current), []);
  const flash = (text: string, tone: 'error' | 'ok') => {
    clearTimeout(messageTimer.current);
    setMessage({ text, tone, at: Date.now() });
    messageTimer.current = setTimeout(() => setMessage(null), MESSAGE_MS);
  };
  const report = (problem: string | null, success: string) => (problem ? flash(problem, 'error') : flash(success, 'ok'));
  /** An error is about the last attempt: the next thing done (a tile added, a key typed) takes it away. */
  const clearError = () => {
    if (message?.tone !== 'error') return;
    clearTimeout(messageTimer.current);
    setMessage(null);
  };

  const submitSearch = () => {
    const code = query.trim();
    if (!code) return;
    const hit = byCode.get(code.toLowerCase());
    if (hit) {
      setQuery('');
      const v = hit.product.variants.find((x) => x.id === hit.variantId)!;
      report(onScan(hit.product, hit.variantId), `Added ${variantLabel({ productName: hit.product.name, variantName: v.name })}`);
      return;
    }
    if (shown.length === 1) {
      setQuery('');
      report(onPick(shown[0]!), `Added ${shown[0]!.name}`);
      return;
    }
    flash(shown.length === 0 ? `No item with code “${code}”` : `${shown.length} items match “${code}” — tap one`, shown.length ? 'ok' : 'error');
    if (shown.length === 0) setQuery('');
  };

  const tile = (product: RegisterProduct) => {
    const s = productStock(product, stock);
    const unavailable = locked || !s.sellable;
    const color = product.categoryId ? colorOf.get(product.categoryId) : null;
    return (
      <li key={product.id}>
        <button
          type="button"
          aria-disabled={unavailable || undefined}
          data-testid="product-tile"
          onClick={() => {
            if (locked) return;
            if (!s.sellable) return flash(`${product.name} is ${product.soldOut ? 'sold out' : 'out of stock'}`, 'error');
            const problem = onPick(product);
            if (problem) flash(problem, 'error');
            else clearError();
          }}
          style={color ? { borderLeftColor: color } : undefined}
          className={`flex h-full min-h-24 w-full flex-col justify-between gap-1 rounded-xl border border-l-8 border-slate-200 bg-white p-2.5 text-left shadow-sm transition ${
            unavailable ? 'cursor-not-allowed bg-slate-100 text-slate-500' : 'hover:border-brand-600 hover:shadow active:scale-[0.98]'
          } ${color ? '' : 'border-l-slate-300'}`}
        >
          <span className="line-clamp-2 text-sm font-semibold leading-snug">{product.name}</span>
          <span className="flex flex-wrap items-end justify-between gap-1">
            <span className={`text-sm ${unavailable ? '' : 'text-slate-700'}`}>{priceLabel(product, currency)}</span>
            {s.badge === 'Sold out' ? (
              <span className="rounded-full bg-slate-800 px-2 py-0.5 text-xs font-bold text-white">Sold out</span>
            ) : s.badge === 'Out' ? (
              <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-bold text-red-800 ring-1 ring-red-300">
                Out{s.sellable ? ' · can sell' : ''}
              </span>
            ) : s.badge === 'Low' ? (
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900 ring-1 ring-amber-300">
                Low{s.quantity !== null ? ` · ${s.quantity} left` : ''}
              </span>
            ) : null}
          </span>
          {!s.sellable && <span className="text-xs font-medium text-red-800">{product.soldOut ? 'Sold out (86) — cannot be sold' : 'Out of stock — cannot be sold'}</span>}
        </button>
      </li>
    );
  };

  return (
    <section aria-label="Products" className="flex min-h-0 flex-col">
      <div className="space-y-2 border-b border-slate-200 bg-white px-3 py-2">
        <div className="relative">
          <label htmlFor="register-search" className="sr-only">
            Search products or scan a barcode
          </label>
          <input
            id="register-search"
            ref={searchRef}
            data-register-search
            type="search"
            inputMode="search"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={query}
            disabled={locked}
            placeholder={locked ? 'Finish the payment to add more' : 'Search name or SKU, or scan a barcode  ( / )'}
            onChange={(e) => {
              setQuery(e.target.value);
              clearError();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                submitSearch();
              } else if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100"
          />
          <div aria-live="assertive" aria-atomic="true" className="pointer-events-none absolute inset-x-0 top-full z-10 mt-1">
            {message && (
              <p
                key={message.at}
                data-testid="scan-message"
                className={`inline-block rounded-lg px-3 py-1.5 text-sm font-semibold shadow-md ${
                  message.tone === 'error' ? 'bg-red-700 text-white' : 'bg-slate-900 text-white'
                }`}
              >
                {message.tone === 'error' ? '⚠ ' : '✓ '}
                {message.text}
              </p>
            )}
          </div>
        </div>
        {openPrice.length > 0 && (
          <div role="group" aria-label="Custom amounts" className="flex flex-wrap gap-1.5">
            {openPrice.map((p) => (
              <button
                key={p.id}
                type="button"
                disabled={locked}
                data-testid="custom-amount"
                onClick={() => {
                  const problem = onPick(p);
                  if (problem) flash(problem, 'error');
                }}
                className="min-h-10 rounded-lg border border-dashed border-brand-600 px-3 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-50"
              >
                ＋ {p.name}
              </button>
            ))}
          </div>
        )}
        {menus.length > 0 && (
          <MenuBar
            menus={menusNow}
            view={view}
            onChoose={(next) => {
              setChosenView(next);
              setChip(ALL);
              setQuery('');
            }}
          />
        )}
        <div role="group" aria-label={menu ? `Sections of ${menu.name}` : 'Categories'} className="-mx-1 flex gap-1.5 overflow-x-auto px-1 pb-1">
          {[{ id: ALL, name: menu ? 'Whole menu' : 'All' }, ...chips].map((c) => {
            const active = !term && category === c.id;
            return (
              <button
                key={c.id}
                type="button"
                aria-pressed={active}
                onClick={() => {
                  setChip(c.id);
                  setQuery('');
                }}
                className={`min-h-10 shrink-0 whitespace-nowrap rounded-full px-4 text-sm font-semibold ring-1 transition ${
                  active ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'
                }`}
              >
                {c.name}
              </button>
            );
          })}
        </div>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto p-3">
        {term && (
          <p className="mb-2 text-sm text-slate-600" role="status">
            {shown.length} {shown.length === 1 ? 'item matches' : 'items match'} “{query.trim()}”
          </p>
        )}
        {shown.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-slate-600">
            {products.length > 0 ? (
              'No items here.'
            ) : canEditCatalog ? (
              <>
                Nothing to sell yet.{' '}
                <Link href="/admin/catalog/products/new" className="font-semibold text-brand-700 underline">
                  Add your first product
                </Link>{' '}
                in the catalog.
              </>
            ) : (
              'Nothing to sell yet — a manager adds products in the catalog.'
            )}
          </p>
        ) : groups.length === 1 && groups[0]!.name === null ? (
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2" data-testid="product-grid">
            {groups[0]!.products.map(tile)}
          </ul>
        ) : (
          <div className="space-y-4" data-testid="menu-sections">
            {groups.map((g) => (
              <section key={g.id} aria-labelledby={`menu-section-${g.id}`}>
                <h2 id={`menu-section-${g.id}`} className="mb-1.5 text-sm font-bold uppercase tracking-wide text-slate-600">
                  {g.name}
                </h2>
                <ul className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2">{g.products.map(tile)}</ul>
              </section>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
