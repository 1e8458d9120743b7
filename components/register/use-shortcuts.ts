'use client';

import { useEffect, useRef } from 'react';

type Handlers = {
  focusSearch: () => void;
  pay: () => void;
  step: (by: number) => void;
  removeSelected: () => void;
  toggleHelp: () => void;
};

/** A control that takes typed text (where keys are the person's, not shortcuts or scans). */
export const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || (el.tagName === 'INPUT' && !['button', 'checkbox', 'radio', 'submit'].includes((el as HTMLInputElement).type)));

/**
 * The register's keys: `/` search, F2 or Ctrl+Enter pay, `+`/`−` and Delete on the selected
 * line, `?` help. Never while a dialog is open (Esc closes those natively). Inside a text
 * field only F2/Ctrl+Enter count — except the empty search box (where the register rests):
 * a SKU cannot start with + or −, so there they still act on the selected line, and `/` is
 * swallowed rather than typed (a search for "1/4 in" still types its slash after the 1).
 */
export function useShortcuts(handlers: Handlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const h = ref.current;
      if (e.key === 'F2' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        h.pay();
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target;
      const inSearch = target instanceof HTMLInputElement && target.hasAttribute('data-register-search');
      const emptySearch = inSearch && (target as HTMLInputElement).value === '';
      if (isTextField(target) && !emptySearch) return;
      if (e.key === '/') {
        // Already in the (empty) search box: the shortcut is done, a "/" would only be typed there.
        e.preventDefault();
        if (!inSearch) h.focusSearch();
      } else if (e.key === '?') {
        e.preventDefault();
        h.toggleHelp();
      } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        h.step(1);
      } else if (e.key === '-' || e.key === '−' || e.key === 'Subtract') {
        e.preventDefault();
        h.step(-1);
      } else if (e.key === 'Delete') {
        e.preventDefault();
        h.removeSelected();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
