'use client';

import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses, type UIMessage } from 'ai';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApprovalCard } from './approval-card';
import { AnswerText } from './answer-text';
import { ToolCard } from './tool-card';

const API = '/api/v1/assistant/chat';

/** The error body's message (`{ error: { message } }`, shown as sent), else the generic line. */
function messageOf(error: Error, unavailable: string): string {
  try {
    return (JSON.parse(error.message) as { error?: { message?: string } }).error?.message ?? unavailable;
  } catch {
    return error.message || unavailable;
  }
}

type ToolPart = { type: string; state: string; input?: Record<string, any>; output?: Record<string, any>; approval?: { id: string } };

/**
 * The chat: streamed answers, a card per tool call (an approval card for a change), suggestions
 * while empty, and clear waiting, error and rate-limit states. The server keeps the conversation:
 * each request carries only the new message (a question, or the approve/deny of a change).
 */
export function AssistantChat({
  conversationId,
  initialMessages,
  actionTools,
  currency,
  suggestions,
}: {
  conversationId: string;
  initialMessages: UIMessage[];
  actionTools: readonly string[];
  currency: string;
  suggestions: string[];
}) {
  const t = useTranslations('admin.assistant');
  const router = useRouter();
  const [limitedFor, setLimitedFor] = useState<number | null>(null);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const transport = useMemo(
    () =>
      new DefaultChatTransport<UIMessage>({
        api: API,
        prepareSendMessagesRequest: ({ id, messages }) => ({ body: { id, message: messages.at(-1) } }),
        fetch: async (url, init) => {
          const res = await fetch(url, init);
          setLimitedFor(res.status === 429 ? Number(res.headers.get('retry-after')) || 60 : null);
          return res;
        },
      }),
    [],
  );
  const { messages, sendMessage, status, error, stop, addToolApprovalResponse } = useChat({
    id: conversationId,
    messages: initialMessages,
    transport,
    // An approve/deny goes to the server at once, which applies the change and answers.
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onFinish: () => {
      // The chat now exists: its address resumes it after a reload, and the side list shows it.
      if (!new URLSearchParams(window.location.search).has('c')) window.history.replaceState(null, '', `?c=${conversationId}`);
      router.refresh();
    },
  });
  const busy = status === 'submitted' || status === 'streaming';

  const send = (text: string) => {
    const question = text.trim();
    if (!question || busy) return;
    setDraft('');
    void sendMessage({ text: question });
    input.current?.focus();
  };

  return (
    <div className="flex max-w-3xl flex-col gap-4">
      <div aria-live="polite" aria-busy={busy} className="space-y-4">
        {messages.length === 0 && (
          <div>
            <p className="mb-2 text-slate-600">{t('try')}</p>
            <ul className="flex flex-wrap gap-2">
              {suggestions.map((s) => (
                <li key={s}>
                  <button type="button" onClick={() => send(s)} className="rounded-full border border-slate-300 bg-white px-3 py-1.5 text-sm hover:border-brand-600">
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {messages.map((m) => (
          <article key={m.id} aria-label={m.role === 'user' ? t('youAsked') : t('assistant')} className={m.role === 'user' ? 'ml-auto max-w-[85%] rounded-xl bg-brand-50 px-4 py-2' : 'max-w-[95%]'}>
            {m.parts.map((part, i) => {
              if (part.type === 'text') return m.role === 'assistant' ? <AnswerText key={i} text={part.text} /> : <p key={i} className="whitespace-pre-line">{part.text}</p>;
              if (part.type.startsWith('tool-')) {
                const p = part as ToolPart;
                const tool = p.type.slice(5);
                if (actionTools.includes(tool)) {
                  const answer = (approved: boolean) => p.approval && void addToolApprovalResponse({ id: p.approval.id, approved });
                  return <ApprovalCard key={i} tool={tool} state={p.state} input={p.input} output={p.output} onAnswer={answer} />;
                }
                return <ToolCard key={i} tool={tool} state={p.state} input={p.input} output={p.output} currency={currency} />;
              }
              return null;
            })}
          </article>
        ))}
        {status === 'submitted' && <p className="text-slate-500">{t('thinking')}</p>}
      </div>

      {limitedFor !== null ? (
        <Alert tone="info">{t('rateLimited', { seconds: limitedFor })}</Alert>
      ) : (
        error && <Alert tone="error">{messageOf(error, t('unavailable'))}</Alert>
      )}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(draft);
        }}
        className="flex items-end gap-2"
      >
        <label htmlFor="assistant-question" className="sr-only">
          {t('yourQuestion')}
        </label>
        <textarea
          id="assistant-question"
          ref={input}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              send(draft);
            }
          }}
          rows={2}
          maxLength={2000}
          placeholder={t('placeholder')}
          className="min-h-11 flex-1 rounded-lg border border-slate-300 px-3 py-2"
        />
        {busy ? (
          <Button type="button" variant="secondary" onClick={() => void stop()}>
            {t('stop')}
          </Button>
        ) : (
          <Button type="submit" disabled={!draft.trim()}>
            {t('ask')}
          </Button>
        )}
      </form>
    </div>
  );
}
