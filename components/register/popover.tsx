'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

/**
 * A light-dismiss popover (the HTML popover API: Esc and a click outside close it), opened
 * from a button that reports its state with aria-expanded.
 */
export function usePopover() {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onToggle = (event: Event) => setOpen((event as ToggleEvent).newState === 'open');
    el.addEventListener('toggle', onToggle);
    return () => el.removeEventListener('toggle', onToggle);
  }, []);
  const toggle = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (el.matches(':popover-open')) el.hidePopover();
    else {
      el.showPopover();
      el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }, []);
  const hide = useCallback(() => {
    if (ref.current?.matches(':popover-open')) ref.current.hidePopover();
  }, []);
  return { ref, open, toggle, hide };
}

export function Popover({ popoverRef, id, label, children }: { popoverRef: RefObject<HTMLDivElement | null>; id: string; label: string; children: ReactNode }) {
  return (
    <div
      ref={popoverRef}
      id={id}
      popover="auto"
      role="dialog"
      aria-label={label}
      className="fixed inset-auto right-3 top-32 m-0 w-[min(22rem,94vw)] rounded-xl border border-slate-200 bg-white p-4 text-slate-900 shadow-2xl"
    >
      {children}
    </div>
  );
}
