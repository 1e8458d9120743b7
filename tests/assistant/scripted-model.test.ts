import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as chatRoute from '@/app/api/v1/assistant/chat/route';
import { salesSummary } from '@/lib/analytics';
import { resetAssistantModelForTests } from '@/lib/assistant';
import type { TenantContext } from '@/lib/auth';
import { dispatchPending } from '@/lib/events';
import { createOrder, createOrderSchema, payOrder } from '@/lib/orders';
import { resetConfigForTests } from '@/lib/platform/config';
import { listSoldOut } from '@/lib/restaurant';
import { clockAt, setUpShop, type Shop } from '../analytics/fixtures';
import { apiRequest, noParams, sessionContextOf } from '../helpers';
import { question, send, type Chunk } from './chat-client';

/**
 * The chat route against a scripted LanguageModelV3 (`ai/test`), as a hosted model would
 * drive it: the answer reaches the client while the model is still writing, the SDK runs
 * several tool calls one step after another with the session's tools, and a changing tool
 * pauses for approval — approving applies it once, denying applies nothing.
 */
process.env.ASSISTANT_RATE_LIMIT = '100';
resetConfigForTests();

let shop: Shop;
let owner: TenantContext;

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } };
const finish = (unified: 'stop' | 'tool-calls'): LanguageModelV3StreamPart => ({ type: 'finish', usage, finishReason: { unified, raw: undefined } });
const toolCall = (id: string, toolName: string, input: unknown): LanguageModelV3StreamPart[] => [
  { type: 'tool-call', toolCallId: id, toolName, input: JSON.stringify(input) },
  finish('tool-calls'),
];
const streamOf = (parts: LanguageModelV3StreamPart[]) => ({ stream: new ReadableStream<LanguageModelV3StreamPart>({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) }) });

/** A model that answers with each script in turn, one per step the SDK asks it for. */
function scripted(steps: (() => { stream: ReadableStream<LanguageModelV3StreamPart> })[]): MockLanguageModelV3 {
  let step = 0;
  const model = new MockLanguageModelV3({ doStream: async () => steps[step++]!() });
  resetAssistantModelForTests({ provider: 'openai', modelId: 'scripted', model });
  return model;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  clockAt('2026-03-14T12:00:00Z');
  shop = await setUpShop({ timeZone: 'UTC', dayStartsAt: '00:00', pricesIncludeTax: true });
  owner = await sessionContextOf(shop.t, shop.t.owner);
  const sale = await createOrder(shop.cashier, createOrderSchema.parse({ type: 'takeaway', lines: [{ variantId: shop.tea.variantId, quantity: 2 }] }));
  await payOrder(shop.cashier, sale, { tender: 'cash', tendered: 5000 });
  await dispatchPending();
});

afterAll(() => {
  resetAssistantModelForTests();
  vi.useRealTimers();
});

describe('against a scripted model', () => {
  it('streams: the first words reach the client while the model is still writing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    scripted([
      () => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          async start(c) {
            c.enqueue({ type: 'stream-start', warnings: [] });
            c.enqueue({ type: 'text-start', id: 't' });
            c.enqueue({ type: 'text-delta', id: 't', delta: 'Hello ' });
            await held; // the rest only once the client has read the first words
            c.enqueue({ type: 'text-delta', id: 't', delta: 'there.' });
            c.enqueue({ type: 'text-end', id: 't' });
            c.enqueue(finish('stop'));
            c.close();
          },
        }),
      }),
    ]);
    const res = await chatRoute.POST(await apiRequest('POST', '/api/v1/assistant/chat', { host: shop.t.tenant, as: shop.t.owner, body: question(crypto.randomUUID(), 'Hi') }), noParams);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = '';
    while (!seen.includes('"delta":"Hello "')) {
      const { value, done } = await reader.read();
      expect(done, 'the stream ended before the first words').toBe(false);
      seen += value;
    }
    expect(seen).not.toContain('there.');
    release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += value;
    }
    expect(seen).toContain('"delta":"there."');
  });

  it("runs two tool calls in a row with the session's tools, then answers from their results", async () => {
    const model = scripted([
      () => streamOf(toolCall('c1', 'salesSummary', { from: '2026-03-14', to: '2026-03-14' })),
      () => streamOf(toolCall('c2', 'lowStock', {})),
      () => streamOf([{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'Done.' }, { type: 'text-end', id: 't' }, finish('stop')]),
    ]);
    const turn = await send(shop.t, shop.t.owner, question(crypto.randomUUID(), 'Revenue today, and anything low?'));
    expect(turn.chunks.filter((c: Chunk) => c.type === 'tool-input-available').map((c) => c.toolName)).toEqual(['salesSummary', 'lowStock']);
    const summary = await salesSummary(owner, { from: '2026-03-14', to: '2026-03-14' });
    expect(turn.outputs[0]).toMatchObject({ net: summary.net.value, orders: 1 });
    expect(turn.text).toBe('Done.');
    // Each step saw the results before it: the third call's prompt holds both tool results.
    const third = model.doStreamCalls[2]!.prompt.flatMap((m) => (m.role === 'tool' ? m.content : [])).map((p) => (p as { toolName: string }).toolName);
    expect(third).toEqual(['salesSummary', 'lowStock']);
    // The tools offered carry no tenant: nothing in the schemas names one.
    const offered = JSON.stringify(model.doStreamCalls[0]!.tools);
    expect(offered).not.toMatch(/tenant/i);
  });

  it('pauses a changing tool for approval; approving applies it once, denying applies nothing', async () => {
    const answer = () => streamOf([{ type: 'text-start', id: 't' }, { type: 'text-delta', id: 't', delta: 'OK.' }, { type: 'text-end', id: 't' }, finish('stop')]);
    scripted([() => streamOf(toolCall('c86', 'setItemSoldOut', { item: 'Tea', soldOut: true })), answer]);
    const chat = crypto.randomUUID();
    const asked = await send(shop.t, shop.t.owner, question(chat, 'Take tea off for today'));
    expect(asked.approvals).toEqual([expect.objectContaining({ toolCallId: 'c86' })]);
    expect(await listSoldOut(owner)).toEqual([]);
    const messageId = asked.chunks.find((c) => c.type === 'start')!.messageId;
    const respond = (approved: boolean) => ({
      id: chat,
      message: {
        id: messageId,
        role: 'assistant',
        parts: [{ type: 'tool-setItemSoldOut', toolCallId: 'c86', state: 'approval-responded', input: { item: 'Tea', soldOut: true }, approval: { id: asked.approvals[0]!.approvalId, approved } }],
      },
    });
    const approved = await send(shop.t, shop.t.owner, respond(true));
    expect(approved.outputs).toEqual([{ item: 'Tea', soldOut: true, changed: true }]);
    expect((await listSoldOut(owner)).map((i) => i.productId)).toEqual([shop.tea.productId]);

    // A second chat: the same request, denied.
    scripted([() => streamOf(toolCall('c87', 'setItemSoldOut', { item: 'Cake', soldOut: true })), answer]);
    const other = crypto.randomUUID();
    const again = await send(shop.t, shop.t.owner, question(other, 'And cake'));
    const denied = await send(shop.t, shop.t.owner, {
      id: other,
      message: {
        id: again.chunks.find((c) => c.type === 'start')!.messageId,
        role: 'assistant',
        parts: [{ type: 'tool-setItemSoldOut', toolCallId: 'c87', state: 'approval-responded', input: { item: 'Cake', soldOut: true }, approval: { id: again.approvals[0]!.approvalId, approved: false } }],
      },
    });
    expect(denied.chunks.some((c) => c.type === 'tool-output-denied')).toBe(true);
    expect((await listSoldOut(owner)).map((i) => i.productId)).toEqual([shop.tea.productId]);
  });
});
