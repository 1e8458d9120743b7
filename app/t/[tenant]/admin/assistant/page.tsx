import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AssistantChat } from '@/components/admin/assistant/assistant-chat';
import { ConversationList } from '@/components/admin/assistant/conversation-list';
import { ACTION_TOOLS, assistantModel, conversationIdSchema, getConversation, listConversations, SUGGESTIONS } from '@/lib/assistant';
import { requireStaff } from '@/lib/auth';
import { firstParam } from '@/components/ui/pager';
import { deleteChatAction, renameChatAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const tt = await getTranslations('admin.titles');
  return { title: tt('assistant') };
}

/** Brand names stay as they are; the other two are described in the reader's words. */
const BRANDS = { openai: 'OpenAI', github: 'GitHub Models' } as const;

/**
 * The sales assistant: a streaming chat that answers from this business's own figures (owners
 * and managers), with the person's past chats beside it. `?c=<id>` opens one of them; an id
 * that is not theirs opens a new chat rather than saying whether it exists.
 */
export default async function AssistantPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireStaff('assistant:use');
  const asked = conversationIdSchema.safeParse(firstParam((await searchParams).c));
  const [chats, open] = await Promise.all([listConversations(ctx), asked.success ? getConversation(ctx, asked.data) : Promise.resolve(null)]);
  const conversationId = open?.id ?? crypto.randomUUID();
  const { provider, modelId } = assistantModel();
  const t = await getTranslations('admin.assistant');
  const model = provider === 'openai' || provider === 'github' ? BRANDS[provider] : t(`model.${provider}`);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-slate-600">
          {t('intro', { business: ctx.tenant.name, model, hasId: provider === 'offline' ? 'no' : 'yes', modelId })}
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <ConversationList
          chats={chats.map((c) => ({ id: c.id, title: c.title, updatedAt: c.updatedAt.toISOString() }))}
          current={open?.id ?? null}
          timeZone={ctx.tenant.timeZone}
          rename={renameChatAction}
          remove={deleteChatAction}
        />
        <AssistantChat
          key={conversationId} // another chat is another useChat
          conversationId={conversationId}
          initialMessages={open?.messages ?? []}
          actionTools={ACTION_TOOLS}
          currency={ctx.tenant.currency}
          suggestions={SUGGESTIONS.map((s) => t(`suggestions.${s}`))}
        />
      </div>
    </div>
  );
}
