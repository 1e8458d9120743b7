import type { UIMessage } from 'ai';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { assistantConversations } from '@/db/schema/assistant';
import type { TenantContext } from '@/lib/auth';
import { withTenant } from '@/lib/platform/db';
import { AppError, notFound } from '@/lib/platform/errors';

/**
 * Conversations with the assistant, kept on the server: a person's own (the tenant by RLS, the
 * person by `user_id`), listed newest first, renamable, deletable. The server's copy is the
 * conversation. A turn sends only what is new — a question, or the answers to approval
 * requests — and `mergeTurn` decides what of it to take, so a client can never write a tool
 * result, an approval the server did not ask for, or an assistant message of its own.
 */
export const MAX_STORED_MESSAGES = 200;
const TITLE_LENGTH = 80;

export type ConversationSummary = { id: string; title: string; updatedAt: Date };
export type Conversation = ConversationSummary & { messages: UIMessage[] };

export const conversationIdSchema = z.uuid('Not a conversation id');
export const renameConversationSchema = z.object({
  id: conversationIdSchema,
  title: z.string().trim().min(1, 'Give the chat a name').max(TITLE_LENGTH, `At most ${TITLE_LENGTH} characters`),
});

const mine = (ctx: TenantContext, id: string) => and(eq(assistantConversations.id, id), eq(assistantConversations.userId, ctx.userId));

export async function listConversations(ctx: TenantContext, limit = 50): Promise<ConversationSummary[]> {
  return withTenant(ctx.tenantId, (tx) =>
    tx
      .select({ id: assistantConversations.id, title: assistantConversations.title, updatedAt: assistantConversations.updatedAt })
      .from(assistantConversations)
      .where(eq(assistantConversations.userId, ctx.userId))
      .orderBy(desc(assistantConversations.updatedAt), desc(assistantConversations.id))
      .limit(limit),
  );
}

/** One of this person's conversations with its messages; null when there is none of theirs by that id. */
export async function getConversation(ctx: TenantContext, id: string): Promise<Conversation | null> {
  const [row] = await withTenant(ctx.tenantId, (tx) => tx.select().from(assistantConversations).where(mine(ctx, id)));
  return row ? { id: row.id, title: row.title, updatedAt: row.updatedAt, messages: row.messages as UIMessage[] } : null;
}

export async function renameConversation(ctx: TenantContext, input: z.input<typeof renameConversationSchema>): Promise<void> {
  const { id, title } = renameConversationSchema.parse(input);
  const changed = await withTenant(ctx.tenantId, (tx) => tx.update(assistantConversations).set({ title }).where(mine(ctx, id)).returning({ id: assistantConversations.id }));
  if (changed.length === 0) throw notFound('Conversation');
}

export async function deleteConversation(ctx: TenantContext, id: string): Promise<void> {
  const gone = await withTenant(ctx.tenantId, (tx) => tx.delete(assistantConversations).where(mine(ctx, conversationIdSchema.parse(id))).returning({ id: assistantConversations.id }));
  if (gone.length === 0) throw notFound('Conversation');
}

type ToolPart = { type: string; toolCallId: string; state: string; approval?: { id: string; approved?: boolean; reason?: string } };
const isToolPart = (p: { type: string }): p is ToolPart & UIMessage['parts'][number] => p.type.startsWith('tool-') || p.type === 'dynamic-tool';
const textOf = (m: UIMessage) => m.parts.map((p) => (p.type === 'text' ? p.text : '')).join(' ').replace(/\s+/g, ' ').trim();

/** A request still waiting for its answer becomes a denial (the person asked something else instead). */
function unanswered(message: UIMessage): UIMessage {
  return {
    ...message,
    parts: message.parts.map((p) =>
      isToolPart(p) && p.state === 'approval-requested' ? ({ ...p, state: 'output-denied', approval: { id: p.approval!.id, approved: false, reason: 'Not answered' } } as typeof p) : p,
    ),
  };
}

/**
 * The conversation after the client's new message: a question is added (or, with the id of an
 * earlier question, asked again: what followed it goes); an assistant message may only answer
 * the approval requests of the last saved message — its approve/deny and reason, nothing else.
 */
export function mergeTurn(stored: UIMessage[], incoming: UIMessage): UIMessage[] {
  if (incoming.role === 'user') {
    const again = stored.findIndex((m) => m.id === incoming.id);
    const before = again >= 0 ? stored.slice(0, again) : stored;
    const last = before.at(-1);
    const settled = last?.role === 'assistant' ? [...before.slice(0, -1), unanswered(last)] : before;
    return [...settled, { id: incoming.id, role: 'user', parts: incoming.parts.filter((p) => p.type === 'text') }];
  }
  const last = stored.at(-1);
  if (incoming.role !== 'assistant' || !last || last.role !== 'assistant' || last.id !== incoming.id) {
    throw new AppError('bad_request', 'Only a question, or an answer to the last approval request, can be sent.');
  }
  const answers = new Map(incoming.parts.filter(isToolPart).map((p) => [p.toolCallId, p]));
  let answered = 0;
  const parts = last.parts.map((p) => {
    if (!isToolPart(p) || p.state !== 'approval-requested') return p;
    const answer = answers.get(p.toolCallId);
    if (answer?.state !== 'approval-responded' || answer.approval?.id !== p.approval?.id || typeof answer.approval?.approved !== 'boolean') return p;
    answered += 1;
    const reason = typeof answer.approval.reason === 'string' ? answer.approval.reason.slice(0, 200) : undefined;
    return { ...p, state: 'approval-responded', approval: { id: p.approval!.id, approved: answer.approval.approved, ...(reason ? { reason } : {}) } } as typeof p;
  });
  if (answered === 0) throw new AppError('bad_request', 'There is no approval request to answer.');
  return [...stored.slice(0, -1), { ...last, parts }];
}

/**
 * Starts a turn of conversation `id`: this person's (or a new one), with the client's new
 * message merged and saved before the model runs, so the question survives a failed answer.
 * Another person's conversation is 404, as if it did not exist.
 */
export async function beginTurn(ctx: TenantContext, id: string, incoming: UIMessage): Promise<UIMessage[]> {
  return withTenant(ctx.tenantId, async (tx) => {
    const [row] = await tx.select().from(assistantConversations).where(eq(assistantConversations.id, id)).for('update');
    if (row && row.userId !== ctx.userId) throw notFound('Conversation');
    const messages = mergeTurn((row?.messages ?? []) as UIMessage[], incoming);
    if (messages.length > MAX_STORED_MESSAGES) throw new AppError('conflict', 'This chat is long. Start a new chat to ask more.');
    if (row) {
      await tx.update(assistantConversations).set({ messages, updatedAt: sql`now()` }).where(mine(ctx, id));
    } else {
      const title = textOf(incoming).slice(0, TITLE_LENGTH) || 'New chat';
      await tx.insert(assistantConversations).values({ tenantId: ctx.tenantId, id, userId: ctx.userId, title, messages });
    }
    return messages;
  });
}

/** Saves the conversation as the answer left it (the SDK's full message list). */
export async function saveTurn(ctx: TenantContext, id: string, messages: UIMessage[]): Promise<void> {
  await withTenant(ctx.tenantId, (tx) => tx.update(assistantConversations).set({ messages: messages.slice(-MAX_STORED_MESSAGES), updatedAt: sql`now()` }).where(mine(ctx, id)));
}
