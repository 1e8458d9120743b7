import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { config } from '@/lib/platform/config';
import { RefusedTarget, resolveTarget, systemResolver, type Resolver } from './ssrf';

/** How much of an answer's body is kept in the delivery log. */
export const RESPONSE_BODY_LIMIT = 4096;

export type SendResult = {
  /** The HTTP status, or null when no answer came (refused, timeout, socket error). */
  status: number | null;
  /** The first RESPONSE_BODY_LIMIT bytes of the answer, as text. */
  body: string | null;
  error: string | null;
  latencyMs: number;
  succeeded: boolean;
};

/**
 * POSTs `body` to `url` once: the SSRF guard first (resolve, check every address), then a socket to
 * the checked address only (the `lookup` below answers it, whatever DNS says now; TLS still checks
 * the certificate against the URL's host name). Redirects are not followed (a 3xx is a failure that
 * says so), the connection and the whole answer have short timeouts, and only the first few KB of
 * the answer are read. Never throws: the result says what happened.
 */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, resolve: Resolver = systemResolver): Promise<SendResult> {
  const started = performance.now();
  const done = (r: Omit<SendResult, 'latencyMs' | 'succeeded'>): SendResult => ({
    ...r,
    latencyMs: Math.round(performance.now() - started),
    succeeded: r.status !== null && r.status >= 200 && r.status < 300,
  });
  let target;
  try {
    target = await resolveTarget(url, resolve);
  } catch (err) {
    return done({ status: null, body: null, error: err instanceof RefusedTarget ? err.message : 'refused: the URL could not be checked' });
  }
  const { WEBHOOK_CONNECT_TIMEOUT_MS, WEBHOOK_RESPONSE_TIMEOUT_MS } = config();
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (err: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<SendResult>((settle) => {
    let finished = false;
    const finish = (r: Omit<SendResult, 'latencyMs' | 'succeeded'>) => {
      if (finished) return;
      finished = true;
      clearTimeout(overall);
      req.destroy();
      settle(done(r));
    };
    const req = client.request(target.url, {
      method: 'POST',
      lookup: pinned,
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'Tillwise-Webhooks/1', ...headers },
      timeout: WEBHOOK_CONNECT_TIMEOUT_MS,
    });
    const overall = setTimeout(() => finish({ status: null, body: null, error: `timeout: no full answer within ${WEBHOOK_RESPONSE_TIMEOUT_MS} ms` }), WEBHOOK_RESPONSE_TIMEOUT_MS);
    req.on('socket', (socket) => socket.once('connect', () => req.setTimeout(0)));
    req.on('timeout', () => finish({ status: null, body: null, error: `timeout: no connection within ${WEBHOOK_CONNECT_TIMEOUT_MS} ms` }));
    req.on('error', (err) => finish({ status: null, body: null, error: (err as NodeJS.ErrnoException).code ?? err.message }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = () => {
        const text = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
        const status = res.statusCode ?? null;
        const redirect = status !== null && status >= 300 && status < 400 ? `redirect not followed${res.headers.location ? ` (to ${String(res.headers.location).slice(0, 200)})` : ''}` : null;
        finish({ status, body: text, error: redirect });
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_LIMIT) answer(); // the rest is not read
      });
      res.on('end', answer);
      res.on('error', answer);
    });
    req.end(body);
  });
}
