/**
 * The offline PIN check's arithmetic (docs/security.md › Offline PIN switching), shared by the
 * server that issues a device its verifiers and the register that checks a PIN against them with
 * no server. WebCrypto only (the browser's and Node's `crypto.subtle`), importing nothing: this file
 * is client-safe.
 *
 *   seed      = SHA-256("tillwise pin seed v1" ‖ tenant ‖ person ‖ PIN)      (server: kept sealed)
 *   key       = PBKDF2-SHA256(seed, deviceSalt, 600 000 iterations)          (the slow part)
 *   verifier  = SHA-256("tillwise pin verifier v1" ‖ key)                     (all the device keeps)
 *   proof     = HMAC-SHA256(key, "tillwise offline sale v1" ‖ sale key)      (sent with each sale)
 *
 * `deviceSalt` is the server's HMAC of the tenant, its key epoch and the device's own random id, so
 * a verifier is worth nothing on another device or after the tenant's key rotates, and only someone
 * who typed the right PIN on this device (or guessed it, at 600 000 iterations a guess) can make a
 * proof the server accepts.
 */
export const PIN_VERIFIER_ITERATIONS = 600_000;

const text = new TextEncoder();
const subtle = () => globalThis.crypto.subtle;

export const toBase64Url = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
};
export const fromBase64Url = (value: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(value.replaceAll('-', '+').replaceAll('_', '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

const joined = (...parts: string[]) => text.encode(parts.join('\u0000'));

/** The PIN's seed: fast on purpose (the slow part is per device); the server keeps it sealed, never in the clear. */
export async function pinSeed(tenantId: string, userId: string, pin: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await subtle().digest('SHA-256', joined('tillwise pin seed v1', tenantId, userId, pin)));
}

/** The slow derivation: this person's key on this device. */
export async function deviceKey(seed: Uint8Array<ArrayBuffer>, deviceSalt: Uint8Array<ArrayBuffer>, iterations = PIN_VERIFIER_ITERATIONS): Promise<Uint8Array<ArrayBuffer>> {
  const base = await subtle().importKey('raw', seed, 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: deviceSalt, iterations }, base, 256));
}

/** What the device keeps of a person: a hash of their key, which checks a PIN and signs nothing. */
export async function verifierOf(key: Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = new Uint8Array([...text.encode('tillwise pin verifier v1\u0000'), ...key]);
  return toBase64Url(new Uint8Array(await subtle().digest('SHA-256', bytes)));
}

/** The key as a non-extractable HMAC key: what the register keeps while that person rings up (it can sign, never be read back). */
export function signingKey(key: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** Proof that the person behind `key` rang up the sale sent with Idempotency-Key `saleKey`. */
export async function saleProof(key: Uint8Array<ArrayBuffer> | CryptoKey, saleKey: string): Promise<string> {
  const hmac = key instanceof Uint8Array ? await signingKey(key) : key;
  return toBase64Url(new Uint8Array(await subtle().sign('HMAC', hmac, joined('tillwise offline sale v1', saleKey))));
}

/** Constant-time comparison of two base64url strings of equal length. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The device's check: this PIN's key when it matches the person's verifier, else null. */
export async function checkPinOffline(
  entry: { tenantId: string; userId: string; verifier: string; salt: string; iterations: number },
  pin: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await deviceKey(await pinSeed(entry.tenantId, entry.userId, pin), fromBase64Url(entry.salt), entry.iterations);
  return sameText(await verifierOf(key), entry.verifier) ? key : null;
}
