// npm run bench, section `http`: the app as a user meets it — a production build, `next start`
// against the bench database and the machine's Redis, the card gateway simulator beside it —
// loaded with autocannon over keep-alive connections. Every case is reported beside the trivial
// route (GET /api/health) measured in the same run: req/s ratio, p50/p95/p99, the app's CPU per
// request (its process tree's CPU time ÷ requests) and SQL round trips per request (the
// tillwise_db_queries_total counter of /api/metrics). Then memory: the server's heap sampled
// every 1,000 checkouts. Results: printed, and written to bench/results.json.
//
// BENCH_HTTP_INSTANCES=2: two servers and two balancers of scripts/instances.ts (`npm run
// start:cluster`), one in front of the first server only and one in front of both; each case is
// measured through the first, then at once through the second, so neighbours' load on this shared
// machine hits both alike, and the scaling factor is req/s with two ÷ with one. Both go through a
// balancer, so the factor is the second instance's, not the balancer's cost.
//
// Real Postgres only (a PGlite directory cannot be open in the bench and the server at once).
// BENCH_CPU_PROF=<dir> starts the server under `node --cpu-prof` (NODE_OPTIONS refuses it) and
// writes its profile there when the bench stops it; scripts/cpu-profile-top.ts summarises it.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { setUpBenchShop, type BenchShop } from './bench-shop';
import { ensureBuild, startLogged, stopProcess, waitForHealth } from './app-server';
import { createBalancer, listen, startInstances, type Instance } from './instances';

const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3390);
const GATEWAY_PORT = PORT + 1;
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const MEMORY_CHECKOUTS = Number(process.env.BENCH_HTTP_MEMORY_CHECKOUTS ?? 10_000);
const INSTANCES = Number(process.env.BENCH_HTTP_INSTANCES ?? 1);
const ROOT_DOMAIN = `localhost:${PORT}`;
const SECRET = `tillwise-bench-${randomUUID()}`;
const METRICS_TOKEN = randomUUID();
const GATEWAY_KEY = 'sk_test_bench_tillwise';

type Case = { name: string; method: 'GET' | 'POST'; path: string; cookie?: string; body?: (i: number) => unknown; idempotent?: boolean };
type CaseResult = {
  name: string;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerRequest: number;
  sqlPerRequest: number;
  /** Bytes read per answer, headers included (a page's weight: its HTML and the RSC payload inlined in it). */
  kbPerResponse: number;
};

export async function benchHttp(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    console.log('\nHTTP: skipped (needs DATABASE_URL: the server and the bench share the database)');
    return;
  }
  if (INSTANCES !== 1 && INSTANCES !== 2) throw new Error('BENCH_HTTP_INSTANCES: 1 or 2');
  if (INSTANCES === 2 && !process.env.REDIS_URL) throw new Error("BENCH_HTTP_INSTANCES=2 needs REDIS_URL: the instances share revocations, rate limits and live events through it");
  ensureBuild(process.env.BENCH_BUILD === '1');
  const shop = await setUpBenchShop();
  const gateway = startLogged('bench/gateway.log', process.execPath, ['--import', 'tsx', 'gateway/main.ts'], { GATEWAY_PORT: String(GATEWAY_PORT), GATEWAY_API_KEY: GATEWAY_KEY });
  try {
    const cashier = await sessionCookie(shop, 'cashier');
    const owner = await sessionCookie(shop, 'owner');
    const cases: Case[] = [
      { name: 'GET /api/health (baseline)', method: 'GET', path: '/api/health' },
      { name: 'GET /register (catalog + stock page)', method: 'GET', path: '/register', cookie: cashier },
      { name: 'POST /api/v1/orders/quote (3 lines)', method: 'POST', path: '/api/v1/orders/quote', cookie: cashier, body: (i) => shop.cart(i) },
      { name: 'POST /api/v1/orders (3 lines + cash)', method: 'POST', path: '/api/v1/orders', cookie: cashier, idempotent: true, body: (i) => ({ ...shop.cart(i), payments: [{ tender: 'cash', tendered: 100_000 }] }) },
      { name: 'POST /api/v1/orders (3 lines + card)', method: 'POST', path: '/api/v1/orders', cookie: cashier, idempotent: true, body: (i) => ({ ...shop.cart(i), payments: [{ tender: 'card', source: 'tok_visa' }] }) },
      { name: 'GET /api/v1/analytics/dashboard', method: 'GET', path: '/api/v1/analytics/dashboard', cookie: owner },
    ];
    const servers = await startServers(INSTANCES);
    const balancers: http.Server[] = [];
    try {
      // One instance: the server itself on PORT; or, beside two, through a balancer in front of it alone.
      const one: Target = { port: PORT, instances: servers };
      let two: Target | null = null;
      if (INSTANCES === 2) {
        balancers.push(await balance([servers[0]!], PORT), await balance(servers, PORT + 4));
        two = { port: PORT + 4, instances: servers };
      }
      // BENCH_HTTP_CASES=cash,card: only the cases whose names contain one of the words (and the baseline).
      const only = process.env.BENCH_HTTP_CASES?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
      const chosen = only ? cases.filter((c, i) => i === 0 || only.some((w) => c.name.toLowerCase().includes(w))) : cases;
      const results: CaseResult[] = [];
      const twoResults: CaseResult[] = [];
      for (const c of chosen) {
        results.push(await measureCase(c, shop, one));
        if (two) twoResults.push(await measureCase(c, shop, two));
      }
      const memory = MEMORY_CHECKOUTS > 0 ? await measureMemory(cases[3]!, shop, one, servers[0]!.port) : null;
      report(results, memory, two ? twoResults : null);
    } finally {
      for (const b of balancers) {
        b.closeAllConnections();
        await new Promise((resolve) => b.close(resolve));
      }
      await Promise.all(servers.map((i) => stopProcess(i.child))); // a CPU profile is written on the way out
    }
  } finally {
    await stopProcess(gateway);
  }
}

function serverEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LOG_LEVEL: 'warn',
    ROOT_DOMAIN,
    NEXTAUTH_SECRET: SECRET,
    METRICS_TOKEN,
    PAYMENT_GATEWAY_URL: `http://127.0.0.1:${GATEWAY_PORT}`,
    PAYMENT_GATEWAY_KEY: GATEWAY_KEY,
    DATABASE_URL: process.env.DATABASE_URL!,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : { TILLWISE_SINGLE_INSTANCE: 'true' }),
  };
}

/**
 * Where a case's load goes, and whose CPU and statements count: every server running, so in the
 * one-instance runs beside a second server, that idle second one's share of the outbox work (it
 * polls the outbox too) is counted as well.
 */
type Target = { port: number; instances: Instance[] };

/**
 * The servers (scripts/instances.ts), each with its output in bench/server-<n>.log (the server
 * logs warnings and errors only): one on PORT, or two on PORT+2 and PORT+3 for the balancers
 * (PORT+1 is the gateway's).
 */
async function startServers(count: number): Promise<Instance[]> {
  const profileDir = process.env.BENCH_CPU_PROF;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const output = (i: number) => ({ logFile: `bench/server-${i + 1}.log` });
  const instances = startInstances(count, count === 1 ? PORT : PORT + 2, serverEnv(), output, flags);
  await Promise.all(instances.map((i) => waitForHealth(i.port, i.child)));
  return instances;
}

async function balance(instances: Instance[], port: number): Promise<http.Server> {
  const balancer = createBalancer(
    instances.map((i) => ({ host: '127.0.0.1', port: i.port })),
    { onError: (err, upstream) => console.warn(`balancer → ${upstream.port}: ${err.code ?? err.message}`) },
  );
  await listen(balancer, port);
  return balancer;
}

/** node:http, not fetch: fetch can neither send a Host header nor resolve *.localhost. */
function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`http://127.0.0.1:${port}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function sessionCookie(shop: BenchShop, role: 'owner' | 'cashier'): Promise<string> {
  const { encode } = await import('next-auth/jwt');
  const { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds } = await import('../lib/auth/session');
  const user = shop.staff[role];
  const token = await encode({ token: { ...newSessionClaims({ ...user, tenantId: shop.tenantId }) }, secret: SECRET, maxAge: sessionMaxAgeSeconds() });
  return `${SESSION_COOKIE}=${token}`;
}

/** The app's process tree: `next start` may serve from a child process. */
function treeCpuMs(rootPid: number): number {
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // Fields after the ")" of the command name: state ppid … utime(12th) stime(13th).
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }];
      } catch {
        return []; // the process ended while we looked
      }
    });
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of stats) {
      if (inTree.has(s.pid) || !inTree.has(s.ppid)) continue;
      inTree.add(s.pid);
      grew = true;
    }
  }
  const ticksPerSecond = 100; // USER_HZ on Linux
  return (stats.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0) * 1000) / ticksPerSecond;
}

/** One instance's metrics, asked of it directly (through the balancer, either would answer). */
async function scrape(port: number): Promise<Map<string, number>> {
  const { body } = await get(port, '/api/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
  const values = new Map<string, number>();
  for (const line of body.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

type Run = { requests: number; errors: number; latencies: number[]; bytes: number };

/** autocannon over keep-alive connections; latencies are taken per response (its summary has no p95). */
async function load(c: Case, shop: BenchShop, port: number, seconds: number, amount?: number): Promise<Run> {
  let i = 0;
  const host = `${shop.slug}.${ROOT_DOMAIN}`;
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    timeout: 60, // seconds: a slow answer is a figure, not an error
    ...(amount ? { amount } : { duration: seconds }),
    requests: [
      {
        method: c.method,
        path: c.path,
        setupRequest: (request) => {
          const n = i++;
          const headers: Record<string, string> = { host, ...(c.cookie && { cookie: c.cookie }) };
          if (c.idempotent) headers['idempotency-key'] = randomUUID();
          if (!c.body) return { ...request, headers };
          return { ...request, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(c.body(n)) };
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, done) => (err ? reject(err) : resolve(done)));
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  const errors = result.non2xx + result.errors + result.timeouts;
  if (errors > 0) {
    const answers = [...statuses].map(([status, n]) => `${n}× ${status}`).join(', ');
    console.warn(`${c.name}: ${errors} failed (answers: ${answers}; connection errors ${result.errors}, timeouts ${result.timeouts})`);
  }
  return { requests: latencies.length, errors, latencies: latencies.sort((a, b) => a - b), bytes: result.throughput.total };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Statements sent so far, by every instance. */
async function sqlSoFar(d: Target): Promise<number> {
  const counts = await Promise.all(d.instances.map(async (i) => (await scrape(i.port)).get('tillwise_db_queries_total') ?? 0));
  return counts.reduce((a, b) => a + b, 0);
}

const cpuSoFar = (d: Target) => d.instances.reduce((sum, i) => sum + treeCpuMs(i.child.pid!), 0);

/** CPU and statements are summed over the instances. */
async function measureCase(c: Case, shop: BenchShop, d: Target): Promise<CaseResult> {
  await load(c, shop, d.port, 3); // warm-up: JIT, connection pools, caches
  const sqlBefore = await sqlSoFar(d);
  const cpuBefore = cpuSoFar(d);
  const { requests, errors, latencies, bytes } = await load(c, shop, d.port, SECONDS);
  const cpu = cpuSoFar(d) - cpuBefore;
  const sql = (await sqlSoFar(d)) - sqlBefore;
  return {
    name: c.name,
    requests,
    errors,
    reqPerSec: requests / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuMsPerRequest: cpu / requests,
    sqlPerRequest: sql / requests,
    kbPerResponse: bytes / requests / 1024,
  };
}

type Memory = { checkouts: number; samples: { checkouts: number; heapMb: number; rssMb: number }[]; heapMbPer1000: number };

/** The server's heap (prom-client's nodejs_heap_size_used_bytes) every 1,000 checkouts; the slope by least squares. */
async function measureMemory(checkoutCase: Case, shop: BenchShop, target: Target, port: number): Promise<Memory> {
  const samples: Memory['samples'] = [];
  const sample = async (checkouts: number) => {
    const m = await scrape(port);
    samples.push({ checkouts, heapMb: (m.get('nodejs_heap_size_used_bytes') ?? 0) / 2 ** 20, rssMb: (m.get('process_resident_memory_bytes') ?? 0) / 2 ** 20 });
  };
  await sample(0);
  for (let done = 0; done < MEMORY_CHECKOUTS; ) {
    const batch = Math.min(1000, MEMORY_CHECKOUTS - done);
    await load(checkoutCase, shop, target.port, 0, batch);
    done += batch;
    await sample(done);
  }
  const n = samples.length;
  const meanX = samples.reduce((s, p) => s + p.checkouts, 0) / n;
  const meanY = samples.reduce((s, p) => s + p.heapMb, 0) / n;
  const slope =
    samples.reduce((s, p) => s + (p.checkouts - meanX) * (p.heapMb - meanY), 0) / samples.reduce((s, p) => s + (p.checkouts - meanX) ** 2, 0);
  return { checkouts: MEMORY_CHECKOUTS, samples, heapMbPer1000: slope * 1000 };
}

function table(title: string, results: CaseResult[]): void {
  const baseline = results[0]!;
  console.log(`\n${title}\n`);
  console.log(
    `${'route'.padEnd(40)} ${'req/s'.padStart(7)} ${'× base'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'CPU ms/req'.padStart(10)} ${'SQL/req'.padStart(8)} ${'KB/resp'.padStart(8)} ${'errors'.padStart(7)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(40)} ${r.reqPerSec.toFixed(0).padStart(7)} ${(r.reqPerSec / baseline.reqPerSec).toFixed(2).padStart(7)} ${r.p50.toFixed(0).padStart(7)} ${r.p95.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(7)} ${r.cpuMsPerRequest.toFixed(1).padStart(10)} ${r.sqlPerRequest.toFixed(1).padStart(8)} ${r.kbPerResponse.toFixed(1).padStart(8)} ${String(r.errors).padStart(7)}`,
    );
  }
}

function report(results: CaseResult[], memory: Memory | null, two: CaseResult[] | null): void {
  const setting = `production build, ${CONNECTIONS} keep-alive connections, ${SECONDS} s a case, PostgreSQL${process.env.REDIS_URL ? ' + Redis' : ''}`;
  table(`HTTP — ${two ? 'one instance behind a balancer' : 'one instance'}, ${setting}`, results);
  let scaling: { name: string; oneReqPerSec: number; twoReqPerSec: number; factor: number }[] | undefined;
  if (two) {
    table('HTTP — two instances behind a balancer, each case right after its one-instance run', two);
    scaling = results.map((r, i) => ({ name: r.name, oneReqPerSec: r.reqPerSec, twoReqPerSec: two[i]!.reqPerSec, factor: two[i]!.reqPerSec / r.reqPerSec }));
    const [l1, l5] = loadavg();
    console.log(`\nscaling factor: req/s with two instances ÷ with one, same run (load average ${l1!.toFixed(1)} / ${l5!.toFixed(1)} over 1 / 5 min)\n`);
    for (const s of scaling) console.log(`${s.name.padEnd(40)} ${s.oneReqPerSec.toFixed(0).padStart(7)} → ${s.twoReqPerSec.toFixed(0).padStart(7)}   × ${s.factor.toFixed(2)}`);
  }
  if (memory) {
    const first = memory.samples[0]!;
    const last = memory.samples.at(-1)!;
    console.log(
      `\nserver memory over ${memory.checkouts} checkouts: heap ${first.heapMb.toFixed(0)} → ${last.heapMb.toFixed(0)} MB (slope ${memory.heapMbPer1000.toFixed(2)} MB per 1,000), RSS ${first.rssMb.toFixed(0)} → ${last.rssMb.toFixed(0)} MB`,
    );
  } else {
    console.log('\nserver memory: not measured (BENCH_HTTP_MEMORY_CHECKOUTS=0)');
  }
  mkdirSync('bench', { recursive: true });
  const results_ = { at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, redis: Boolean(process.env.REDIS_URL), loadAverage: loadavg(), http: results, ...(two && { httpTwoInstances: two, scaling }), memory };
  writeFileSync('bench/results.json', `${JSON.stringify(results_, null, 2)}\n`);
  console.log('written: bench/results.json');
}
