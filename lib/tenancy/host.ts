/** Request header proxy.ts sets to the host's tenant slug, after removing any client-supplied value. */
export const TENANT_HEADER = 'x-tenant-slug';

/**
 * Pure host → tenant slug resolution, shared by proxy.ts and tests. Ports are ignored on both
 * sides, so `demo.localhost:3100` is tenant `demo` whatever port the app listens on.
 *
 * Returns null for the root domain (landing, sign-up), `www.`, IP addresses and hosts outside
 * the root domain; otherwise the subdomain label, which may still name no tenant (→ 404).
 */
export function tenantSlugFromHost(host: string | null | undefined, rootDomain: string): string | null {
  if (!host) return null;
  const hostname = stripPort(host.trim().toLowerCase()).replace(/\.$/, '');
  const root = stripPort(rootDomain.trim().toLowerCase());
  if (!hostname || isIpAddress(hostname) || hostname === root) return null;
  if (!hostname.endsWith(`.${root}`)) return null;
  const sub = hostname.slice(0, -(root.length + 1));
  if (sub === 'www') return null;
  return sub;
}

/** Host of tenant `slug` on the same scheme and port as `requestHost` (sign-up redirect). */
export function tenantHost(slug: string, rootDomain: string, requestHost?: string | null): string {
  const port = requestHost ? portOf(requestHost) : portOf(rootDomain);
  return `${slug}.${stripPort(rootDomain.toLowerCase())}${port ? `:${port}` : ''}`;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1); // [::1]:3000
  const colon = host.lastIndexOf(':');
  return colon > -1 && host.indexOf(':') === colon ? host.slice(0, colon) : host;
}

function portOf(host: string): string | undefined {
  const match = /:(\d+)$/.exec(host.startsWith('[') ? host.slice(host.indexOf(']') + 1) : host);
  return match?.[1];
}

function isIpAddress(hostname: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname) || hostname.startsWith('[') || hostname.includes(':');
}
