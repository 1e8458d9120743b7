import { describe, expect, it } from 'vitest';
import { cartStorageKey, readCart, writeCart } from '@/components/register/cart-storage';
import type { CartState } from '@/components/register/use-cart';

/** localStorage's surface over a Map. */
function memoryStore() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const cart: CartState = {
  lines: [
    { key: 'l1', productId: 'p1', variantId: 'v1', quantity: 2, modifierOptionIds: ['o1'], note: 'no ice', discount: { kind: 'percent', basisPoints: 500 }, productName: 'Lime juice', variantName: 'Default', modifierNames: ['Less sweet'] },
    { key: 'l2', productId: 'p2', variantId: 'v2', quantity: 1, modifierOptionIds: [], note: null, discount: null, productName: 'Water', variantName: '1 L', modifierNames: [] },
  ],
  selectedKey: 'l2',
  orderDiscount: { kind: 'amount', amount: 100 },
  type: 'dine_in',
  tableId: 't1',
  covers: 3,
  customerName: 'Ko Ko',
  customer: { id: 'c1', name: 'Ko Ko', phone: '09 123 456', pointsBalance: 12 },
  redeemRewards: 1,
  approval: { token: 'secret-approval-token' },
  resumed: { id: 'o9', number: 9 },
};

describe('the kept cart', () => {
  it('comes back as it was, without the manager approval token', () => {
    const store = memoryStore();
    const key = cartStorageKey('tenant-a', 'Front till');
    writeCart(store, key, cart);
    expect([...store.map.values()].join()).not.toContain('secret-approval-token');
    expect(readCart(store, key)).toEqual({ ...cart, approval: null });
  });

  it('reads a cart kept before customers existed as one without a customer', () => {
    const store = memoryStore();
    const key = cartStorageKey('tenant-a', 'Front till');
    writeCart(store, key, cart);
    const kept = JSON.parse(store.map.get(key)!);
    delete kept.cart.customer;
    delete kept.cart.redeemRewards;
    store.setItem(key, JSON.stringify(kept));
    expect(readCart(store, key)).toEqual({ ...cart, customer: null, redeemRewards: 0, approval: null });
  });

  it('is kept per tenant and per register', () => {
    const store = memoryStore();
    writeCart(store, cartStorageKey('tenant-a', 'Front till'), cart);
    expect(readCart(store, cartStorageKey('tenant-a', 'Back till'))).toBeNull();
    expect(readCart(store, cartStorageKey('tenant-b', 'Front till'))).toBeNull();
  });

  it('is forgotten when the cart is emptied (paid, parked, cleared)', () => {
    const store = memoryStore();
    const key = cartStorageKey('tenant-a', 'Front till');
    writeCart(store, key, cart);
    writeCart(store, key, { ...cart, lines: [], selectedKey: null });
    expect(store.map.size).toBe(0);
    expect(readCart(store, key)).toBeNull();
  });

  it('reads nothing from unreadable or foreign entries, and survives blocked storage', () => {
    const store = memoryStore();
    const key = cartStorageKey('tenant-a', 'Front till');
    store.setItem(key, '{not json');
    expect(readCart(store, key)).toBeNull();
    store.setItem(key, JSON.stringify({ version: 99, cart }));
    expect(readCart(store, key)).toBeNull();
    store.setItem(key, JSON.stringify({ version: 1, cart: { ...cart, lines: [{ ...cart.lines[0], quantity: -1 }] } }));
    expect(readCart(store, key)).toBeNull();
    const blocked = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => { throw new Error('denied'); } };
    expect(readCart(blocked, key)).toBeNull();
    expect(() => writeCart(blocked, key, cart)).not.toThrow();
  });
});
