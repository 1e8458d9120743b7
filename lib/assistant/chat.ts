import { Ratelimit } from '@upstash/ratelimit';
import { convertToModelMessages, stepCountIs, streamText, validateUIMessages, type UIMessage } from 'ai';
import { z } from 'zod';
import type { TenantContext } from '@/lib/auth';
import { businessCalendar } from '@/lib/platform/business-day';
import { config } from '@/lib/platform/config';
import { AppError, toErrorResponse } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';
import { metrics } from '@/lib/platform/metrics';
import { redis, tenantKey } from '@/lib/platform/redis';
import { currentContext } from '@/lib/platform/request-context';
import { businessDayRule } from '@/lib/tenancy';
import { assistantActions } from './actions';
import { beginTurn, conversationIdSchema, saveTurn } from './conversations';
import { assistantModel } from './model';
import { assistantTools } from './tools';

/** Most messages of a conversation the model sees (the latest), and most characters of a question. */
export const MAX_MESSAGES = 40;
export const MAX_QUESTION = 2000;
/** Model steps per answer: a tool call or two and the answer. */
const MAX_STEPS = 4;

const part = z.object({ type: z.string() }).loose();
/**
 * What the page sends: the conversation's id and only its new message — a question, or the
 * last answer with the person's approve/deny on its approval requests. The history is the
 * server's (conversations.ts), so a client cannot rewrite what was said or what a tool gave.
 */
export const chatSchema = z.object({
  id: conversationIdSchema,
  message: z
    .object({ id: z.string().min(1).max(100), role: z.enum(['user', 'assistant'], { message: 'Send a question or an approval' }), parts: z.array(part).min(1).max(50) })
    .loose()
    .refine((m) => m.role !== 'user' || m.parts.some((p) => p.type === 'text' && typeof p.text === 'string' && p.text.trim() !== ''), 'Ask a question')
    .refine((m) => m.parts.every((p) => p.type !== 'text' || (typeof p.text === 'string' && p.text.length <= MAX_QUESTION)), `A message has at most ${MAX_QUESTION} characters`),
});

const STARTED = { outcome: 'started' };
const RATE_LIMITED = { outcome: 'rate_limited' };
const FAILED = { outcome: 'failed' };
const ASSISTANT_LIMIT = { limit: 'assistant' };

/** A malformed chat body is a 400 naming each problem. */
function parseChat(body: unknown): z.output<typeof chatSchema> {
  const parsed = chatSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message }));
  throw new AppError('bad_request', 'The chat request is invalid: ' + details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}

/** Chat messages per user and minute (ASSISTANT_RATE_LIMIT), shared by every instance through Redis. */
async function takeMessage(ctx: TenantContext): Promise<number> {
  const limiter = new Ratelimit({
    redis: await redis(),
    limiter: Ratelimit.slidingWindow(config().ASSISTANT_RATE_LIMIT, '1 m'),
    prefix: tenantKey(ctx.tenantId, 'assistant', 'limit'),
    ephemeralCache: false,
    timeout: 0,
  });
  const result = await limiter.limit(ctx.userId);
  return result.success ? 0 : Math.max(1, Math.ceil((result.reset - Date.now()) / 1000));
}

/** What the model is told: who it works for, today, the money — never another tenant's anything. */
export function systemPrompt(ctx: TenantContext, today: string): string {
  return [
    `You are the sales assistant of ${ctx.tenant.name}, a business using the Tillwise point of sale.`,
    `Today's business date: ${today} (time zone ${ctx.tenant.timeZone}). Weeks start on Monday.`,
    `Money in tool results is in integer minor units of ${ctx.tenant.currency}; show it formatted in ${ctx.tenant.currency}.`,
    'Answer only from the tools; never invent figures. Name the period you looked up.',
    'Each tool result has a `link` (a relative /admin/… URL, and each found order its own): write every figure you take from a result as a markdown link to it, e.g. [2,500](/admin/reports/sales-summary?from=2026-11-01&to=2026-11-01); link nothing else.',
    'Tools that change something (marking an item sold out, a low-stock threshold) wait for the person to approve; call them only when asked to change that, with the item named as the person said it.',
    'Reply in the language of the question (English or Myanmar).',
    'You can see only this business; if asked about another business, say you cannot.',
  ].join('\n');
}

/**
 * One chat turn: rate limit (429 + Retry-After), the conversation checked, then the model
 * streams its answer with the tools of this session as the AI SDK's UI message stream.
 */
export async function chatReply(ctx: TenantContext, body: unknown): Promise<Response> {
  const input = parseChat(body);
  const wait = await takeMessage(ctx);
  if (wait > 0) {
    metrics().assistantRequests.inc(RATE_LIMITED);
    metrics().rateLimitRefusals.inc(ASSISTANT_LIMIT);
    const err = new AppError('rate_limited', `That is a lot of questions at once. Try again in ${wait} seconds.`);
    return toErrorResponse(err, { 'Retry-After': String(wait) });
  }
  const tools = { ...assistantTools(ctx), ...assistantActions(ctx) };
  const stored = await beginTurn(ctx, input.id, input.message as UIMessage);
  let messages: UIMessage[];
  try {
    messages = await validateUIMessages({ messages: stored, tools: tools as never });
  } catch (err) {
    throw new AppError('bad_request', `The chat request is invalid: ${err instanceof Error ? err.message.slice(0, 200) : 'bad messages'}`);
  }
  const today = businessCalendar(await businessDayRule(ctx)).dayOf(new Date()).date;
  const { model, provider, modelId } = assistantModel();
  const requestId = currentContext()?.requestId;
  const result = streamText({
    model,
    system: systemPrompt(ctx, today),
    messages: await convertToModelMessages(recent(messages), { tools, ignoreIncompleteToolCalls: true }),
    tools,
    stopWhen: stepCountIs(MAX_STEPS),
    onError: ({ error }) => {
      metrics().assistantRequests.inc(FAILED);
      logger.error({ err: error, provider, modelId, requestId }, 'assistant stream failed');
    },
  });
  metrics().assistantRequests.inc(STARTED);
  return result.toUIMessageStreamResponse({
    originalMessages: messages,
    generateMessageId: () => crypto.randomUUID(),
    headers: { 'x-assistant-model': `${provider}:${modelId}` },
    onFinish: ({ messages: after }) => saveTurn(ctx, input.id, after).catch((err) => logger.error({ err, requestId }, 'could not save the assistant conversation')),
    onError: () => 'The assistant could not finish this answer. Please try again.',
  });
}

/** The latest MAX_MESSAGES messages, starting at a question (a long chat forgets its start, not half a turn). */
function recent(messages: UIMessage[]): UIMessage[] {
  if (messages.length <= MAX_MESSAGES) return messages;
  const tail = messages.slice(-MAX_MESSAGES);
  const first = tail.findIndex((m) => m.role === 'user');
  return first > 0 ? tail.slice(first) : tail;
}
