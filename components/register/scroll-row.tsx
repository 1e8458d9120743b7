'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { scrollEdges } from './list-keys';

/**
 * A row of chips that scrolls sideways (menus, categories, a menu's sections) and shows that it
 * does: the end with more chips fades out and gets a round ‹ / › button. The buttons are for
 * touch and mouse only (hidden from screen readers, not in the Tab order): a keyboard reaches
 * every chip with Tab and the browser scrolls each into view as it takes the focus.
 */
export function ScrollRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ before: false, after: false });

  useEffect(() => {
    const row = ref.current;
    if (!row) return;
    const update = () => {
      const next = scrollEdges(row.scrollLeft, row.clientWidth, row.scrollWidth);
      setEdges((prev) => (prev.before === next.before && prev.after === next.after ? prev : next));
    };
    update();
    row.addEventListener('scroll', update, { passive: true });
    // The row resizes with the screen; its chips change with the menu shown.
    const resized = new ResizeObserver(update);
    resized.observe(row);
    const changed = new MutationObserver(update);
    changed.observe(row, { childList: true, subtree: true, characterData: true });
    return () => {
      row.removeEventListener('scroll', update);
      resized.disconnect();
      changed.disconnect();
    };
  }, []);

  const scroll = (direction: 1 | -1) => ref.current?.scrollBy({ left: direction * ref.current.clientWidth * 0.75 });
  const arrow = 'absolute top-1/2 z-10 inline-flex size-9 -translate-y-1/2 items-center justify-center rounded-full bg-white text-xl font-bold leading-none text-slate-800 shadow-md ring-1 ring-slate-300 hover:bg-slate-100';

  return (
    <div className="relative" data-testid={testId} data-scroll-before={edges.before || undefined} data-scroll-after={edges.after || undefined}>
      <div ref={ref} role="group" aria-label={label} className="-mx-1 flex items-center gap-1.5 overflow-x-auto px-1 py-0.5 [scrollbar-width:none] motion-safe:scroll-smooth [&::-webkit-scrollbar]:hidden">
        {children}
      </div>
      {edges.before && (
        <>
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 -left-1 w-14 bg-gradient-to-r from-white via-white/80 to-transparent" />
          <button type="button" aria-hidden="true" tabIndex={-1} onClick={() => scroll(-1)} className={`${arrow} -left-1`} data-testid="scroll-back">
            ‹
          </button>
        </>
      )}
      {edges.after && (
        <>
          <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 -right-1 w-14 bg-gradient-to-l from-white via-white/80 to-transparent" />
          <button type="button" aria-hidden="true" tabIndex={-1} onClick={() => scroll(1)} className={`${arrow} -right-1`} data-testid="scroll-more">
            ›
          </button>
        </>
      )}
    </div>
  );
}
