import { z } from 'zod';
import type { CartState } from './use-cart';

/**
 * The sale in progress, kept on this device per tenant and register, so a reload, a crash or
 * a tablet restart brings it back. Only the cart is kept: prices are quoted afresh, and a
 * manager's approval token is never written down (the discount asks again). An empty cart is
 * no entry at all, so a paid, parked or cleared sale leaves nothing to restore.
 */
const KEY_PREFIX = 'tillwise.cart';
const VERSION = 1;

export const cartStorageKey = (tenantId: string, registerName: string) => `${KEY_PREFIX}.${tenantId}.${registerName}`;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** This device's localStorage, or null where the browser refuses it (reading the property can throw). */
export function deviceStore(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), basisPoints: z.number().int().min(1).max(10_000) }),
  z.object({ kind: z.literal('amount'), amount: z.number().int().min(1) }),
]);
const saved = z.object({
  version: z.literal(VERSION),
  cart: z.object({
    lines: z
      .array(
        z.object({
          key: z.string().min(1),
          productId: z.string(),
          variantId: z.string(),
          quantity: z.number().int().min(1).max(10_000),
          modifierOptionIds: z.array(z.string()),
          note: z.string().nullable(),
          discount: discount.nullable(),
          productName: z.string(),
          variantName: z.string(),
          modifierNames: z.array(z.string()),
          lineId: z.string().optional(),
          course: z.number().int().min(1).max(9).optional(),
          held: z.boolean().optional(),
          firedQuantity: z.number().int().min(0).optional(),
          seat: z.number().int().min(1).max(99).nullable().optional(),
        }),
      )
      .min(1),
    selectedKey: z.string().nullable(),
    orderDiscount: discount.nullable(),
    type: z.enum(['dine_in', 'takeaway', 'retail']),
    tableId: z.string().nullable(),
    covers: z.number().int().nullable(),
    customerName: z.string(),
    // Absent in carts kept before customers existed.
    customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), pointsBalance: z.number().int().nullable() }).nullable().default(null),
    redeemRewards: z.number().int().min(0).max(100).default(0),
    resumed: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  }),
});

/** The kept cart of this key, or null (none, unreadable, or from an older version of the app). */
export function readCart(store: Store, key: string): CartState | null {
  let text: string | null;
  try {
    text = store.getItem(key);
  } catch {
    return null; // storage blocked (private mode, policy)
  }
  if (!text) return null;
  try {
    const parsed = saved.safeParse(JSON.parse(text));
    return parsed.success ? { ...parsed.data.cart, approval: null } : null;
  } catch {
    return null;
  }
}

/** Keeps the cart under `key`; an empty cart removes the entry. */
export function writeCart(store: Store, key: string, cart: CartState): void {
  try {
    if (cart.lines.length === 0) store.removeItem(key);
    else {
      const { approval: _secret, ...kept } = cart;
      store.setItem(key, JSON.stringify({ version: VERSION, cart: kept }));
    }
  } catch {
    // Storage full or blocked: the sale still works, it only would not survive a reload.
  }
}

export function forgetCart(store: Store, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
