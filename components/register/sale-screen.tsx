'use client';

import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { variantLabel } from '@/lib/catalog/labels';
import { api, needsApproval, newActionKey, type ApiError } from './api';
import { useApiErrorText } from './api-errors';
import { ApprovalDialog } from './approval-dialog';
import { codeIndex } from './codes';
import { CardStatusBanner } from './card-status-banner';
import { CartPanel } from './cart-panel';
import { CartBar, CartSheet } from './cart-sheet';
import { DiscountDialog, type DiscountTarget } from './discount-dialog';
import { useRegisterWords } from './format';
import { ItemPickerDialog, type PickerRequest } from './item-picker-dialog';
import { NoShift } from './no-shift';
import { OfflineBanner, OfflineReceiptDialog } from './offline-banner';
import { offlineQuote } from './offline-quote';
import type { QueuedSale } from './offline-queue';
import { OfflineWorker } from './offline-worker';
import { useOfflineSync } from './use-offline-sync';
import { useOfflineCashier } from './offline-pins';
import { ParkedOrdersDialog, useParkedOrders } from './parked-orders';
import { PaymentDialog } from './payment-dialog';
import { usePopover } from './popover';
import { ProductGrid } from './product-grid';
import { ReceiptDialog } from './receipt-dialog';
import { RegisterToolbar } from './register-toolbar';
import { canSell, hasRequiredChoices, needsPicker, stockLessUnsent, variantStock } from './stock';
import { cartStorageKey, deviceStore, readCart } from './cart-storage';
import { cartFromOrder, useCart, type CartState, type NewLine } from './use-cart';
import { useCardStatus } from './use-card-status';
import { useKeptCart } from './use-kept-cart';
import { useLiveStock } from './use-live-stock';
import { PHONE_QUERY, useMediaQuery } from './use-media-query';
import { useQuote } from './use-quote';
import { useRegisterShift } from './use-register-shift';
import { useSale } from './use-sale';
import { useScanner } from './use-scanner';
import { useShortcuts } from './use-shortcuts';
import { VoidDialog } from './void-dialog';
import type { Order, RegisterData, RegisterProduct, RegisterTable, RegisterUser } from './types';

/**
 * The register's sale screen: products on the left, the sale on the right, dialogs for
 * choices, discounts, approval, payment and the receipt. This component only wires the
 * pieces together; each concern lives in its own hook or component.
 */
export function SaleScreen({
  data,
  tenantId,
  currency,
  user,
  openOrderId = null,
}: {
  data: RegisterData;
  tenantId: string;
  currency: string;
  user: RegisterUser;
  /** A table's tab to open on arrival (`/register?order=…`, from the floor). */
  openOrderId?: string | null;
}) {
  const w = useRegisterWords();
  const tOffline = useTranslations('offline');
  const { t } = w;
  const errorText = useApiErrorText();
  const register = useRegisterShift();
  const shift = register.shift.status === 'open' ? register.shift.shift : null;
  const cart = useCart(data.tables.length ? 'takeaway' : 'retail');
  const live = useLiveStock(data.stock, data.location?.id ?? null, data.products, data.stockAt);
  const { products, connected } = live;
  // Without the server (docs/offline.md): priced here, cash only, each sale queued on the device.
  const sync = useOfflineSync(tenantId);
  // Offline, what this device sold and has not sent is not in the last levels it heard yet.
  const stock = useMemo(() => (sync.online ? live.stock : stockLessUnsent(live.stock, sync.queued)), [sync.online, live.stock, sync.queued]);
  const card = useCardStatus();
  const parked = useParkedOrders();
  const help = usePopover();
  const settings = usePopover();
  const searchRef = useRef<HTMLInputElement>(null);

  const [tables, setTables] = useState<RegisterTable[]>(data.tables);
  const [picker, setPicker] = useState<PickerRequest | null>(null);
  const [discount, setDiscount] = useState<DiscountTarget | null>(null);
  const [approvalOpen, setApprovalOpen] = useState(false);
  const [approvalError, setApprovalError] = useState<string | null>(null);
  const [voidApprovalOpen, setVoidApprovalOpen] = useState(false);
  /** What to do again once a manager approved taking off what the kitchen has (the Park or Send that was refused). */
  const retryAfterVoid = useRef<(() => void) | null>(null);
  const [paying, setPaying] = useState(false);
  const [receipt, setReceipt] = useState<Order | null>(null);
  const [parkedOpen, setParkedOpen] = useState(false);
  const [voidOpen, setVoidOpen] = useState(false);
  const [tableHint, setTableHint] = useState<string | null>(null);
  const [tabNotice, setTabNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [scanNotice, setScanNotice] = useState<{ text: string; tone: 'ok' | 'error'; at: number } | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(noticeTimer.current), []);

  // On a phone the cart is a sheet over the products, opened from the cart bar.
  const phone = useMediaQuery(PHONE_QUERY);
  const sheetId = useId();
  const barRef = useRef<HTMLButtonElement>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const focusAfterSheet = useRef<'bar' | 'search' | null>(null);
  const closeSheet = (focusTo: 'bar' | 'search') => {
    focusAfterSheet.current = focusTo;
    setSheetOpen(false);
  };
  useEffect(() => {
    // Back where the person came from, once the sheet is gone and the products are live again.
    const to = focusAfterSheet.current;
    focusAfterSheet.current = null;
    if (!sheetOpen && to) (to === 'bar' ? barRef.current : searchRef.current)?.focus();
  }, [sheetOpen]);
  useEffect(() => {
    if (!phone) setSheetOpen(false);
  }, [phone]);

  // An emptied cart (parked, paid, cleared) starts without old hints, back on the products.
  const empty = cart.cart.lines.length === 0;
  useEffect(() => {
    if (!empty) return;
    setTableHint(null);
    if (sheetOpen) closeSheet('search');
  }, [empty]); // only the cart becoming empty closes the sheet

  const announce = (text: string) => setAnnouncement((prev) => (prev === text ? `${text}\u00a0` : text));
  const productById = useMemo(() => new Map(products.map((p) => [p.id, p])), [products]);
  const byCode = useMemo(() => codeIndex(products), [products]);

  const onApprovalRejected = useCallback(
    (error: ApiError) => {
      cart.setApproval(null);
      setApprovalError(error.message);
      setApprovalOpen(true);
    },
    [cart],
  );
  const offlineCashier = useOfflineCashier(tenantId);
  const quote = useQuote(cart.cart, onApprovalRejected, { now: !sync.online, price: (c) => offlineQuote(c, productById, data.settings, data.savedDiscounts) });
  const [savedOffline, setSavedOffline] = useState<QueuedSale | null>(null);
  const openPriceProducts = useMemo(() => new Set(data.products.filter((p) => p.openPrice).map((p) => p.id)), [data.products]);
  const sale = useSale({
    cart: cart.cart,
    shift,
    registerName: register.registerName,
    expectedTotal: quote.ready && quote.quote ? quote.quote.total : null,
    onShiftProblem: () => void register.reloadShift(true),
    onTotalChanged: quote.refresh,
    offline: { now: !sync.online, tenantId, currency, maxTotal: data.settings.offlineMaxTotal, unsyncedTotal: sync.unsyncedTotal, cashier: { id: user.userId, name: user.name }, switchedTo: offlineCashier },
    onRestore: (order) => {
      cart.load({ ...cartFromOrder(order, openPriceProducts), resumed: null });
      announce(t('saleStillWaiting', { number: order.number }));
    },
  });
  const locked = sale.locked;

  // The sale being rung up survives a reload on this device, minus items no longer sold here.
  useKeptCart({
    cart: cart.cart,
    load: cart.load,
    storageKey: register.registerName ? cartStorageKey(tenantId, register.registerName) : null,
    keep: sale.order === null,
    restore: (kept: CartState) => {
      const lines = kept.lines.filter((l) => productById.get(l.productId)?.variants.some((v) => v.id === l.variantId));
      if (lines.length === 0) return null;
      const count = lines.reduce((n, l) => n + l.quantity, 0);
      announce(t('saleBack', { count }));
      return { ...kept, lines, selectedKey: lines.some((l) => l.key === kept.selectedKey) ? kept.selectedKey : (lines.at(-1)?.key ?? null) };
    },
  });

  const refreshTables = useCallback(async () => {
    const result = await api<{ data: RegisterTable[] }>('/api/v1/restaurant/tables', { retries: 1 });
    if (result.ok) setTables(result.data.data.map(({ id, name, seats, area, status, covers }) => ({ id, name, seats, area, status, covers })));
  }, []);

  // ——— adding items ———
  const addLine = (line: NewLine, replaceKey?: string) => {
    if (replaceKey) cart.replace(replaceKey, line);
    else cart.add(line);
    setTableHint(null);
    sale.clearError();
    const name = variantLabel(line);
    announce(t(replaceKey ? 'lineChanged' : 'lineAdded', { quantity: line.quantity, name }));
  };
  const plainLine = (product: RegisterProduct, variantId: string): NewLine => {
    const v = product.variants.find((x) => x.id === variantId)!;
    return { productId: product.id, variantId, quantity: 1, modifierOptionIds: [], note: null, discount: null, productName: product.name, variantName: v.name, modifierNames: [] };
  };
  /** A tile was tapped: add at once when there is nothing to choose, else open the picker. */
  const pick = (product: RegisterProduct, variantId?: string): string | null => {
    if (locked) return t('finishPaymentFirst');
    if (!needsPicker(product)) {
      const v = product.variants[0]!;
      if (!canSell(product, variantStock(product, v.id, stock))) return t(product.soldOut ? 'isSoldOut' : 'isOutOfStock', { name: product.name });
      addLine(plainLine(product, v.id));
      return null;
    }
    setPicker({ product, variantId });
    return null;
  };
  /** A scanned or typed code: 1 unit at once, unless the product has required choices. */
  const scan = (product: RegisterProduct, variantId: string): string | null => {
    if (locked) return t('finishPaymentFirst');
    if (!canSell(product, variantStock(product, variantId, stock))) return t(product.soldOut ? 'isSoldOut' : 'isOutOfStock', { name: product.name });
    if (hasRequiredChoices(product)) {
      setPicker({ product, variantId });
      return null;
    }
    addLine(plainLine(product, variantId));
    return null;
  };

  // A scan that arrived with no text field focused (the search box reads its own).
  useScanner((code) => {
    if (register.shift.status !== 'open') return;
    const hit = byCode.get(code.toLowerCase());
    const v = hit?.product.variants.find((x) => x.id === hit.variantId);
    const problem = !hit || !v ? t('noItemWithCode', { code }) : scan(hit.product, hit.variantId);
    clearTimeout(noticeTimer.current);
    setScanNotice({ text: problem ?? t('added', { name: variantLabel({ productName: hit!.product.name, variantName: v!.name }) }), tone: problem ? 'error' : 'ok', at: Date.now() });
    noticeTimer.current = setTimeout(() => setScanNotice(null), 4_000);
  });

  const stockWarning = (variantId: string, quantity: number, productId: string) => {
    const product = productById.get(productId);
    if (!product?.trackStock || product.allowNegativeStock) return null;
    const have = stock[variantId]?.quantity ?? 0;
    return quantity > have ? t('onlyInStock', { count: Math.max(0, have) }) : null;
  };

  // ——— park / pay / void ———
  const dineInWithoutTable = cart.cart.type === 'dine_in' && !cart.cart.tableId;
  const park = async () => {
    if (dineInWithoutTable) return setTableHint(t('chooseTableForTab'));
    retryAfterVoid.current = () => void park();
    const result = await sale.park();
    if (!result.ok) return;
    const table = result.order.tableId ? tables.find((t) => t.id === result.order.tableId)?.name : null;
    cart.clear();
    announce(table ? t('saleParkedOnTable', { number: result.order.number, table }) : t('saleParked', { number: result.order.number }));
    void parked.refresh();
    if (result.order.tableId) void refreshTables();
    searchRef.current?.focus();
  };
  const sendToKitchen = async (course?: number) => {
    if (dineInWithoutTable) return setTableHint(t('chooseTableForTab'));
    retryAfterVoid.current = () => void sendToKitchen(course);
    const result = await sale.send(course);
    if (!result.ok) return;
    const table = result.order.tableId ? tables.find((t) => t.id === result.order.tableId)?.name : null;
    cart.clear();
    announce(
      t('saleSent', { hasCourse: course ? 'yes' : 'no', course: course ?? 0, number: result.order.number, hasTable: table ? 'yes' : 'no', table: table ?? '', fired: result.order.fired ?? 0 }),
    );
    void parked.refresh();
    void refreshTables();
    searchRef.current?.focus();
  };
  /** The resumed tab emptied before anything was sent: cancelled on the server (not a void), its table freed. */
  const cancelTab = async () => {
    const tab = cart.cart.resumed;
    if (!tab) return;
    const result = await api<Order>(`/api/v1/orders/${tab.id}/cancel`, { method: 'POST', body: {}, key: newActionKey() });
    if (!result.ok) return setTabNotice(errorText(result.error));
    cart.clear();
    announce(t('saleTabCancelled', { number: tab.number }));
    void parked.refresh();
    void refreshTables();
    searchRef.current?.focus();
  };
  const canPay = shift !== null && sale.busy === null && (locked || (cart.cart.lines.length > 0 && quote.ready));
  const openPayment = () => {
    if (!canPay) return;
    if (!locked && dineInWithoutTable) return setTableHint(t('chooseTableOrTakeaway'));
    retryAfterVoid.current = null; // after the approval, Pay is tapped again
    setPaying(true);
  };
  const paid = (order: Order) => {
    setPaying(false);
    setReceipt(order);
    announce(t('salePaid', { number: order.number }));
    void parked.refresh();
    if (order.tableId) void refreshTables();
  };
  const savedSale = (queued: QueuedSale) => {
    setPaying(false);
    cart.clear();
    setSavedOffline(queued);
    announce(tOffline('savedAnnounce', { number: queued.provisional }));
  };
  const newSale = () => {
    setReceipt(null);
    setSavedOffline(null);
    sale.reset();
    cart.clear();
    setTimeout(() => searchRef.current?.focus(), 0);
  };
  const resume = (order: Order) => {
    cart.load(cartFromOrder(order, openPriceProducts));
    sale.reset();
    setParkedOpen(false);
    setTabNotice(null);
    announce(t('saleResumed', { number: order.number }));
  };

  // ——— tables' tabs (the floor and the table picker open them) ———
  const tabByTable = useMemo(() => new Map((parked.orders ?? []).filter((o) => o.tableId && o.status === 'open').map((o) => [o.tableId!, o])), [parked.orders]);
  /** Opens a tab into the cart (as Resume does), only over an empty cart: nothing being rung up is lost. */
  const openTab = async (orderId: string, cartEmpty: boolean) => {
    if (!cartEmpty || locked) return setTabNotice(t('parkBeforeTab'));
    const result = await api<Order>(`/api/v1/orders/${encodeURIComponent(orderId)}`, { retries: 1 });
    if (!result.ok) return setTabNotice(errorText(result.error));
    if (result.data.status !== 'open') return setTabNotice(t('tabNoLongerOpen', { number: result.data.number }));
    resume(result.data);
  };
  const chooseTable = (tableId: string | null) => {
    const tab = tableId ? tabByTable.get(tableId) : undefined;
    if (!tab || tab.id === cart.cart.resumed?.id) return cart.setTable(tableId);
    void openTab(tab.id, cart.cart.lines.length === 0 && !cart.cart.resumed);
  };
  const arrived = useRef(false);
  useEffect(() => {
    // Arrived from the floor: open that tab once, unless this device holds another sale in progress.
    if (!openOrderId || arrived.current || !register.registerName) return;
    arrived.current = true;
    window.history.replaceState(null, '', '/register');
    const store = deviceStore();
    const kept = store ? readCart(store, cartStorageKey(tenantId, register.registerName)) : null;
    if (kept?.resumed?.id === openOrderId) return; // already on screen, with its unsaved changes
    void openTab(openOrderId, !kept || kept.lines.length === 0);
  }, [openOrderId, register.registerName]); // once, when the register is known

  const barTotal = locked && sale.order ? t('barDue', { amount: w.f.money(sale.order.balanceDue, currency) }) : quote.quote && !quote.error ? w.f.money(quote.quote.total, currency) : null;

  useShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    pay: openPayment,
    step: (by) => !locked && cart.stepSelected(by),
    removeSelected: () => !locked && cart.selected && cart.remove(cart.selected.key),
    toggleHelp: help.toggle,
  });

  const editLine = (key: string) => {
    const line = cart.cart.lines.find((l) => l.key === key);
    const product = line && productById.get(line.productId);
    if (line && product) setPicker({ product, variantId: line.variantId, line: { key, modifierOptionIds: line.modifierOptionIds, quantity: line.quantity, note: line.note, unitPrice: line.unitPrice } });
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {register.registerName && <OfflineWorker urls={['/register', `/api/v1/shifts?register=${encodeURIComponent(register.registerName)}`]} />}
      <OfflineBanner
        sync={sync}
        currency={currency}
        timeZone={data.timeZone}
        limits={{ maxHours: data.settings.offlineMaxHours, maxTotal: data.settings.offlineMaxTotal }}
        kitchen={data.tables.length > 0}
      />
      {sync.online && <CardStatusBanner state={card.state} />}
      <RegisterToolbar
        registerName={register.registerName ?? '…'}
        locationName={data.location?.name ?? null}
        shift={shift}
        currency={currency}
        timeZone={data.timeZone}
        liveStock={connected}
        stockAsOf={sync.online ? null : live.knownAt}
        parkedCount={parked.orders?.length ?? null}
        help={help}
        settings={settings}
        onRename={register.setRegisterName}
        onOpenParked={() => {
          void parked.refresh();
          setParkedOpen(true);
        }}
      />
      {tabNotice && (
        <div role="alert" className="flex items-center justify-between gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm font-semibold text-amber-950" data-testid="tab-notice">
          <span>{tabNotice}</span>
          <button type="button" onClick={() => setTabNotice(null)} className="min-h-9 rounded-lg px-3 ring-1 ring-amber-400 hover:bg-amber-100">
            {w.t('dismiss')}
          </button>
        </div>
      )}
      <p aria-live="polite" className="sr-only" data-testid="announcer">
        {announcement}
      </p>
      <div aria-live="assertive" aria-atomic="true" className="pointer-events-none fixed inset-x-0 top-3 z-20 flex justify-center px-3">
        {scanNotice && (
          <p
            key={scanNotice.at}
            data-testid="scan-notice"
            className={`rounded-lg px-3 py-1.5 text-sm font-semibold text-white shadow-md ${scanNotice.tone === 'error' ? 'bg-red-700' : 'bg-slate-900'}`}
          >
            {scanNotice.tone === 'error' ? '⚠ ' : '✓ '}
            {scanNotice.text}
          </p>
        )}
      </div>

      {register.shift.status === 'loading' || !register.registerName ? (
        <div className="flex flex-1 items-center justify-center" aria-busy="true">
          <p role="status" className="text-slate-600">
            {w.t('checkingShift')}
          </p>
        </div>
      ) : register.shift.status !== 'open' ? (
        <NoShift
          registerName={register.registerName}
          error={register.shift.status === 'error' ? register.shift.error : null}
          onRetry={() => void register.reloadShift()}
          onChangeRegister={settings.toggle}
        />
      ) : (
        <div className="grid min-h-0 flex-1 grid-cols-1 md:grid-cols-[minmax(0,1fr)_minmax(20rem,24rem)]">
          <div className="grid min-h-0 min-w-0 grid-cols-1 grid-rows-[minmax(0,1fr)_auto]" inert={phone && sheetOpen}>
            <ProductGrid
              products={products}
              categories={data.categories}
              menus={data.menus}
              timeZone={data.timeZone}
              canEditCatalog={user.canEditCatalog}
              stock={stock}
              currency={currency}
              searchRef={searchRef}
              locked={locked}
              onPick={pick}
              onScan={scan}
            />
            <CartBar barRef={barRef} sheetId={sheetId} open={sheetOpen} items={cart.itemCount} total={barTotal} onOpen={() => setSheetOpen(true)} />
          </div>
          <CartSheet id={sheetId} open={sheetOpen} phone={phone} onClose={() => closeSheet('bar')}>
            <CartPanel
              cart={cart}
              quote={quote.quote}
              quotePending={quote.pending}
              quoteError={quote.error}
              saleError={sale.error}
              currency={currency}
              loyaltyReward={data.loyaltyReward}
              pricesIncludeTax={data.settings.pricesIncludeTax}
              tables={tables}
              order={sale.order}
              locked={locked}
              canPay={canPay}
              busy={sale.busy}
              stockWarning={stockWarning}
              tableHint={dineInWithoutTable ? tableHint : null}
              onEditLine={editLine}
              onDiscountLine={(key) => {
                const line = cart.cart.lines.find((l) => l.key === key);
                if (line) setDiscount({ scope: 'line', key, name: line.productName, current: line.discount });
              }}
              onOrderDiscount={() => setDiscount({ scope: 'order', current: cart.cart.orderDiscount })}
              onAskApproval={() => {
                if (needsApproval(sale.error, 'voidApproval')) return setVoidApprovalOpen(true);
                setApprovalError(null);
                setApprovalOpen(true);
              }}
              approvers={data.approvers}
              onRemoveDiscounts={() => {
                cart.setOrderDiscount(null);
                for (const line of cart.cart.lines) if (line.discount) cart.setLineDiscount(line.key, null);
                announce(t('discountsRemoved'));
              }}
              onRefreshTables={() => void refreshTables()}
              onPark={() => void park()}
              onSend={(course) => void sendToKitchen(course)}
              onChooseTable={chooseTable}
              onPay={openPayment}
              onVoid={() => setVoidOpen(true)}
              onCancelTab={() => void cancelTab()}
            />
          </CartSheet>
        </div>
      )}

      <ItemPickerDialog
        request={picker}
        stock={stock}
        currency={currency}
        onClose={() => setPicker(null)}
        onSubmit={(line, replaceKey) => {
          addLine(line, replaceKey);
          setPicker(null);
        }}
      />
      <DiscountDialog
        target={discount}
        currency={currency}
        limitBasisPoints={user.canOverrideDiscounts ? 10_000 : data.settings.discountLimitBasisPoints}
        savedDiscounts={data.savedDiscounts}
        offline={!sync.online}
        onClose={() => setDiscount(null)}
        onApply={(target, d) => {
          if (target.scope === 'line') cart.setLineDiscount(target.key, d);
          else cart.setOrderDiscount(d);
          setDiscount(null);
        }}
      />
      <ApprovalDialog
        open={approvalOpen}
        reason={t('discountOverLimit', { percent: data.settings.discountLimitBasisPoints / 100 })}
        permission="discount:override"
        error={approvalError}
        approvers={data.approvers}
        onClose={() => setApprovalOpen(false)}
        onApprove={(approval, approver) => {
          cart.setApproval(approval);
          setApprovalError(null);
          setApprovalOpen(false);
          announce(t('discountApproved', { name: approver.name }));
        }}
      />
      <ApprovalDialog
        open={voidApprovalOpen}
        reason={t('voidNeedsPin', { problem: sale.error ? errorText(sale.error) : t('kitchenHasItems') })}
        permission="order:void"
        approvers={data.approvers}
        onClose={() => setVoidApprovalOpen(false)}
        onApprove={(approval, approver) => {
          sale.approveVoid(approval);
          setVoidApprovalOpen(false);
          const retry = retryAfterVoid.current;
          announce(t(retry ? 'voidApproved' : 'voidApprovedTapPay', { name: approver.name }));
          retry?.();
        }}
      />
      <PaymentDialog
        open={paying}
        currency={currency}
        total={quote.quote?.total ?? 0}
        order={sale.order}
        cardState={card.state}
        offline={!sync.online}
        onSaved={savedSale}
        busy={sale.busy === 'pay'}
        onPay={(tender) => sale.pay(tender)}
        onCheckCard={sale.checkCard}
        onCardUnavailable={card.reportUnavailable}
        onPaid={paid}
        onClose={() => setPaying(false)}
        tips={data.settings.tips}
        splitting={{ ensureOrder: sale.ensureOrder, split: sale.split }}
      />
      <ReceiptDialog order={receipt} onNewSale={newSale} />
      <OfflineReceiptDialog sale={savedOffline} onNewSale={newSale} />
      <ParkedOrdersDialog
        open={parkedOpen}
        orders={parked.orders}
        error={parked.error}
        tables={tables}
        currency={currency}
        timeZone={data.timeZone}
        cartEmpty={cart.cart.lines.length === 0 && !locked}
        onClose={() => setParkedOpen(false)}
        onResume={resume}
      />
      <VoidDialog
        open={voidOpen}
        orderNumber={sale.order?.number ?? null}
        canVoid={user.canVoid}
        approvers={data.approvers}
        onClose={() => setVoidOpen(false)}
        onVoid={async (reason, approval) => {
          const number = sale.order?.number;
          const result = await sale.voidOrder(reason, approval);
          if (result.ok) {
            setVoidOpen(false);
            cart.clear();
            announce(t('saleVoided', { number: number ?? '' }));
            void refreshTables();
          }
          return result;
        }}
      />
    </div>
  );
}
