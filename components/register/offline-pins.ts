'use client';

import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { useCallback, useEffect, useState } from 'react';
import { checkPinOffline, saleProof, signingKey, toBase64Url } from '@/lib/auth/pin-verifier';
import { api } from './api';

/**
 * Switching staff with no server (docs/offline.md › Switching staff offline; what an attacker with
 * the device can do: docs/security.md). The device keeps, per business, only what a PIN check
 * needs — each person's verifier (a hash of a key only their PIN derives on this device, 600 000
 * PBKDF2 rounds) and the device's salt — fetched again at every sync, so someone removed or whose
 * PIN changed loses offline access then. Never a PIN, a password or a PIN hash.
 *
 * A PIN that checks makes the person the register's **offline cashier**: their key is kept as a
 * non-extractable signing key, and each sale they ring up offline carries their proof for its
 * Idempotency-Key, which the server checks before it records the sale as theirs. After
 * `MAX_WRONG_TRIES` wrong PINs in a row the device refuses offline switching until the server
 * answers again (the next sync).
 */
export const MAX_WRONG_TRIES = 5;

export type DeviceVerifiers = {
  tenantId: string;
  epoch: number;
  iterations: number;
  salt: string;
  staff: { id: string; name: string; role: string; verifier: string }[];
  fetchedAt: string;
};
export type OfflineCashier = { tenantId: string; userId: string; name: string; role: string; key: CryptoKey; since: string };

interface PinsDb extends DBSchema {
  verifiers: { key: string; value: DeviceVerifiers };
  current: { key: string; value: OfflineCashier };
  meta: { key: string; value: { name: string; value: string | number } };
}

let opened: Promise<IDBPDatabase<PinsDb>> | null = null;
function db(): Promise<IDBPDatabase<PinsDb>> {
  opened ??= openDB<PinsDb>('tillwise-offline-pins', 1, {
    upgrade(database) {
      database.createObjectStore('verifiers', { keyPath: 'tenantId' });
      database.createObjectStore('current', { keyPath: 'tenantId' });
      database.createObjectStore('meta', { keyPath: 'name' });
    },
  });
  return opened;
}

/** This browser profile's random id (32 bytes), made once: the server salts its verifiers with it. */
export async function deviceId(): Promise<string> {
  const tx = (await db()).transaction('meta', 'readwrite');
  const kept = (await tx.store.get('device'))?.value;
  if (typeof kept === 'string') return kept;
  const made = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
  await Promise.all([tx.store.put({ name: 'device', value: made }), tx.done]);
  return made;
}

const triesName = (tenantId: string) => `wrong-tries:${tenantId}`;

/**
 * At a sync: this device's verifiers replaced by the server's (everyone removed or whose PIN
 * changed is gone), the wrong-PIN count cleared. Answers whether the server answered.
 */
export async function refreshPinVerifiers(tenantId: string): Promise<boolean> {
  const device = await deviceId();
  const result = await api<Omit<DeviceVerifiers, 'tenantId' | 'fetchedAt'>>(`/api/v1/register/pin-verifiers?device=${encodeURIComponent(device)}`, { retries: 1 });
  if (!result.ok) return false;
  const tx = (await db()).transaction(['verifiers', 'meta'], 'readwrite');
  await Promise.all([
    tx.objectStore('verifiers').put({ tenantId, ...result.data, fetchedAt: new Date().toISOString() }),
    tx.objectStore('meta').delete(triesName(tenantId)),
    tx.done,
  ]);
  announcePinsChange();
  return true;
}

export async function verifiersOf(tenantId: string): Promise<DeviceVerifiers | null> {
  return (await (await db()).get('verifiers', tenantId)) ?? null;
}

export type OfflineSwitch = { ok: true; cashier: OfflineCashier } | { ok: false; reason: 'wrong_pin' | 'locked' | 'not_here' };

/**
 * The offline "switch staff": `pin` checked against `userId`'s verifier on this device. Wrong tries
 * are counted on the device (a reload does not reset them); at MAX_WRONG_TRIES it says `locked`
 * without checking until the next sync. A person with no verifier here is `not_here`.
 */
export async function switchOffline(tenantId: string, userId: string, pin: string): Promise<OfflineSwitch> {
  const database = await db();
  const wrong = Number((await database.get('meta', triesName(tenantId)))?.value ?? 0);
  if (wrong >= MAX_WRONG_TRIES) return { ok: false, reason: 'locked' };
  const kept = await verifiersOf(tenantId);
  const person = kept?.staff.find((s) => s.id === userId);
  if (!kept || !person) return { ok: false, reason: 'not_here' };
  const key = await checkPinOffline({ tenantId, userId, verifier: person.verifier, salt: kept.salt, iterations: kept.iterations }, pin);
  if (!key) {
    await database.put('meta', { name: triesName(tenantId), value: wrong + 1 });
    return { ok: false, reason: wrong + 1 >= MAX_WRONG_TRIES ? 'locked' : 'wrong_pin' };
  }
  const cashier: OfflineCashier = { tenantId, userId, name: person.name, role: person.role, key: await signingKey(key), since: new Date().toISOString() };
  key.fill(0);
  const tx = database.transaction(['current', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('current').put(cashier), tx.objectStore('meta').delete(triesName(tenantId)), tx.done]);
  announcePinsChange();
  return { ok: true, cashier };
}

/** Whom an offline switch made the register's cashier (null: the signed-in person). */
export async function offlineCashierOf(tenantId: string): Promise<OfflineCashier | null> {
  return (await (await db()).get('current', tenantId)) ?? null;
}

/** Back online (the session's person sells again), or switched back offline to the signed-in person. */
export async function endOfflineCashier(tenantId: string): Promise<void> {
  await (await db()).delete('current', tenantId);
  announcePinsChange();
}

/**
 * Signing out on this device: its verifiers, any offline cashier and the wrong-PIN count go, so no
 * one can switch to staff here until the next signed-in sync fetches them again. (The device's
 * random id stays: it names this browser, not a session.)
 */
export async function forgetPinVerifiers(tenantId: string): Promise<void> {
  const tx = (await db()).transaction(['verifiers', 'current', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('verifiers').delete(tenantId), tx.objectStore('current').delete(tenantId), tx.objectStore('meta').delete(triesName(tenantId)), tx.done]);
  announcePinsChange();
}

/** What an offline sale carries to name its cashier: their id, this device, their proof for the sale's key. */
export async function offlineCashierClaim(cashier: OfflineCashier, saleKey: string): Promise<{ userId: string; device: string; proof: string }> {
  return { userId: cashier.userId, device: await deviceId(), proof: await saleProof(cashier.key, saleKey) };
}

const EVENT = 'tillwise-offline-pins';
function announcePinsChange(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** The register's offline cashier, kept current (null while the signed-in person sells, or without IndexedDB). */
export function useOfflineCashier(tenantId: string): OfflineCashier | null {
  const [cashier, setCashier] = useState<OfflineCashier | null>(null);
  const reload = useCallback(() => {
    offlineCashierOf(tenantId).then(setCashier, () => setCashier(null));
  }, [tenantId]);
  useEffect(() => {
    reload();
    window.addEventListener(EVENT, reload);
    return () => window.removeEventListener(EVENT, reload);
  }, [reload]);
  return cashier;
}
