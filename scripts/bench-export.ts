// The CSV export part of `npm run bench` (issue #10): does a 200k-row order export stream, i.e.
// does memory stay flat while the rows go out? Real Postgres only, on the 1M-order tenant
// (BENCH_LARGE_TENANT, default demo; see bench-dashboard.ts). The export is the lines sheet
// (`exportOrders` kind=lines, the biggest per order) for the most recent business days that
// hold ≥ 200 000 lines. Printed: rows, size, time; the live heap (after a forced GC) once each
// quarter of the rows has gone, against the heap before — flat means the quarters do not
// climb with the rows — and the peak heap, garbage included, as a share of the CSV's size.
// Through the module function in this process; also over HTTP when BENCH_HTTP is set (then
// BENCH_SERVER_PID, if given, has the server's resident memory sampled from /proc: RSS, which
// no GC of ours settles, so it shows garbage too — the live-heap figure is the module's).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 200_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Memory = { heap: number; rss: number };

/**
 * Reads a CSV stream to the end. `memory` is sampled at every chunk (its peak includes garbage
 * not yet collected) and, after `settle` (a full GC where we can force one), each time another
 * quarter of the `expected` rows has gone by: what the export really holds on to.
 */
async function drain(chunks: AsyncIterable<Uint8Array>, expected: number, memory: () => Memory, settle: () => void) {
  const quarters: Memory[] = [];
  let peak: Memory = { heap: 0, rss: 0 };
  let bytes = 0;
  let rows = -1; // the header line
  let firstByteMs = 0;
  const started = performance.now();
  for await (const chunk of chunks) {
    firstByteMs ||= performance.now() - started;
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.byteLength; i++) if (chunk[i] === 10) rows++;
    const now = memory();
    peak = { heap: Math.max(peak.heap, now.heap), rss: Math.max(peak.rss, now.rss) };
    if (quarters.length < 3 && rows >= ((quarters.length + 1) * expected) / 4) {
      settle();
      quarters.push(memory());
    }
  }
  settle();
  quarters.push(memory());
  return { bytes, rows, quarters, peak, firstByteMs };
}

function report(name: string, run: Awaited<ReturnType<typeof drain>>, start: Memory, ms: number, what: keyof Memory) {
  const peak = run.peak[what] - start[what];
  console.log(
    `${name.padEnd(7)} ${run.rows.toLocaleString('en')} rows, ${mb(run.bytes)} in ${(ms / 1000).toFixed(1)} s (${Math.round(run.rows / (ms / 1000)).toLocaleString('en')} rows/s), first bytes after ${run.firstByteMs.toFixed(0)} ms\n` +
      `        ${what} before ${mb(start[what])}; growth after ¼ ½ ¾ all of the rows${what === 'heap' ? ' (after a full GC)' : ''}: ${run.quarters.map((q) => mb(q[what] - start[what])).join(', ')}; ` +
      `peak growth (garbage included) ${mb(peak)} = ${((100 * peak) / run.bytes).toFixed(0)} % of the CSV`,
  );
}

export async function benchExport(): Promise<void> {
  if (!process.env.DATABASE_URL) return; // said by the dashboard part already
  const { desc, lt, sql } = await import('drizzle-orm');
  const { orderLines, orders } = await import('../db/schema/orders');
  const { contextFor, listStaff } = await import('../lib/auth');
  const { exportOrders, orderExportSchema } = await import('../lib/orders');
  const { businessDayOf } = await import('../lib/platform/business-day');
  const { withTenant } = await import('../lib/platform/db');
  const { businessDayRule, findTenantBySlug } = await import('../lib/tenancy');

  const slug = process.env.BENCH_LARGE_TENANT ?? 'demo';
  const tenant = await findTenantBySlug(slug);
  if (!tenant) return console.log(`\nCSV export: no tenant ${slug}: skipped`);
  const owner = (await listStaff({ tenantId: tenant.id })).find((s) => s.role === 'owner' && s.active)!;
  const ctx = contextFor(tenant, owner);
  const today = businessDayOf(new Date(), await businessDayRule(ctx)).date;

  // The most recent days before today whose lines add up to ROWS.
  const days = await withTenant(tenant.id, (tx) =>
    tx
      .select({ day: sql<string>`${orders.businessDate}::text`, lines: sql<number>`count(*)::int` })
      .from(orderLines)
      .innerJoin(orders, sql`${orders.tenantId} = ${orderLines.tenantId} and ${orders.id} = ${orderLines.orderId}`)
      .where(lt(orders.businessDate, today))
      .groupBy(orders.businessDate)
      .orderBy(desc(orders.businessDate)),
  );
  let from: string | undefined;
  let lines = 0;
  for (const d of days) {
    lines += d.lines;
    from = d.day;
    if (lines >= ROWS) break;
  }
  if (!from || lines < ROWS) return console.log(`\nCSV export: ${slug} has ${lines.toLocaleString('en')} order lines, fewer than ${ROWS.toLocaleString('en')}: skipped`);
  const to = days[0]!.day;
  const query = { kind: 'lines', from, to };
  console.log(`\nCSV export — ${slug}, lines of ${from}…${to} (${lines.toLocaleString('en')} lines)`);

  const gc = () => global.gc?.();
  const heapOf = () => ({ heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
  gc();
  const start = heapOf();
  let started = performance.now();
  const { body } = await exportOrders(ctx, orderExportSchema.parse(query));
  report('module', await drain(body as unknown as AsyncIterable<Uint8Array>, lines, heapOf, gc), start, performance.now() - started, 'heap');

  if (!process.env.BENCH_HTTP) return;
  const { encode } = await import('next-auth/jwt');
  const { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds } = await import('../lib/auth/session');
  const { config } = await import('../lib/platform/config');
  const token = await encode({ token: { ...newSessionClaims({ ...owner, tenantId: tenant.id }) }, secret: config().authSecret, maxAge: sessionMaxAgeSeconds() });
  const pid = process.env.BENCH_SERVER_PID;
  const serverMemory = () => {
    if (!pid) return { heap: 0, rss: 0 };
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { heap: 0, rss: kb * 1024 };
  };
  const serverStart = serverMemory();
  started = performance.now();
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = http.get(`${process.env.BENCH_HTTP}/api/v1/orders/export?${new URLSearchParams(query)}`, { headers: { host: `${tenant.slug}.${config().ROOT_DOMAIN.split(':')[0]}`, cookie: `${SESSION_COOKIE}=${token}` } }, resolve);
    req.on('error', reject);
  });
  if (response.statusCode !== 200) throw new Error(`CSV export over HTTP: ${response.statusCode}`);
  const run = await drain(response, lines, serverMemory, () => {});
  if (pid) report('HTTP', run, serverStart, performance.now() - started, 'rss');
  else console.log(`HTTP    ${run.rows.toLocaleString('en')} rows, ${mb(run.bytes)} in ${((performance.now() - started) / 1000).toFixed(1)} s, first bytes after ${run.firstByteMs.toFixed(0)} ms (BENCH_SERVER_PID: the server's memory too)`);
}
