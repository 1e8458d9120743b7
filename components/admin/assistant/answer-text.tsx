import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * A link the assistant may put in an answer: a path of this tenant's admin ("/admin/…"), never
 * another site, a script or a protocol-relative URL — whatever a model or a prompt wrote.
 */
export const isAdminLink = (href: unknown): href is string => typeof href === 'string' && /^\/admin\/[^\s\\]*$/.test(href) && !href.includes('..');

/** `[label](/admin/…)`: the only markup an answer may carry. */
const CITATION = /\[([^\[\]\n]+)\]\(([^()\s]+)\)/g;

/**
 * An assistant's answer as text, its lines kept, with each cited figure `[label](/admin/…)` a
 * link to the page it came from. Any other bracket text (another URL, `javascript:`, HTML) stays
 * plain text: React escapes it, and nothing else of markdown is read.
 */
export function AnswerText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(CITATION)) {
    if (!isAdminLink(m[2])) continue;
    parts.push(text.slice(at, m.index));
    parts.push(
      <Link key={m.index} href={m[2]} className="font-semibold text-brand-700 underline">
        {m[1]}
      </Link>,
    );
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return <p className="whitespace-pre-line">{parts}</p>;
}
