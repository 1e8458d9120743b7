import client from 'prom-client';
import { inSpan, routeAnswered } from './tracing';

/**
 * Prometheus metrics, served by GET /api/metrics. Kept on globalThis because Next may load
 * this module more than once in one process (dev reloads, one copy per route bundle), and
 * prom-client refuses to register a metric name twice.
 *
 * No label ever carries a tenant, a person or an id: routes are Next route templates, the
 * rest are small fixed sets. Every metric and what to do about it: docs/operations.md.
 */
export const CHECKOUT_OUTCOMES = ['paid', 'unpaid', 'parked', 'payment_pending', 'payment_failed', 'rejected', 'error'] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];
export const PAYMENT_OUTCOMES = ['captured', 'pending', 'declined', 'unavailable', 'refused', 'error'] as const;
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];
export const BREAKER_STATES = ['closed', 'open', 'half_open'] as const;
export const UP_COMPONENTS = ['database', 'redis', 'outbox'] as const;
export type UpComponent = (typeof UP_COMPONENTS)[number];

/** Transactions waiting for a connection and holding one, counted by lib/platform/db.ts (postgres.js has no pool gauge). */
type PoolUse = { waiting: number; inUse: number };

type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route'>;
  checkouts: client.Counter<'outcome'>;
  payments: client.Counter<'tender' | 'outcome'>;
  breakerState: client.Gauge<'state'>;
  outboxBacklog: client.Gauge;
  outboxOldestAge: client.Gauge;
  up: client.Gauge<'component'>;
  dbPool: PoolUse;
  sseConnections: client.Gauge;
  assistantRequests: client.Counter<'outcome'>;
  assistantCache: client.Counter<'tool' | 'result'>;
  rateLimitRefusals: client.Counter<'limit'>;
  dbQueries: client.Counter;
};

const g = globalThis as typeof globalThis & { __tillwiseMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const dbPool: PoolUse = { waiting: 0, inUse: 0 };
  const m: Metrics = {
    registry,
    httpRequests: new client.Counter({
      name: 'tillwise_http_requests_total',
      help: 'API requests by method, Next route template and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpDuration: new client.Histogram({
      name: 'tillwise_http_request_duration_seconds',
      help: 'API request duration until the response starts, by method and Next route template',
      labelNames: ['method', 'route'],
      // 0.2: the performance goal (p95 < 200 ms, docs/performance.md) is a bucket edge, so the alert's quantile is exact there.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5],
      registers,
    }),
    checkouts: new client.Counter({
      name: 'tillwise_checkouts_total',
      help: 'Checkouts (POST /api/v1/orders) by outcome: paid, unpaid, parked, payment_pending, payment_failed (order stands, tender failed), rejected (4xx), error (5xx)',
      labelNames: ['outcome'],
      registers,
    }),
    payments: new client.Counter({
      name: 'tillwise_payments_total',
      help: 'Tenders taken for orders by tender and outcome: captured, pending (card outcome unknown, recovery settles it), declined, unavailable (gateway down or breaker open), refused (4xx), error',
      labelNames: ['tender', 'outcome'],
      registers,
    }),
    breakerState: new client.Gauge({
      name: 'tillwise_payment_breaker_state',
      help: "The card gateway's circuit breaker in this process: 1 for its current state, 0 for the others (sampled at scrape)",
      labelNames: ['state'],
      registers,
    }),
    outboxBacklog: new client.Gauge({
      name: 'tillwise_outbox_backlog_events',
      help: 'Outbox events not yet delivered to every handler, all tenants (sampled at scrape, counted up to 100000; NaN when the query failed)',
      registers,
    }),
    outboxOldestAge: new client.Gauge({
      name: 'tillwise_outbox_oldest_undelivered_seconds',
      help: 'Age of the oldest undelivered outbox event, 0 when none (sampled at scrape; NaN when the query failed)',
      registers,
    }),
    up: new client.Gauge({
      name: 'tillwise_up',
      help: 'Whether a dependency answered the probe made at this scrape: database and redis as /api/ready checks them, outbox the backlog query',
      labelNames: ['component'],
      registers,
    }),
    dbPool,
    sseConnections: new client.Gauge({
      name: 'tillwise_sse_connections',
      help: 'Open server-sent event streams (GET /api/v1/events) in this process',
      registers,
    }),
    assistantRequests: new client.Counter({
      name: 'tillwise_assistant_requests_total',
      help: 'Assistant chat turns by outcome: started (the answer began streaming), rate_limited, failed (a started stream failed)',
      labelNames: ['outcome'],
      registers,
    }),
    assistantCache: new client.Counter({
      name: 'tillwise_assistant_cache_total',
      help: "Assistant tool lookups by tool and cache result: hit, miss, or unavailable (Redis failed; computed without the cache)",
      labelNames: ['tool', 'result'],
      registers,
    }),
    rateLimitRefusals: new client.Counter({
      name: 'tillwise_rate_limit_refusals_total',
      help: 'Requests refused with 429 by a rate limit, by the limit that refused',
      labelNames: ['limit'],
      registers,
    }),
    dbQueries: new client.Counter({
      name: 'tillwise_db_queries_total',
      help: 'SQL statements sent to PostgreSQL (round trips; PGlite is not counted)',
      registers,
    }),
  };
  // Plain numbers on the hot path, read into gauges only when scraped.
  new client.Gauge({
    name: 'tillwise_db_pool_in_use',
    help: 'Database transactions holding a connection in this process (PGlite: at most 1)',
    registers,
    collect() {
      this.set(dbPool.inUse);
    },
  });
  new client.Gauge({
    name: 'tillwise_db_pool_waiting',
    help: 'Database transactions waiting for a connection in this process',
    registers,
    collect() {
      this.set(dbPool.waiting);
    },
  });
  // Series that exist before their first event, so rate() and ratios have something to work on.
  for (const outcome of CHECKOUT_OUTCOMES) m.checkouts.inc({ outcome }, 0);
  for (const state of BREAKER_STATES) m.breakerState.set({ state }, state === 'closed' ? 1 : 0);
  return m;
}

export function metrics(): Metrics {
  g.__tillwiseMetrics ??= create();
  return g.__tillwiseMetrics;
}

/**
 * Counts a database transaction from its request to its end: `waiting` until `fn` starts
 * (postgres.js has handed it a connection), `inUse` while it runs.
 */
export async function poolTransaction<Tx, T>(begin: (body: (tx: Tx) => Promise<T>) => Promise<T>, body: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = metrics().dbPool;
  let started = false;
  pool.waiting++;
  try {
    return await begin((tx) => {
      started = true;
      pool.waiting--;
      pool.inUse++;
      return body(tx);
    });
  } finally {
    if (started) pool.inUse--;
    else pool.waiting--;
  }
}

type Labels = { method: string; route: string };

/**
 * RED metrics of one route handler. The wrapper learns its Next route template from its first
 * request (routeTemplate) and keeps it, with the label objects per method and status, so a
 * request costs a counter inc and a histogram observe.
 */
export function routeMetrics(): {
  /** The template once known: until then, pass the request's params to observe. */
  readonly template: string | undefined;
  observe(method: string, pathname: string, params: unknown, status: number, seconds: number): void;
} {
  let template: string | undefined;
  const byMethod = new Map<string, { labels: Labels; statuses: Map<number, Labels & { status: string }> }>();
  return {
    get template() {
      return template;
    },
    observe(method, pathname, params, status, seconds) {
      const route = template ?? routeTemplate(pathname, params);
      if (route === null) return observeAs(method, OTHER, status, seconds);
      template = route;
      let entry = byMethod.get(method);
      if (!entry) {
        entry = { labels: { method: knownMethod(method), route }, statuses: new Map() };
        byMethod.set(method, entry);
      }
      let withStatus = entry.statuses.get(status);
      if (!withStatus) {
        withStatus = { ...entry.labels, status: String(status) };
        entry.statuses.set(status, withStatus);
      }
      const m = metrics();
      m.httpRequests.inc(withStatus);
      m.httpDuration.observe(entry.labels, seconds);
    },
  };
}

/** The label for a request whose route template cannot be told. */
export const OTHER = 'other';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const knownMethod = (method: string) => (METHODS.has(method) ? method : 'other');

function observeAs(method: string, route: string, status: number, seconds: number): void {
  const m = metrics();
  m.httpRequests.inc({ method: knownMethod(method), route, status: String(status) });
  m.httpDuration.observe({ method: knownMethod(method), route }, seconds);
}

/**
 * A route handler outside the tenant wrapper (next-auth, readiness) with its RED metrics and its
 * span under the template it is given.
 */
export function observedRoute<Req extends Request, Rest extends unknown[]>(template: string, handler: (req: Req, ...rest: Rest) => Promise<Response>) {
  return (req: Req, ...rest: Rest): Promise<Response> =>
    inSpan(req.method, async (span) => {
      const started = performance.now();
      let status = 500;
      try {
        const response = await handler(req, ...rest);
        status = response.status;
        return response;
      } finally {
        observeAs(req.method, template, status, (performance.now() - started) / 1000);
        routeAnswered(span, req.method, template, status);
      }
    });
}

/**
 * The Next route template of a request from its path and the dynamic params Next matched:
 * `/api/v1/orders/3f2a…/refunds` with `{ id: '3f2a…' }` → `/api/v1/orders/[id]/refunds`.
 * Null when that cannot be told for sure (a param's value also names another segment, or is
 * missing), so a crafted path can never give a wrapper a wrong template or a raw id label.
 */
export function routeTemplate(pathname: string, params: unknown): string | null {
  // Decoded, so `/api/v1/%6De` (which Next serves as /api/v1/me) cannot become a template of its own.
  const decoded = pathname.split('/').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const entries = params && typeof params === 'object' ? Object.entries(params as Record<string, unknown>) : [];
  let from = 1;
  for (const [name, value] of entries) {
    if (Array.isArray(value)) {
      // A catch-all ([...name]) is the rest of the path: its values are the last segments.
      const start = decoded.length - value.length;
      if (value.length === 0 || start < from || value.some((v, i) => decoded[start + i] !== String(v))) return null;
      decoded.splice(start, value.length, `[...${name}]`);
      from = start + 1;
      continue;
    }
    if (typeof value !== 'string') return null;
    const at = decoded.indexOf(value, from);
    if (at < 0 || decoded.indexOf(value, at + 1) >= 0 || decoded.indexOf(value) < at) return null;
    decoded[at] = `[${name}]`;
    from = at + 1;
  }
  return decoded.join('/');
}
