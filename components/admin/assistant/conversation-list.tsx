'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useFormats } from '@/components/ui/formats';

type Chat = { id: string; title: string; updatedAt: string };
type Outcome = { error?: string; fieldErrors?: Record<string, string> } | null;

/**
 * The person's past chats, newest first: open one (its id in the URL, so a reload or another
 * device resumes it), rename it in place, or delete it (asked once). "New chat" starts afresh.
 */
export function ConversationList({
  chats,
  current,
  timeZone,
  rename,
  remove,
}: {
  chats: Chat[];
  current: string | null;
  timeZone: string;
  rename: (input: { id: string; title: string }) => Promise<Outcome>;
  remove: (id: string) => Promise<Outcome>;
}) {
  const t = useTranslations('admin.assistant.chats');
  const f = useFormats();
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const run = (work: () => Promise<Outcome>, after?: () => void) =>
    start(async () => {
      const result = await work();
      const error = result?.fieldErrors ? Object.values(result.fieldErrors)[0] : result?.error;
      setProblem(error ?? null);
      if (!error) after?.();
    });

  return (
    <nav aria-label={t('label')} className="space-y-3">
      <Link href="/admin/assistant" className="block rounded-lg bg-brand-600 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-brand-700">
        {t('new')}
      </Link>
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
      {chats.length === 0 ? (
        <p className="text-sm text-slate-500">{t('empty')}</p>
      ) : (
        <ul className="space-y-1" aria-busy={pending}>
          {chats.map((chat) => (
            <li key={chat.id} className={`group rounded-lg ${chat.id === current ? 'bg-brand-50 ring-1 ring-brand-200' : 'hover:bg-slate-100'}`}>
              {editing === chat.id ? (
                <form
                  className="flex gap-1 p-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const title = String(new FormData(e.currentTarget).get('title') ?? '');
                    run(() => rename({ id: chat.id, title }), () => setEditing(null));
                  }}
                >
                  <label htmlFor={`title-${chat.id}`} className="sr-only">
                    {t('name')}
                  </label>
                  <input
                    id={`title-${chat.id}`}
                    name="title"
                    defaultValue={chat.title}
                    maxLength={80}
                    autoFocus
                    onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                    className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
                  />
                  <button type="submit" className="rounded px-2 text-sm font-semibold text-brand-700">
                    {t('save')}
                  </button>
                </form>
              ) : (
                <div className="flex items-center gap-1">
                  <Link href={`/admin/assistant?c=${chat.id}`} aria-current={chat.id === current ? 'page' : undefined} className="min-w-0 flex-1 px-3 py-2">
                    <span className="block truncate text-sm font-medium">{chat.title}</span>
                    <span className="block text-xs text-slate-500">{f.dateTime(chat.updatedAt, timeZone)}</span>
                  </Link>
                  <button type="button" onClick={() => setEditing(chat.id)} className="rounded px-1.5 py-1 text-xs text-slate-600 hover:bg-white" aria-label={t('renameLabel', { title: chat.title })}>
                    {t('rename')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (!window.confirm(t('confirmDelete', { title: chat.title }))) return;
                      run(() => remove(chat.id), () => chat.id === current && router.push('/admin/assistant'));
                    }}
                    className="rounded px-1.5 py-1 text-xs text-red-700 hover:bg-white"
                    aria-label={t('deleteLabel', { title: chat.title })}
                  >
                    {t('delete')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
