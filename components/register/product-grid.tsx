'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { variantLabel } from '@/lib/catalog/labels';
import { codeIndex } from './codes';
import { priceLabel , useRegisterWords } from './format';
import { isListKey, moveActive } from './list-keys';
import { ALL_ITEMS, MenuBar } from './menu-bar';
import { ScrollRow } from './scroll-row';
import { productStock, tileBadge, type TileBadge } from './stock';
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
 *
 * A tile shows the product's photo when it has one (the category colour when it has none or it
 * fails to load), the name on at most two lines, and its stock in words where stock is tracked.
 * While searching, the results are a listbox the search box drives: ↓ / ↑ highlight a result
 * (aria-activedescendant: the focus stays in the box, so typing goes on), Enter adds it, Esc
 * clears the search.
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
  const w = useRegisterWords();
  const t = useTranslations('register');
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
  const resultsId = useId();
  // Photos that failed to load show the category colour instead.
  const [brokenPhotos, setBrokenPhotos] = useState<ReadonlySet<string>>(new Set());

  const byCode = useMemo(() => codeIndex(products), [products]);

  const productById = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  // The chips: the menu's sections, or the categories; a chip the view no longer has is "All".
  const chips = menu ? menu.sections : categories;
  const category = chips.some((c) => c.id === chip) ? chip : ALL;

  const term = fold(query.trim());
  // The search result ↓ / ↑ highlight (an index into `shown`), for the search it was made in:
  // any other search (typed, scanned, cleared) starts with none.
  const [highlight, setHighlight] = useState<{ term: string; index: number } | null>(null);
  const active = highlight?.term === term ? highlight.index : null;
  const setActive = (index: number | null) => setHighlight(index === null ? null : { term, index });
  /** What the grid shows: one list, or a menu's sections one under another (each with its heading). */
  const groups = useMemo((): { id: string; name: string | null; products: RegisterProduct[] }[] => {
    if (term) {
      const found = products.filter(
        (p) => fold(p.name).includes(term) || (p.altName !== null && fold(p.altName).includes(term)) || p.variants.some((v) => v.sku.toLowerCase().includes(term) || v.barcodes.some((b) => b.toLowerCase() === term)),
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
  const activeProduct = term && active !== null ? (shown[active] ?? null) : null;
  const optionId = (product: RegisterProduct) => `${resultsId}-${product.id}`;
  useEffect(() => {
    if (activeProduct) document.getElementById(optionId(activeProduct))?.scrollIntoView({ block: 'nearest' });
  }, [activeProduct]); // optionId comes from a stable useId

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

  /** A tile tapped, or the highlighted result taken with Enter: added, or told why not. */
  const take = (product: RegisterProduct): boolean => {
    if (locked) return false;
    const s = productStock(product, stock);
    if (!s.sellable) {
      flash(t(product.soldOut ? 'isSoldOut' : 'isOutOfStock', { name: product.name }), 'error');
      return false;
    }
    const problem = onPick(product);
    if (problem) flash(problem, 'error');
    else clearError();
    return !problem;
  };

  const submitSearch = () => {
    const code = query.trim();
    if (!code) return;
    if (activeProduct) {
      const chosen = activeProduct;
      if (take(chosen)) {
        setQuery('');
        flash(t('added', { name: chosen.name }), 'ok');
      }
      return;
    }
    const hit = byCode.get(code.toLowerCase());
    if (hit) {
      setQuery('');
      const v = hit.product.variants.find((x) => x.id === hit.variantId)!;
      report(onScan(hit.product, hit.variantId), t('added', { name: variantLabel({ productName: hit.product.name, variantName: v.name }) }));
      return;
    }
    if (shown.length === 1) {
      setQuery('');
      report(onPick(shown[0]!), t('added', { name: shown[0]!.name }));
      return;
    }
    flash(shown.length === 0 ? t('noItemWithCode', { code }) : t('itemsMatchTapOne', { count: shown.length, code }), shown.length ? 'ok' : 'error');
    if (shown.length === 0) setQuery('');
  };

  const tile = (product: RegisterProduct) => {
    const s = productStock(product, stock);
    const unavailable = locked || !s.sellable;
    const color = product.categoryId ? colorOf.get(product.categoryId) : null;
    const photo = product.photoUrl && !brokenPhotos.has(product.id) ? product.photoUrl : null;
    const badge = tileBadge(s, w);
    // While searching the tiles are the options of the results listbox the search box drives.
    const option = term ? { role: 'option' as const, id: optionId(product), 'aria-selected': activeProduct?.id === product.id } : {};
    const highlighted = option['aria-selected'] === true;
    return (
      <li key={product.id} role={term ? 'none' : undefined}>
        <button
          type="button"
          {...option}
          aria-disabled={unavailable || undefined}
          data-testid="product-tile"
          onClick={() => void take(product)}
          style={color && !photo ? { borderLeftColor: color } : undefined}
          className={`flex h-full min-h-24 w-full flex-col gap-1 overflow-hidden rounded-xl border bg-white text-left shadow-sm transition ${
            photo ? 'border-slate-200' : `border-l-8 p-2.5 ${color ? 'border-slate-200' : 'border-slate-200 border-l-slate-300'}`
          } ${unavailable ? 'cursor-not-allowed bg-slate-100 text-slate-600' : 'hover:border-brand-600 hover:shadow active:scale-[0.98]'} ${
            highlighted ? 'outline-3 outline-offset-2 outline-brand-600' : ''
          }`}
        >
          {photo && (
            // A plain img: photos are any http(s) address the catalog was given, not this app's files.
            <img
              src={photo}
              alt=""
              loading="lazy"
              decoding="async"
              referrerPolicy="no-referrer"
              onError={() => setBrokenPhotos((prev) => new Set(prev).add(product.id))}
              className={`h-20 w-full shrink-0 bg-slate-100 object-cover ${unavailable ? 'opacity-50 grayscale' : ''}`}
              style={color ? { borderBottom: `4px solid ${color}` } : undefined}
              data-testid="tile-photo"
            />
          )}
          <span className={`flex flex-1 flex-col justify-between gap-1 ${photo ? 'px-2.5 pb-2.5' : ''}`}>
            <span className="line-clamp-2 text-sm font-semibold leading-snug break-words" title={product.name}>
              {product.name}
            </span>
            {product.altName && (
              <span className="line-clamp-1 text-xs text-slate-600" data-testid="tile-alt-name">
                {product.altName}
              </span>
            )}
            <span className="flex flex-wrap items-end justify-between gap-1">
              <span className={`text-sm ${unavailable ? '' : 'text-slate-700'}`}>{priceLabel(product, currency, w)}</span>
              {badge && <StockBadge badge={badge} />}
            </span>
            {!s.sellable && <span className="text-xs font-medium text-red-800">{t(product.soldOut ? 'cannotSellSoldOut' : 'cannotSellOut')}</span>}
          </span>
        </button>
      </li>
    );
  };

  return (
    <section aria-label={t('products')} className="flex min-h-0 flex-col">
      <div className="space-y-2 border-b border-slate-200 bg-white px-3 py-2">
        <div className="relative">
          <label htmlFor="register-search" className="sr-only">
            {t('searchLabel')}
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
            aria-controls={term ? resultsId : undefined}
            aria-activedescendant={activeProduct ? optionId(activeProduct) : undefined}
            aria-describedby={`${resultsId}-hint`}
            placeholder={locked ? t('searchLocked') : t('searchPlaceholder')}
            onChange={(e) => {
              setQuery(e.target.value);
              clearError();
            }}
            onKeyDown={(e) => {
              if (term && isListKey(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
                const next = moveActive(active, shown.length, e.key);
                // Home / End with nothing highlighted stay the caret's.
                if (next === null && active === null) return;
                e.preventDefault();
                setActive(next);
              } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                submitSearch();
              } else if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-500 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 disabled:bg-slate-100"
          />
          <p id={`${resultsId}-hint`} className="sr-only">
            {t('searchHint')}
          </p>
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
          <div role="group" aria-label={t('customAmounts')} className="flex flex-wrap gap-1.5">
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
        <ScrollRow label={menu ? t('sectionsOf', { menu: menu.name }) : t('categories')} testId="chip-row">
          {[{ id: ALL, name: menu ? t('wholeMenu') : t('all') }, ...chips].map((c) => {
            const pressed = !term && category === c.id;
            return (
              <button
                key={c.id}
                type="button"
                aria-pressed={pressed}
                onClick={() => {
                  setChip(c.id);
                  setQuery('');
                }}
                className={`inline-flex min-h-10 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-4 text-sm font-semibold ring-1 transition ${
                  pressed ? 'bg-slate-900 text-white ring-slate-900' : 'bg-white text-slate-800 ring-slate-300 hover:bg-slate-100'
                }`}
              >
                {/* The category's colour, as on its tiles' edge: which chip the tiles belong to. */}
                {'color' in c && c.color && <span aria-hidden="true" className="size-2.5 rounded-full ring-1 ring-white/60" style={{ backgroundColor: c.color }} />}
                {c.name}
              </button>
            );
          })}
        </ScrollRow>
      </div>

      <div className="min-h-0 flex-1 overflow-y-auto p-3">
        {term && (
          <p className="mb-2 text-sm text-slate-600" role="status">
            {t('itemsMatch', { count: shown.length, query: query.trim() })}
          </p>
        )}
        {shown.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-slate-600">
            {products.length > 0 ? (
              t('noItemsHere')
            ) : canEditCatalog ? (
              t.rich('nothingToSellAdd', {
                link: (chunks) => (
                  <Link href="/admin/catalog/products/new" className="font-semibold text-brand-700 underline">
                    {chunks}
                  </Link>
                ),
              })
            ) : (
              t('nothingToSell')
            )}
          </p>
        ) : groups.length === 1 && groups[0]!.name === null ? (
          <ul
            className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-2"
            data-testid="product-grid"
            {...(term ? { id: resultsId, role: 'listbox', 'aria-label': t('searchResults') } : {})}
          >
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

const BADGE_TONE: Record<TileBadge['tone'], string> = {
  stock: 'bg-slate-100 text-slate-800 ring-slate-300',
  low: 'bg-amber-100 text-amber-950 ring-amber-400',
  out: 'bg-red-100 text-red-900 ring-red-300',
  'sold-out': 'bg-slate-800 text-white ring-slate-800',
};

/** The stock on a tile, in words with a symbol (never colour alone). */
function StockBadge({ badge }: { badge: TileBadge }) {
  return (
    <span className={`inline-flex items-center gap-0.5 rounded-full px-2 py-0.5 text-xs font-bold tabular-nums ring-1 ${BADGE_TONE[badge.tone]}`} data-testid="stock-badge" data-tone={badge.tone}>
      {badge.symbol && <span aria-hidden="true">{badge.symbol}</span>}
      {badge.text}
    </span>
  );
}
