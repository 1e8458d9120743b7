import client from 'prom-client';

/**
 * Prometheus metrics, served by GET /api/metrics. Kept on globalThis because Next may load
 * this module more than once in one process (dev reloads), and prom-client refuses to
 * register a metric name twice.
 */
type Metrics = {
  registry: client.Registry;
  httpRequests: client.Counter<'method' | 'route' | 'status'>;
  httpDuration: client.Histogram<'method' | 'route'>;
  assistantCache: client.Counter<'tool' | 'result'>;
  dbQueries: client.Counter;
};

const g = globalThis as typeof globalThis & { __tillwiseMetrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'tillwise_http_requests_total',
      help: 'API requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: 'tillwise_http_request_duration_seconds',
      help: 'API request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    assistantCache: new client.Counter({
      name: 'tillwise_assistant_cache_total',
      help: "Assistant tool lookups by tool and cache result: hit, miss, or unavailable (Redis failed; computed without the cache)",
      labelNames: ['tool', 'result'],
      registers: [registry],
    }),
    dbQueries: new client.Counter({
      name: 'tillwise_db_queries_total',
      help: 'SQL statements sent to PostgreSQL (round trips; PGlite is not counted)',
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  g.__tillwiseMetrics ??= create();
  return g.__tillwiseMetrics;
}

/** `/api/v1/staff/3f2a…` → `/api/v1/staff/:id`, so label values stay few. */
export function routeLabel(pathname: string): string {
  return pathname.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id');
}
