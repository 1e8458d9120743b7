'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A modal built on <dialog>.showModal(): the browser traps focus and closes it on Esc. The
 * element focused before opening gets focus back on close. Content mounts only while open,
 * so every opening starts fresh. `[data-autofocus]` inside gets the first focus.
 * While `busy` (a payment in flight), Esc does not close it. Its content keeps the tallest
 * height it has had since opening (`KeptHeight`), so switching a tender, a check starting or
 * an error going away never makes the dialog shrink and jump under the person's finger.
 */
export function Modal({
  open,
  onClose,
  title,
  description,
  children,
  size = 'md',
  busy = false,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  busy?: boolean;
  testId?: string;
}) {
  const tc = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const onCloseRef = useRef(onClose);
  const busyRef = useRef(busy);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
    busyRef.current = busy;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('[data-autofocus]');
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => {
      onCloseRef.current();
      const target = returnTo.current;
      returnTo.current = null;
      // Back to where the person was; if that is gone, the search box (the register's home).
      if (target && target.isConnected && !target.closest('dialog:not([open])')) target.focus();
      else document.querySelector<HTMLElement>('[data-register-search]')?.focus();
    };
    const handleCancel = (event: Event) => {
      if (busyRef.current) event.preventDefault();
    };
    dialog.addEventListener('close', handleClose);
    dialog.addEventListener('cancel', handleCancel);
    return () => {
      dialog.removeEventListener('close', handleClose);
      dialog.removeEventListener('cancel', handleCancel);
    };
  }, []);

  const width = { sm: 'w-[min(24rem,94vw)]', md: 'w-[min(32rem,94vw)]', lg: 'w-[min(44rem,96vw)]', xl: 'w-[min(56rem,96vw)]' }[size];
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      className={`m-auto max-h-[94dvh] ${width} overflow-hidden rounded-2xl p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/50`}
    >
      {open && (
        <div className="flex max-h-[94dvh] flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-3">
            <div>
              <h2 id={titleId} className="text-lg font-bold">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="text-sm text-slate-600">
                  {description}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={() => ref.current?.close()}
              disabled={busy}
              className="-mr-2 inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-2xl leading-none text-slate-600 hover:bg-slate-100 disabled:opacity-40"
              aria-label={tc('close')}
            >
              ×
            </button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <KeptHeight>{children}</KeptHeight>
          </div>
        </div>
      )}
    </dialog>
  );
}

/**
 * Grows with its content and never shrinks back while mounted (a Modal mounts its content per
 * opening, so each opening starts from its own height). Taller than the screen, the dialog's
 * body scrolls.
 */
function KeptHeight({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    let tallest = 0;
    const observer = new ResizeObserver(() => {
      const height = box.offsetHeight;
      if (height <= tallest) return;
      tallest = height;
      box.style.minHeight = `${height}px`;
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} data-kept-height>
      {children}
    </div>
  );
}
