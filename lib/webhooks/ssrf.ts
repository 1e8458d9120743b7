import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { config } from '@/lib/platform/config';

/**
 * The SSRF guard (docs/security.md › Webhooks and SSRF). A webhook URL is tenant input the server
 * calls, so it is checked when it is saved and again at every delivery, after DNS resolution:
 * every address the name resolves to must be public, and the request then connects to the address
 * that was checked (send.ts pins it), so a name that resolves elsewhere a second later (DNS
 * rebinding) changes nothing. The operator's `WEBHOOK_ALLOW_HOSTS` names hosts that may be
 * internal anyway (the tests' 127.0.0.1 receiver).
 */
export class RefusedTarget extends Error {
  constructor(readonly reason: string) {
    super(`refused: ${reason}`);
  }
}

export type Resolver = (hostname: string) => Promise<{ address: string; family: 4 | 6 }[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: false })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** A URL a webhook may have: http(s), no user or password in it, a host. Answers the parsed URL or why not. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RefusedTarget('not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedTarget('only http and https URLs');
  if (url.username || url.password) throw new RefusedTarget('no user name or password in the URL');
  if (!url.hostname) throw new RefusedTarget('no host');
  return url;
}

const portOf = (url: URL) => url.port || (url.protocol === 'https:' ? '443' : '80');
/** The URL's host as the allow-list spells it: IPv6 without brackets, lower case. */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/** Whether the operator's allow-list names this URL's host (any port) or host:port. */
export function allowListed(url: URL, allow: readonly string[] = config().WEBHOOK_ALLOW_HOSTS): boolean {
  const host = hostOf(url);
  const port = portOf(url);
  return allow.some((entry) => {
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) return bracketed[1] === host && (!bracketed[2] || bracketed[2] === port);
    // A bare IPv6 address has colons of its own: it names the host, any port.
    if (isIP(entry) === 6) return entry === host;
    const [name, entryPort] = entry.split(':');
    return name === host && (!entryPort || entryPort === port);
  });
}

export type Target = { url: URL; address: string; family: 4 | 6 };

/**
 * Resolves the URL's host and checks every address; answers the one to connect to (the first,
 * IPv4 first), or throws RefusedTarget. Allow-listed hosts skip the address check, not the rest.
 */
export async function resolveTarget(raw: string, resolve: Resolver = systemResolver): Promise<Target> {
  const url = parseWebhookUrl(raw);
  const host = hostOf(url);
  const allowed = allowListed(url);
  const literal = isIP(host);
  let addresses: { address: string; family: 4 | 6 }[];
  if (literal) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new RefusedTarget(`${host} does not resolve`);
    }
    if (addresses.length === 0) throw new RefusedTarget(`${host} does not resolve`);
  }
  if (!allowed) {
    for (const { address } of addresses) {
      const blocked = blockedRange(address);
      if (blocked) throw new RefusedTarget(`${host} is ${blocked} (${address})`);
    }
  }
  return { url, ...addresses[0]! };
}

/**
 * Why an address may not be called (loopback, private, …), or undefined for a public one. IPv6
 * forms that carry an IPv4 address (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64
 * `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that address.
 */
export function blockedRange(address: string): string | undefined {
  const kind = isIP(address);
  if (kind === 4) return blockedV4(v4Bytes(address));
  if (kind === 6) return blockedV6(v6Bytes(address));
  return 'not an IP address';
}

function v4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

function blockedV4([a, b, c, d]: number[]): string | undefined {
  if (a === 169 && b === 254 && c === 169 && d === 254) return 'the cloud metadata address';
  if (a === 0) return 'unspecified ("this network")';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b! >= 64 && b! <= 127) return 'carrier-grade NAT (shared address space)';
  if (a === 192 && b === 0 && c === 0) return 'IETF protocol assignments';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'a documentation range';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking range';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a! >= 240) return 'reserved or broadcast';
  return undefined;
}

/** The 16 bytes of an IPv6 address (`::`, an IPv4 tail, a zone id all handled). */
function v6Bytes(address: string): number[] {
  let text = address.split('%')[0]!.toLowerCase();
  const tail: number[] = [];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    tail.push(...v4Bytes(v4[1]!));
    text = text.slice(0, -v4[1]!.length) + '0:0';
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string) => (s ? s.split(':').filter((g) => g !== '') : []);
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const fill = rest === undefined ? 0 : 8 - left.length - right.length;
  const all = [...left, ...Array(fill).fill('0'), ...right].map((g) => parseInt(g, 16));
  const bytes = all.flatMap((g) => [(g >> 8) & 0xff, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function blockedV6(bytes: number[]): string | undefined {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  const embedded = (at: number) => blockedV4(bytes.slice(at, at + 4));
  if (zero(0, 16)) return 'unspecified';
  if (zero(0, 15) && bytes[15] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated): what a socket would reach is the IPv4 address.
  if (zero(0, 10) && ((bytes[10] === 0xff && bytes[11] === 0xff) || (bytes[10] === 0 && bytes[11] === 0))) return embedded(12) ?? (bytes[10] === 0 ? 'an IPv4-compatible address' : undefined);
  // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) lead to an IPv4 address too.
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zero(4, 12)) return embedded(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return embedded(2);
  if (bytes[0] === 0xfd && bytes[1] === 0x00 && bytes[2] === 0x0e && bytes[3] === 0xc2 && zero(4, 14) && bytes[14] === 0x02 && bytes[15] === 0x54) return 'the cloud metadata address';
  if ((bytes[0]! & 0xfe) === 0xfc) return 'a private (unique local) address';
  if (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0x80) return 'link-local';
  if (bytes[0] === 0xfe && (bytes[1]! & 0xc0) === 0xc0) return 'site-local (deprecated)';
  if (bytes[0] === 0xff) return 'multicast';
  if (bytes[0] === 0x20 && bytes[1] === 0x01 && bytes[2] === 0x0d && bytes[3] === 0xb8) return 'a documentation range';
  if (bytes[0] === 0x01 && zero(1, 8)) return 'a discard range';
  return undefined;
}
