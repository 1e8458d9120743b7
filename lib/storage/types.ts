/** A stored object: its bytes and media type. */
export type StoredObject = { body: Uint8Array; contentType: string };

/** A key under a prefix, with when it was last written. */
export type ListedObject = { key: string; modifiedAt: Date };

/**
 * Object storage: put and get by key. Keys are made by the caller's module and always begin
 * with the tenant (`tenants/<tenantId>/…`), so no tenant's key can name another's object.
 */
export interface ObjectStorage {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** null: no such object. */
  get(key: string): Promise<StoredObject | null>;
  /** Every object whose key begins with `prefix` (end it with `/` for a folder), in no set order. */
  list(prefix: string): Promise<ListedObject[]>;
  /** Removes it; no such object is no error. */
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A key from its segments, each checked (letters, digits, `.`, `_`, `-`; never `..` or a slash inside). */
export function objectKey(...segments: string[]): string {
  for (const s of segments) if (!SEGMENT.test(s) || s.includes('..')) throw new Error(`Not a storage key segment: ${JSON.stringify(s)}`);
  return segments.join('/');
}
