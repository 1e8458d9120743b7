'use client';

import { useCallback, useMemo, useReducer } from 'react';
import type { Approval, Discount, DiscountRecord, Order, OrderType } from './types';

/**
 * The cart: what is being sold and how (order type, table, discounts). Prices are never
 * computed here — the server quotes them (use-quote.ts). `resumed` is the parked order this
 * cart came from (paying or parking it again replaces that order instead of creating one).
 */
export type CartLine = {
  key: string;
  productId: string;
  variantId: string;
  quantity: number;
  modifierOptionIds: string[];
  note: string | null;
  discount: Discount | null;
  /** The price typed in for an open-price item (minor units); absent for every other item. */
  unitPrice?: number;
  /** Names to show, taken when the line was added (from the catalog or the order snapshot). */
  productName: string;
  variantName: string;
  modifierNames: string[];
  /** Hold & fire on a dine-in tab: the order line this came from (kept, so the kitchen's part is known), its course, held for "Fire course n", units already sent. */
  lineId?: string;
  course?: number;
  held?: boolean;
  firedQuantity?: number;
  /** The guest's seat (dine-in; absent or null: shared by the table). */
  seat?: number | null;
};

export type CartState = {
  lines: CartLine[];
  selectedKey: string | null;
  orderDiscount: Discount | null;
  type: OrderType;
  tableId: string | null;
  covers: number | null;
  customerName: string;
  /** The customer profile attached (one tap in the customer search); their points pay for `redeemRewards` rewards (0: none). */
  customer: AttachedCustomer | null;
  redeemRewards: number;
  /** A manager's discount approval for this sale: their token, never their PIN. */
  approval: Approval | null;
  resumed: { id: string; number: number } | null;
};

export type NewLine = Omit<CartLine, 'key'>;

/** A customer as the cart keeps one: `pointsBalance` null when not known (a resumed order). */
export type AttachedCustomer = { id: string; name: string; phone: string | null; pointsBalance: number | null };

type Action =
  | { type: 'add'; line: NewLine }
  | { type: 'replace'; key: string; line: NewLine }
  | { type: 'quantity'; key: string; quantity: number }
  | { type: 'step'; key: string; by: number }
  | { type: 'remove'; key: string }
  | { type: 'select'; key: string | null }
  | { type: 'lineDiscount'; key: string; discount: Discount | null }
  | { type: 'seat'; key: string; seat: number | null }
  | { type: 'orderDiscount'; discount: Discount | null }
  | { type: 'orderType'; orderType: OrderType }
  | { type: 'table'; tableId: string | null }
  | { type: 'covers'; covers: number | null }
  | { type: 'customer'; name: string }
  | { type: 'attach'; customer: AttachedCustomer | null }
  | { type: 'redeem'; rewards: number }
  | { type: 'approval'; approval: Approval | null }
  | { type: 'course'; key: string; course: number; held: boolean }
  | { type: 'load'; state: CartState }
  | { type: 'clear' };

let counter = 0;
const newKey = () => `l${Date.now().toString(36)}${(counter++).toString(36)}`;
const sameItem = (a: NewLine, b: CartLine) =>
  a.variantId === b.variantId &&
  a.note === b.note &&
  a.unitPrice === b.unitPrice &&
  (a.course ?? 1) === (b.course ?? 1) &&
  Boolean(a.held) === Boolean(b.held) &&
  (a.seat ?? null) === (b.seat ?? null) &&
  !a.discount &&
  !b.discount &&
  a.modifierOptionIds.length === b.modifierOptionIds.length &&
  a.modifierOptionIds.every((id) => b.modifierOptionIds.includes(id));

export const MAX_QUANTITY = 10_000;
const clampQuantity = (n: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.round(n)));

function emptyCart(type: OrderType): CartState {
  return { lines: [], selectedKey: null, orderDiscount: null, type, tableId: null, covers: null, customerName: '', customer: null, redeemRewards: 0, approval: null, resumed: null };
}

function reducer(state: CartState, action: Action): CartState {
  switch (action.type) {
    case 'add': {
      // The same item with the same choices again: one more on that line (a scanner beeping twice).
      const existing = state.lines.find((l) => sameItem(action.line, l));
      if (existing) {
        return {
          ...state,
          selectedKey: existing.key,
          lines: state.lines.map((l) => (l === existing ? { ...l, quantity: clampQuantity(l.quantity + action.line.quantity) } : l)),
        };
      }
      const key = newKey();
      return { ...state, selectedKey: key, lines: [...state.lines, { ...action.line, quantity: clampQuantity(action.line.quantity), key }] };
    }
    case 'replace':
      return {
        ...state,
        lines: state.lines.map((l) => (l.key === action.key ? { ...action.line, key: l.key, discount: l.discount, lineId: l.lineId, course: l.course, held: l.held, firedQuantity: l.firedQuantity } : l)),
      };
    case 'course':
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, course: action.course, held: action.held } : l)) };
    case 'quantity':
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, quantity: clampQuantity(action.quantity) } : l)) };
    case 'step':
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, quantity: clampQuantity(l.quantity + action.by) } : l)) };
    case 'remove': {
      const index = state.lines.findIndex((l) => l.key === action.key);
      const lines = state.lines.filter((l) => l.key !== action.key);
      const next = lines[Math.min(index, lines.length - 1)]?.key ?? null;
      return { ...state, lines, selectedKey: state.selectedKey === action.key ? next : state.selectedKey };
    }
    case 'select':
      return { ...state, selectedKey: action.key };
    case 'lineDiscount':
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, discount: action.discount } : l)) };
    case 'seat':
      return { ...state, lines: state.lines.map((l) => (l.key === action.key ? { ...l, seat: action.seat } : l)) };
    case 'orderDiscount':
      return { ...state, orderDiscount: action.discount };
    case 'orderType':
      return {
        ...state,
        type: action.orderType,
        tableId: action.orderType === 'dine_in' ? state.tableId : null,
        covers: action.orderType === 'dine_in' ? (state.covers ?? 1) : null,
      };
    case 'table':
      return { ...state, tableId: action.tableId };
    case 'covers':
      return { ...state, covers: action.covers };
    case 'customer':
      return { ...state, customerName: action.name };
    case 'attach':
      // A reward is paid for with this customer's points: another customer (or none) starts without one.
      return { ...state, customer: action.customer, redeemRewards: 0, orderDiscount: state.redeemRewards ? null : state.orderDiscount };
    case 'redeem':
      return { ...state, redeemRewards: Math.max(0, Math.round(action.rewards)), orderDiscount: action.rewards > 0 ? null : state.orderDiscount };
    case 'approval':
      return { ...state, approval: action.approval };
    case 'load':
      return action.state;
    case 'clear':
      return emptyCart(state.type);
  }
}

/** An order's discount back as the cart's: a saved one by id again (re-priced from the catalog), a typed one as it was. */
function cartDiscount(d: DiscountRecord | null): Discount | null {
  if (!d) return null;
  const value = d.kind === 'percent' ? { kind: 'percent' as const, basisPoints: d.basisPoints, reason: d.reason ?? null } : { kind: 'amount' as const, amount: d.amount, reason: d.reason ?? null };
  return d.savedDiscountId ? { kind: 'saved', discountId: d.savedDiscountId, name: d.reason ?? 'Discount', value } : value;
}

/**
 * A parked order back as a cart: lines rebuilt from the order's snapshot (variant, options,
 * note, discount, and the price typed in for the products in `openPrice`).
 */
export function cartFromOrder(order: Order, openPrice: ReadonlySet<string>): CartState {
  const lines = order.lines.map<CartLine>((l) => ({
    key: newKey(),
    productId: l.productId,
    variantId: l.variantId,
    quantity: l.quantity,
    modifierOptionIds: l.modifiers.map((m) => m.optionId),
    note: l.note,
    discount: cartDiscount(l.discount),
    ...(openPrice.has(l.productId) && { unitPrice: l.unitPrice }),
    productName: l.productName,
    variantName: l.variantName,
    modifierNames: l.modifiers.map((m) => m.optionName),
    lineId: l.id,
    course: l.course,
    held: l.held,
    firedQuantity: l.firedQuantity,
    seat: l.seat,
  }));
  return {
    lines,
    selectedKey: lines[lines.length - 1]?.key ?? null,
    orderDiscount: cartDiscount(order.orderDiscount),
    type: order.type,
    tableId: order.tableId,
    covers: order.covers,
    customerName: order.customerName ?? '',
    customer: order.customerId ? { id: order.customerId, name: order.customerName ?? 'Customer', phone: null, pointsBalance: null } : null,
    redeemRewards: 0,
    approval: null,
    resumed: { id: order.id, number: order.number },
  };
}

/** The part of the cart the server prices (lines, discounts, approval): the quote's input. */
export function pricingInput(cart: CartState) {
  return {
    // The type prices too: a dine-in order carries the tenant's service charge.
    type: cart.type,
    lines: cart.lines.map((l) => ({
      variantId: l.variantId,
      quantity: l.quantity,
      modifierOptionIds: l.modifierOptionIds,
      note: l.note,
      discount: l.discount,
      ...(l.unitPrice !== undefined && { unitPrice: l.unitPrice }),
      ...(l.lineId && { lineId: l.lineId }),
      course: l.course ?? 1,
      held: l.held ?? false,
    })),
    orderDiscount: cart.redeemRewards ? null : cart.orderDiscount,
    approval: cart.approval,
    customerId: cart.customer?.id ?? null,
    // A reward is redeemed at checkout of a new sale (a resumed order is changed, then paid).
    redeemRewards: cart.redeemRewards && !cart.resumed ? cart.redeemRewards : null,
  };
}

/** The whole order as POST/PUT /api/v1/orders take it. */
export function orderInput(cart: CartState, shift: { id: string; locationId: string }) {
  const dineIn = cart.type === 'dine_in';
  const priced = pricingInput(cart);
  return {
    ...priced,
    // Seats are not priced (the quote leaves them out); dine-in only, a line keeps its seat if the type changes back.
    lines: priced.lines.map((l, i) => ({ ...l, seat: dineIn ? (cart.lines[i]!.seat ?? null) : null })),
    type: cart.type,
    locationId: shift.locationId,
    shiftId: shift.id,
    tableId: dineIn ? cart.tableId : null,
    covers: dineIn ? (cart.covers ?? 1) : null,
    customerName: cart.customerName.trim() || null,
  };
}

export function useCart(initialType: OrderType) {
  const [cart, dispatch] = useReducer(reducer, initialType, emptyCart);
  const actions = useMemo(
    () => ({
      add: (line: NewLine) => dispatch({ type: 'add', line }),
      replace: (key: string, line: NewLine) => dispatch({ type: 'replace', key, line }),
      setQuantity: (key: string, quantity: number) => dispatch({ type: 'quantity', key, quantity }),
      step: (key: string, by: number) => dispatch({ type: 'step', key, by }),
      remove: (key: string) => dispatch({ type: 'remove', key }),
      select: (key: string | null) => dispatch({ type: 'select', key }),
      setLineDiscount: (key: string, discount: Discount | null) => dispatch({ type: 'lineDiscount', key, discount }),
      setSeat: (key: string, seat: number | null) => dispatch({ type: 'seat', key, seat }),
      setOrderDiscount: (discount: Discount | null) => dispatch({ type: 'orderDiscount', discount }),
      setOrderType: (orderType: OrderType) => dispatch({ type: 'orderType', orderType }),
      setTable: (tableId: string | null) => dispatch({ type: 'table', tableId }),
      setCovers: (covers: number | null) => dispatch({ type: 'covers', covers }),
      setCustomer: (name: string) => dispatch({ type: 'customer', name }),
      attachCustomer: (customer: AttachedCustomer | null) => dispatch({ type: 'attach', customer }),
      redeemRewards: (rewards: number) => dispatch({ type: 'redeem', rewards }),
      setApproval: (approval: Approval | null) => dispatch({ type: 'approval', approval }),
      setCourse: (key: string, course: number, held: boolean) => dispatch({ type: 'course', key, course, held }),
      load: (state: CartState) => dispatch({ type: 'load', state }),
      clear: () => dispatch({ type: 'clear' }),
    }),
    [],
  );
  const selected = cart.lines.find((l) => l.key === cart.selectedKey) ?? null;
  const itemCount = cart.lines.reduce((sum, l) => sum + l.quantity, 0);
  const stepSelected = useCallback((by: number) => cart.selectedKey && dispatch({ type: 'step', key: cart.selectedKey, by }), [cart.selectedKey]);
  return { cart, selected, itemCount, stepSelected, ...actions };
}

export type CartApi = ReturnType<typeof useCart>;
