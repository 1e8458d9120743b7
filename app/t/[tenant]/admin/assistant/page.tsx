import type { Metadata } from 'next';
import { AssistantChat } from '@/components/admin/assistant/assistant-chat';
import { assistantModel, SUGGESTIONS } from '@/lib/assistant';
import { requireStaff } from '@/lib/auth';

export const metadata: Metadata = { title: 'Assistant' };

const MODEL_NAMES = { openai: 'OpenAI', github: 'GitHub Models', compatible: 'your OpenAI-compatible server', offline: 'the built-in offline model' } as const;

/** The sales assistant: a streaming chat that answers from this business's own figures (owners and managers). */
export default async function AssistantPage() {
  const ctx = await requireStaff('assistant:use');
  const { provider, modelId } = assistantModel();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Assistant</h1>
        <p className="text-slate-600">
          Answers come from {ctx.tenant.name}’s own sales, stock, tables and orders. Model: {MODEL_NAMES[provider]}
          {provider === 'offline' ? '' : ` (${modelId})`}.
        </p>
      </header>
      <AssistantChat currency={ctx.tenant.currency} suggestions={SUGGESTIONS} />
    </div>
  );
}
