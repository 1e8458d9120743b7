// npm run start:cluster — several app instances on one Postgres and one Redis, behind a small
// round-robin load balancer: what a second machine would add, on this one. It starts N
// (CLUSTER_INSTANCES, default 2) `next start` of the existing production build on PORT+1…PORT+N,
// all with the same environment, and the balancer on PORT (default 3000); every tenant host is
// then http://<slug>.localhost:PORT. Needs `npm run build` first, DATABASE_URL and REDIS_URL.
// What the instances share and what they do not: docs/scaling.md, "Many app instances".
//
// Each instance is scripts/app-server.ts's server. The bench (scripts/bench-http.ts,
// BENCH_HTTP_INSTANCES=2) reuses startInstances and createBalancer; tests/scripts/instances.test.ts
// tests the balancer.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import readline from 'node:readline';
import { startAppServer, stopProcess, waitForHealth, type AppServerOptions } from './app-server';

export type Upstream = { host: string; port: number };

export type BalancerOptions = {
  /**
   * The balancer stands behind another proxy that sets X-Forwarded-For (TLS terminator, platform
   * edge): pass the chain through and append our peer. Otherwise (the default) the balancer is the
   * edge and overwrites it — the app takes the first hop as the client (lib/platform/request-context.ts),
   * so a client-sent X-Forwarded-For must not reach it, or anyone could pick their rate-limit bucket.
   */
  trustForwardedFor?: boolean;
  /** Told why a request got a 502 (or was cut off). */
  onError?: (err: NodeJS.ErrnoException, upstream: Upstream) => void;
};

/** Methods a request may be sent again for, when it has no body: they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, so never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.includes(name)) out[name] = value;
  }
  return out;
}

/** The balancer's own answer when no instance could take the request: the house error shape. */
function badGateway(res: http.ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(502, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ error: { code: 'bad_gateway', message: 'No app instance is answering. Try again in a moment.' } }));
}

/**
 * A round-robin HTTP load balancer over `upstreams`: keep-alive connections to each, Host and
 * every end-to-end header kept (the tenant is the subdomain), bodies streamed both ways (so
 * server-sent events flow as they are written). A connection an instance refuses certainly
 * delivered nothing, so the request goes on to the next instance. A kept-alive connection the
 * instance closed just as a request went out (its idle timeout; on a busy machine the balancer
 * notices late) is retried once on a fresh one for a body-less GET/HEAD/OPTIONS; anything else
 * that fails before the answer gets a 502, as does a request no instance takes.
 *
 * Hand-written rather than http-proxy-3: its 2.x needs Node 22, and it pipes the request body
 * at once, so a retry on a refused connection would have lost a POST's body.
 */
export function createBalancer(upstreams: Upstream[], options: BalancerOptions = {}): http.Server {
  if (upstreams.length === 0) throw new Error('the balancer needs at least one upstream');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const first = next++ % upstreams.length;
    const headers = endToEnd(req.headers);
    const peer = req.socket.remoteAddress ?? '';
    if (options.trustForwardedFor) {
      headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${peer}` : peer;
    } else {
      headers['x-forwarded-for'] = peer;
      headers['x-forwarded-proto'] = 'http';
      delete headers['x-forwarded-host'];
    }
    const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
    if (!hasBody) req.resume(); // nothing to forward: let it end
    let retriedReset = false;
    let clientGone = false;
    res.on('close', () => {
      clientGone = !res.writableFinished;
    });
    const attempt = (tried: number) => {
      const upstream = upstreams[(first + tried) % upstreams.length]!;
      let bodySent = false;
      const upstreamReq = http.request({ host: upstream.host, port: upstream.port, method: req.method, path: req.url, headers, agent });
      if (!hasBody) upstreamReq.end();
      else {
        // The body waits until the connection is up: a refusal then leaves it unread for the next instance.
        const sendBody = () => {
          bodySent = true;
          req.pipe(upstreamReq);
        };
        upstreamReq.on('socket', (socket) => (socket.connecting ? socket.once('connect', sendBody) : sendBody()));
      }
      upstreamReq.on('response', (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, endToEnd(upstreamRes.headers));
        res.flushHeaders(); // an event stream's headers go out before its first event
        upstreamRes.pipe(res);
        upstreamRes.on('error', () => res.destroy());
      });
      upstreamReq.on('error', (err: NodeJS.ErrnoException) => {
        if (clientGone) return; // the client left first: nothing to answer
        if (!bodySent && err.code === 'ECONNREFUSED' && tried + 1 < upstreams.length) return attempt(tried + 1);
        if (upstreamReq.reusedSocket && err.code === 'ECONNRESET' && !hasBody && SAFE_METHODS.has(req.method ?? '') && !res.headersSent && !retriedReset) {
          retriedReset = true;
          return attempt(tried);
        }
        options.onError?.(err, upstream);
        badGateway(res);
      });
      // The client went away (a closed register's event stream): so does the upstream request.
      res.on('close', () => {
        if (clientGone) upstreamReq.destroy();
      });
    };
    attempt(0);
  });
  server.on('close', () => agent.destroy());
  return server;
}

/** Listens on `port` (0: any free one) on all interfaces; answers the port. */
export function listen(server: http.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export type Instance = { index: number; port: number; child: ChildProcess };

/**
 * Starts `count` app servers (scripts/app-server.ts) on firstPort, firstPort+1…, each with `env`
 * (which must give them one database, one Redis and one NEXTAUTH_SECRET), output as
 * `output(index)` says.
 */
export function startInstances(
  count: number,
  firstPort: number,
  env: NodeJS.ProcessEnv,
  output: (index: number) => Pick<AppServerOptions, 'logFile' | 'stdio'> = () => ({}),
  nodeFlags: string[] = [], // e.g. --cpu-prof, which NODE_OPTIONS refuses
): Instance[] {
  return Array.from({ length: count }, (_, index) => {
    const port = firstPort + index;
    return { index, port, child: startAppServer({ port, env, nodeFlags, ...output(index) }) };
  });
}

/**
 * Why this environment cannot run several instances, or null when it can. Each instance is its
 * own process, so whatever lives inside one process is not shared.
 */
export function clusterRefusal(env: Record<string, string | undefined>): string | null {
  if (!env.DATABASE_URL) {
    return (
      'DATABASE_URL is not set. Without it each instance opens the embedded PGlite database, which is ' +
      "one process's database: two instances would not see each other's orders, staff or idempotency keys " +
      '(and two processes on one PGlite directory corrupt it). Point DATABASE_URL at a PostgreSQL server.'
    );
  }
  if (!env.REDIS_URL && !env.UPSTASH_REDIS_REST_URL) {
    return (
      'REDIS_URL is not set. Without it each instance keeps session revocations, PIN lockouts, rate ' +
      "limits and live-event wake-ups in its own memory: a sign-out on one instance would not reach the other, and a sale on one would reach the other's registers " +
      'only by its slow poll. Point REDIS_URL at a Redis server (e.g. redis://127.0.0.1:6379).'
    );
  }
  if (env.TILLWISE_SINGLE_INSTANCE === 'true') return 'TILLWISE_SINGLE_INSTANCE=true says only one app process runs; unset it to run several.';
  if (!env.NEXTAUTH_SECRET) return 'NEXTAUTH_SECRET is not set: every instance must seal and open sessions with the same secret (a production start refuses to run without one anyway).';
  return null;
}

/** Lines of a child's output, prefixed with its name. */
function prefixed(name: string, stream: NodeJS.ReadableStream | null, to: NodeJS.WritableStream): void {
  if (stream) readline.createInterface({ input: stream }).on('line', (line) => to.write(`[${name}] ${line}\n`));
}

async function main(): Promise<void> {
  const refusal = clusterRefusal(process.env);
  if (refusal) throw new Error(`npm run start:cluster: ${refusal}`);
  if (!existsSync('.next/BUILD_ID')) throw new Error('npm run start:cluster: no production build in .next — run `npm run build` first.');
  const count = Number(process.env.CLUSTER_INSTANCES ?? 2);
  if (!Number.isInteger(count) || count < 1 || count > 16) throw new Error('CLUSTER_INSTANCES must be a whole number from 1 to 16');
  const port = Number(process.env.PORT ?? 3000);
  // One ROOT_DOMAIN for all: the tenant is read from the Host the balancer passes on.
  const env = { ...process.env, ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? `localhost:${port}` };

  const instances = startInstances(count, port + 1, env, () => ({ stdio: ['ignore', 'pipe', 'pipe'] }));
  for (const { index, child } of instances) {
    prefixed(`app-${index + 1}`, child.stdout, process.stdout);
    prefixed(`app-${index + 1}`, child.stderr, process.stderr);
  }
  const balancer = createBalancer(
    instances.map((i) => ({ host: '127.0.0.1', port: i.port })),
    {
      trustForwardedFor: process.env.CLUSTER_TRUST_FORWARDED_FOR === 'true',
      onError: (err, upstream) => console.error(`[cluster] ${upstream.host}:${upstream.port}: ${err.code ?? err.message}`),
    },
  );

  let stopping = false;
  const stopAll = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    balancer.close();
    balancer.closeAllConnections();
    await Promise.all(instances.map((i) => stopProcess(i.child, signal)));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stopAll(signal));
  for (const { index, child } of instances) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[cluster] app-${index + 1} exited (${signal ?? `code ${code}`}); the balancer sends its requests to the others`);
      if (instances.every((i) => i.child.exitCode !== null || i.child.signalCode !== null)) {
        console.error('[cluster] no instance left');
        process.exitCode = 1;
        void stopAll('SIGTERM');
      }
    });
  }

  try {
    await Promise.all(instances.map((i) => waitForHealth(i.port, i.child)));
  } catch (err) {
    await stopAll('SIGTERM');
    throw err;
  }
  await listen(balancer, port);
  console.log(
    [
      '',
      `Tillwise: ${count} instances behind a round-robin balancer.`,
      `  balancer   http://${env.ROOT_DOMAIN}  (tenants: http://<slug>.${env.ROOT_DOMAIN})`,
      ...instances.map((i) => `  app-${i.index + 1}      http://127.0.0.1:${i.port}  (pid ${i.child.pid}; send Host: <slug>.${env.ROOT_DOMAIN})`),
      'Ctrl-C stops them all.',
      '',
    ].join('\n'),
  );
}

if (process.argv[1]?.endsWith('instances.ts')) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
