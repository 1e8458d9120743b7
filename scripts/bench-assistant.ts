// The assistant part of `npm run bench` (issue #11): a chat turn through the real route handler
// (POST /api/v1/assistant/chat: session, rate limit, the AI SDK's tool loop with the offline
// model, the UI message stream read to its end) for two questions, each asked cold — the
// tenant's cache version replaced first, so the tool computes — and at once again, cached.
// Interleaved (cold, cached, next question…), so the neighbours' load hits both alike. Printed:
// p50/p95 of the whole answer and of the time to its first text token, cached ÷ cold; and the
// same for the tool call alone (what the cache itself saves, without the turn's fixed cost).
//
// Tenant: BENCH_ASSISTANT_TENANT; default `demo` on Postgres (the 1M-order café, see
// bench-dashboard.ts: skipped if it holds fewer), `bench-10k` on PGlite — created here as a twin
// of demo with 10 000 orders (a 1M-order history on embedded PGlite is not a thing anyone runs).
import { performance } from 'node:perf_hooks';
import type { TenantInfo } from '../lib/tenancy';

const ITERATIONS = Number(process.env.BENCH_ASSISTANT_ITERATIONS ?? 50);
const POSTGRES = Boolean(process.env.DATABASE_URL);
const TENANT = { slug: process.env.BENCH_ASSISTANT_TENANT ?? (POSTGRES ? 'demo' : 'bench-10k'), orders: POSTGRES ? 1_000_000 : 10_000 };

type Timing = { p50: number; p95: number };
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const timing = (samples: number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
};

export async function benchAssistant(): Promise<void> {
  const { count } = await import('drizzle-orm');
  const { NextRequest } = await import('next/server');
  const { encode } = await import('next-auth/jwt');
  const { orders } = await import('../db/schema/orders');
  const chatRoute = await import('../app/api/v1/assistant/chat/route');
  const { assistantTools } = await import('../lib/assistant');
  const { bumpCacheVersion } = await import('../lib/assistant/cache');
  const { contextFor, listStaff } = await import('../lib/auth');
  const { newSessionClaims, SESSION_COOKIE, sessionMaxAgeSeconds } = await import('../lib/auth/session');
  const { addDays, businessCalendar } = await import('../lib/platform/business-day');
  const { config } = await import('../lib/platform/config');
  const { withTenant } = await import('../lib/platform/db');
  const { businessDayRule, findTenantBySlug, TENANT_HEADER } = await import('../lib/tenancy');
  const { seedHistory } = await import('./seed-history');

  const held = async (tenant: TenantInfo | null) => {
    if (!tenant) return 0;
    const [row] = await withTenant(tenant.id, (tx) => tx.select({ n: count() }).from(orders));
    return row?.n ?? 0;
  };
  let tenant = await findTenantBySlug(TENANT.slug);
  if (!POSTGRES && (await held(tenant)) < TENANT.orders) {
    console.log(`\nassistant: preparing ${TENANT.slug} (a twin of demo with ${TENANT.orders.toLocaleString('en')} orders)…`);
    await seedHistory({ tenant: TENANT.slug, like: 'demo', orders: TENANT.orders, log: () => {} });
    tenant = await findTenantBySlug(TENANT.slug);
  }
  const orderCount = await held(tenant);
  if (!tenant || orderCount < TENANT.orders) {
    console.log(`\nassistant: ${TENANT.slug} holds ${orderCount.toLocaleString('en')} orders, not ${TENANT.orders.toLocaleString('en')}: skipped (npm run seed:history -- --tenant ${TENANT.slug} --orders ${TENANT.orders})`);
    return;
  }
  const owner = (await listStaff({ tenantId: tenant.id })).find((s) => s.role === 'owner' && s.active);
  if (!owner) throw new Error(`${tenant.slug} has no active owner`);
  const ctx = contextFor(tenant, owner);
  const today = businessCalendar(await businessDayRule(ctx)).dayOf(new Date()).date;
  const cookie = `${SESSION_COOKIE}=${await encode({ token: { ...newSessionClaims({ ...owner, tenantId: tenant.id }) }, secret: config().authSecret, maxAge: sessionMaxAgeSeconds() })}`;

  /** One chat turn as the page sends it (a new chat: its id and the question); the stream read chunk by chunk as it arrives. */
  async function ask(question: string): Promise<{ ms: number; firstTokenMs: number; answer: string }> {
    const started = performance.now();
    const body = JSON.stringify({ id: crypto.randomUUID(), message: { id: 'q', role: 'user', parts: [{ type: 'text', text: question }] } });
    const res = await chatRoute.POST(new NextRequest('http://bench.test/api/v1/assistant/chat', { method: 'POST', headers: { [TENANT_HEADER]: tenant!.slug, cookie, 'content-type': 'application/json' }, body }), {
      params: Promise.resolve({}),
    });
    if (res.status !== 200) throw new Error(`assistant: ${res.status} ${await res.text()}`);
    let firstTokenMs = 0;
    let answer = '';
    let buffer = '';
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      const events = (buffer + r.value).split('\n\n');
      buffer = events.pop()!;
      for (const e of events) {
        if (!e.startsWith('data: {')) continue;
        const chunk = JSON.parse(e.slice('data: '.length)) as { type: string; delta?: string; errorText?: string; output?: { error?: string } };
        if (chunk.type === 'error' || chunk.output?.error) throw new Error(`assistant: ${chunk.errorText ?? chunk.output?.error}`);
        if (chunk.type !== 'text-delta') continue;
        firstTokenMs ||= performance.now() - started;
        answer += chunk.delta;
      }
    }
    return { ms: performance.now() - started, firstTokenMs, answer };
  }

  const tools = assistantTools(ctx);
  const execute = (name: 'salesSummary' | 'topProducts', input: object) =>
    (tools[name].execute as (input: object, options: object) => Promise<{ error?: string }>)(input, { toolCallId: 'bench', messages: [] });
  const from30 = addDays(today, -29);
  const questions = [
    { label: 'revenue this month', question: 'What was revenue this month?', tool: 'salesSummary' as const, input: { from: `${today.slice(0, 8)}01`, to: today } },
    { label: 'best sellers, 30 days', question: `Best sellers from ${from30} to ${today}?`, tool: 'topProducts' as const, input: { from: from30, to: today, by: 'net' } },
  ];
  type Samples = { answer: number[]; firstToken: number[]; tool: number[] };
  const samples = questions.map(() => ({ cold: { answer: [], firstToken: [], tool: [] } as Samples, cached: { answer: [], firstToken: [], tool: [] } as Samples }));

  const warmUp = Math.min(5, ITERATIONS);
  for (let i = 0; i < warmUp + ITERATIONS; i++) {
    for (const [q, { question, tool, input }] of questions.entries()) {
      await bumpCacheVersion(tenant.id);
      const cold = await ask(question);
      const cached = await ask(question);
      if (cached.answer !== cold.answer) throw new Error(`assistant: the cached answer differs:\n${cold.answer}\n${cached.answer}`);
      await bumpCacheVersion(tenant.id);
      const toolStarted = performance.now();
      if ((await execute(tool, input)).error) throw new Error(`assistant: ${tool} failed`);
      const toolCold = performance.now() - toolStarted;
      const again = performance.now();
      await execute(tool, input);
      const toolCached = performance.now() - again;
      if (i < warmUp) continue;
      const s = samples[q]!;
      s.cold.answer.push(cold.ms);
      s.cold.firstToken.push(cold.firstTokenMs);
      s.cold.tool.push(toolCold);
      s.cached.answer.push(cached.ms);
      s.cached.firstToken.push(cached.firstTokenMs);
      s.cached.tool.push(toolCached);
    }
  }

  const db = POSTGRES ? 'PostgreSQL' : 'PGlite';
  console.log(`\nassistant — offline model, through the chat route, ${ITERATIONS} rounds (cold, then cached), ${tenant.slug} on ${db} (${orderCount.toLocaleString('en')} orders)`);
  console.log(`${'question / what'.padEnd(46)} ${'cold p50'.padStart(9)} ${'p95'.padStart(7)} ${'cached p50'.padStart(11)} ${'p95'.padStart(7)} ${'ratio p50'.padStart(10)} ${'p95'.padStart(6)}`);
  for (const [q, { label }] of questions.entries()) {
    const s = samples[q]!;
    for (const what of ['answer', 'firstToken', 'tool'] as const) {
      const [cold, cached] = [timing(s.cold[what]), timing(s.cached[what])];
      const name = `${label}: ${{ answer: 'whole answer', firstToken: 'first token', tool: 'tool alone' }[what]}`;
      console.log(
        `${name.padEnd(46)} ${cold.p50.toFixed(1).padStart(9)} ${cold.p95.toFixed(1).padStart(7)} ${cached.p50.toFixed(1).padStart(11)} ${cached.p95.toFixed(1).padStart(7)} ${(cached.p50 / cold.p50).toFixed(2).padStart(10)} ${(cached.p95 / cold.p95).toFixed(2).padStart(6)}`,
      );
    }
  }
  console.log('ratio = cached ÷ cold (target for the whole answer ≤ 0.2, the original system’s 800 → 150 ms)');
}
