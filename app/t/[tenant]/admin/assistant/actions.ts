'use server';

import { conversationIdSchema, deleteConversation, renameConversation, renameConversationSchema } from '@/lib/assistant';
import { getTranslations } from 'next-intl/server';
import { staffAction, type FormState } from '@/lib/auth';

/** Renames one of the person's chats (the side list's rename form). */
export async function renameChatAction(input: { id: string; title: string }): Promise<FormState> {
  return staffAction('assistant:use', renameConversationSchema, input, async (ctx, data) => {
    await renameConversation(ctx, data);
    const t = await getTranslations('admin.assistant.chats');
    return t('renamed');
  });
}

/** Deletes one of the person's chats. */
export async function deleteChatAction(id: string): Promise<FormState> {
  return staffAction('assistant:use', conversationIdSchema, id, async (ctx, chat) => {
    await deleteConversation(ctx, chat);
    const t = await getTranslations('admin.assistant.chats');
    return t('deleted');
  });
}
