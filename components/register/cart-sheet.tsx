'use client';

import { useEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslations } from 'next-intl';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Where the cart lives. On a tablet or wider it is the column beside the products. On a phone
 * it is a sheet over them, opened from the cart bar: a modal dialog while open (focus moves
 * in and stays in, Escape or "Back to products" closes it, the caller returns the focus).
 * The cart inside is one and the same element at every size, so turning the device keeps it.
 */
export function CartSheet({ id, open, phone, onClose, children }: { id: string; open: boolean; phone: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const t = useTranslations('dialogs');
  const tr = useTranslations('register');
  const sheet = phone && open;

  useEffect(() => {
    if (sheet) ref.current?.querySelector<HTMLElement>('[data-sheet-close]')?.focus();
  }, [sheet]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!sheet || e.defaultPrevented) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      // Keep Tab inside the sheet (what is behind it is covered).
      const all = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])].filter((el) => el.getClientRects().length > 0);
      const first = all[0];
      const last = all.at(-1);
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      id={id}
      ref={ref}
      role={sheet ? 'dialog' : undefined}
      aria-modal={sheet || undefined}
      aria-label={sheet ? tr('currentSale') : undefined}
      onKeyDown={onKeyDown}
      className={`flex min-h-0 flex-col ${open ? 'max-md:fixed max-md:inset-0 max-md:z-30 max-md:bg-white max-md:pt-[env(safe-area-inset-top)]' : 'max-md:hidden'}`}
    >
      <div className="flex items-center border-b border-slate-200 bg-slate-50 px-2 py-1 md:hidden">
        <button
          type="button"
          data-sheet-close
          onClick={onClose}
          className="inline-flex min-h-11 items-center gap-1 rounded-lg px-3 text-sm font-semibold text-brand-700 hover:bg-slate-100"
        >
          <span aria-hidden="true">←</span> {t('backToProducts')}
        </button>
      </div>
      {children}
    </div>
  );
}

/**
 * The phone's way into the cart: a bar under the products with the item count and total
 * ("Cart · 3 items · MMK 4,500"), within reach of the thumb.
 */
export function CartBar({
  barRef,
  sheetId,
  open,
  items,
  total,
  onOpen,
}: {
  barRef: RefObject<HTMLButtonElement | null>;
  sheetId: string;
  open: boolean;
  items: number;
  /** The total as text (the server's quote, or what is due on an order being paid); null: not priced yet. */
  total: string | null;
  onOpen: () => void;
}) {
  const t = useTranslations('dialogs');
  return (
    <button
      ref={barRef}
      type="button"
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={sheetId}
      onClick={onOpen}
      data-testid="cart-bar"
      className="relative flex min-h-14 w-full items-center justify-between gap-3 bg-slate-900 px-4 pb-[env(safe-area-inset-bottom)] text-left text-white md:hidden"
    >
      <span className="font-semibold">{t('cartBar', { count: items })}</span>
      {items > 0 && total && (
        <span className="text-lg font-bold tabular-nums">
          <span className="sr-only"> · </span>
          {total}
        </span>
      )}
    </button>
  );
}
