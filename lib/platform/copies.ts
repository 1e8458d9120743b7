/**
 * Values a process keeps for a few seconds instead of reading them on every request (a user's
 * session state, a page's display preferences). Each copy is fresh for `ttlMs`; the owner drops
 * one as soon as it knows better (a change it committed), and says in its own comment how long
 * another instance may lag. Past `max` copies it starts afresh: a bound on memory, not a policy.
 */
export type ExpiringCopies<V> = {
  /** The fresh copy, or undefined when there is none (a value may itself be null). */
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  /** Drops every copy whose key starts with `prefix` (e.g. a tenant's). */
  deletePrefix(prefix: string): void;
};

export function expiringCopies<V>(ttlMs: number, max: number): ExpiringCopies<V> {
  const copies = new Map<string, { value: V; until: number }>();
  return {
    get(key) {
      const copy = copies.get(key);
      return copy && copy.until > Date.now() ? copy.value : undefined;
    },
    set(key, value) {
      if (copies.size >= max) copies.clear();
      copies.set(key, { value, until: Date.now() + ttlMs });
    },
    delete(key) {
      copies.delete(key);
    },
    deletePrefix(prefix) {
      for (const key of copies.keys()) if (key.startsWith(prefix)) copies.delete(key);
    },
  };
}
