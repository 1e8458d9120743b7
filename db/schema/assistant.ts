import { sql } from 'drizzle-orm';
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { tenants } from './tenancy';

/**
 * A conversation with the sales assistant (lib/assistant/conversations.ts): one person's, in
 * one business. `messages` is the AI SDK's UIMessage list as the server last saved it — the
 * server's copy is the conversation; a client only ever adds a question or an approval.
 */
export const assistantConversations = pgTable(
  'assistant_conversations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    messages: jsonb('messages').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId], foreignColumns: [tenants.id], name: 'assistant_conversations_tenant_fk' }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id], name: 'assistant_conversations_user_fk' }),
    // The side list: a person's chats, most recent first.
    index('assistant_conversations_user_idx').on(t.tenantId, t.userId, t.updatedAt),
  ],
);
