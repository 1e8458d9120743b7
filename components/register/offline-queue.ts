import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The device's durable queue of sales made while the server could not be reached (docs/offline.md).
 *
 * A sale is written here — in one IndexedDB transaction that also takes the device's next
 * sequence number — BEFORE its receipt shows, with the Idempotency-Key it will be sent with and the
 * exact body of the checkout. Reloading, closing the tab or restarting the browser loses nothing:
 * IndexedDB is the browser's own database. The queue drains in `seq` order (use-offline-sync.ts);
 * a sale the server took keeps its real number beside the provisional one, a sale it refused stays
 * here as "needs attention" until a manager deals with it — nothing is ever dropped silently.
 */
export type QueuedSaleState = 'queued' | 'synced' | 'refused';

export type QueuedSale = {
  /** The Idempotency-Key the checkout is sent with, every time (the server makes one order of it). */
  key: string;
  tenantId: string;
  registerName: string;
  /** The device's running number: the order the queue drains in. */
  seq: number;
  /** `OFF-<device>-<seq>`: the receipt's number until the server gives the real one. */
  provisional: string;
  /** POST /api/v1/orders exactly as it will be sent. */
  body: Record<string, unknown>;
  total: number;
  currency: string;
  cashTendered: number;
  changeGiven: number;
  /** When the sale was made (ISO 8601), as this device's clock says. */
  placedAt: string;
  state: QueuedSaleState;
  /** Once synced: the server's order. */
  orderId: string | null;
  number: number | null;
  syncedAt: string | null;
  /** Once refused: what the server answered. */
  error: { status: number; code: string; message: string } | null;
  /** Who rang it up (absent on sales queued before this was kept). */
  cashierId?: string | null;
  cashierName?: string | null;
  /** Once refused: whether the server's "Needs attention" list has it (reported at the next sync until it does). */
  reported?: boolean;
  /** The server would not take the report either (it stays on this device, which may then remove it). */
  reportRefused?: boolean;
};

interface OfflineDb extends DBSchema {
  sales: { key: string; value: QueuedSale; indexes: { byTenantSeq: [string, number] } };
  meta: { key: string; value: { name: string; value: string | number } };
}

const DB_NAME = 'tillwise-offline';
let opened: Promise<IDBPDatabase<OfflineDb>> | null = null;

function db(): Promise<IDBPDatabase<OfflineDb>> {
  opened ??= openDB<OfflineDb>(DB_NAME, 1, {
    upgrade(database) {
      const sales = database.createObjectStore('sales', { keyPath: 'key' });
      sales.createIndex('byTenantSeq', ['tenantId', 'seq']);
      database.createObjectStore('meta', { keyPath: 'name' });
    },
  });
  return opened;
}

/** Four letters and digits naming this browser profile on receipts (`OFF-K3F9-0007`), made once. */
function newDeviceCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...crypto.getRandomValues(new Uint8Array(4))].map((b) => alphabet[b % alphabet.length]).join('');
}

export const provisionalNumber = (device: string, seq: number) => `OFF-${device}-${String(seq).padStart(4, '0')}`;

export type NewQueuedSale = Omit<QueuedSale, 'seq' | 'provisional' | 'state' | 'orderId' | 'number' | 'syncedAt' | 'error' | 'reported' | 'reportRefused'>;

/** The device code inside a provisional number (`OFF-K3F9-0007` → `K3F9`). */
export const deviceOf = (provisional: string) => provisional.split('-')[1] ?? '';

/** Writes the sale and takes the next number in one transaction: a sale on the receipt is a sale in the queue. */
export async function enqueueSale(sale: NewQueuedSale): Promise<QueuedSale> {
  const tx = (await db()).transaction(['meta', 'sales'], 'readwrite');
  const meta = tx.objectStore('meta');
  const device = ((await meta.get('device'))?.value as string | undefined) ?? newDeviceCode();
  const seq = Number((await meta.get('seq'))?.value ?? 0) + 1;
  const queued: QueuedSale = { ...sale, seq, provisional: provisionalNumber(device, seq), state: 'queued', orderId: null, number: null, syncedAt: null, error: null };
  await Promise.all([meta.put({ name: 'device', value: device }), meta.put({ name: 'seq', value: seq }), tx.objectStore('sales').add(queued), tx.done]);
  return queued;
}

/** This tenant's sales on this device, oldest first. */
export async function salesOf(tenantId: string): Promise<QueuedSale[]> {
  const range = IDBKeyRange.bound([tenantId, 0], [tenantId, Number.MAX_SAFE_INTEGER]);
  return (await db()).getAllFromIndex('sales', 'byTenantSeq', range);
}

/** How many sales of shift `shiftId` this device still holds unsent (the shift must not close before they reach it). */
export async function queuedForShift(shiftId: string): Promise<number> {
  const all = await (await db()).getAll('sales');
  return all.filter((s) => s.state === 'queued' && s.body.shiftId === shiftId).length;
}

export async function markSynced(key: string, order: { id: string; number: number }): Promise<void> {
  await update(key, (s) => ({ ...s, state: 'synced', orderId: order.id, number: order.number, syncedAt: new Date().toISOString(), error: null }));
}

export async function markRefused(key: string, error: QueuedSale['error']): Promise<void> {
  await update(key, (s) => ({ ...s, state: 'refused', error, reported: false }));
}

/** The server's "Needs attention" list has this refused sale now. */
export async function markReported(key: string, taken = true): Promise<void> {
  await update(key, (s) => ({ ...s, reported: taken, reportRefused: !taken }));
}

/** A manager dealt with a refused sale (re-rang it, or wrote it off, here or on the server): it leaves the list. */
export async function dismissRefused(key: string): Promise<void> {
  const tx = (await db()).transaction('sales', 'readwrite');
  const sale = await tx.store.get(key);
  if (sale?.state === 'refused') await tx.store.delete(key);
  await tx.done;
}

/**
 * Signing out on this device: the local copies of sales the server has (synced) go; the unsent and
 * the refused stay whoever signs in next (they are the business's money, not the session's).
 * Answers how many were kept.
 */
export async function forgetSynced(tenantId: string): Promise<{ kept: number }> {
  const tx = (await db()).transaction('sales', 'readwrite');
  const range = IDBKeyRange.bound([tenantId, 0], [tenantId, Number.MAX_SAFE_INTEGER]);
  let kept = 0;
  for (let cursor = await tx.store.index('byTenantSeq').openCursor(range); cursor; cursor = await cursor.continue()) {
    if (cursor.value.state === 'synced') await cursor.delete();
    else kept++;
  }
  await tx.done;
  return { kept };
}

async function update(key: string, change: (sale: QueuedSale) => QueuedSale): Promise<void> {
  const tx = (await db()).transaction('sales', 'readwrite');
  const sale = await tx.store.get(key);
  if (sale) await tx.store.put(change(sale));
  await tx.done;
}

/** Tells the page's other hooks (and other tabs) that the queue changed. */
const CHANNEL = 'tillwise-offline-queue';
export function announceQueueChange(): void {
  window.dispatchEvent(new Event(CHANNEL));
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    // No BroadcastChannel: this tab still hears its own event.
  }
}
export function onQueueChange(listener: () => void): () => void {
  window.addEventListener(CHANNEL, listener);
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = listener;
  } catch {
    channel = null;
  }
  return () => {
    window.removeEventListener(CHANNEL, listener);
    channel?.close();
  };
}
