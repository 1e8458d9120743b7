'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export type PickerOption = { id: string; label: string; detail?: string; disabledReason?: string };

/**
 * A search box that lists matches as you type (an ARIA combobox): arrow keys move through the
 * matches, Enter picks, Escape closes. A barcode scanner "types" the code and presses Enter:
 * Enter before the matches arrive picks the first one as soon as they do. After a pick the
 * box clears and keeps focus, ready for the next item.
 */
export function SearchPicker<T>({
  label,
  hint,
  placeholder,
  search,
  toOption,
  onPick,
}: {
  label: string;
  hint?: string;
  placeholder?: string;
  search: (query: string) => Promise<{ items: T[]; error?: string }>;
  toOption: (item: T) => PickerOption;
  onPick: (item: T) => void;
}) {
  const t = useTranslations('admin.picker');
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; items: T[]; error?: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const pickOnArrival = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  // Matches for what is in the box now; older ones are not shown (nor picked by Enter).
  const fresh = results && results.query === query.trim() ? results : null;
  const options = (fresh?.items ?? []).map(toOption);
  const enabled = (i: number) => i >= 0 && i < options.length && !options[i]!.disabledReason;

  const pick = (item: T) => {
    onPick(item);
    setQuery('');
    setResults(null);
    setOpen(false);
    setActive(-1);
    input.current?.focus();
  };

  const run = async (q: string) => {
    const ticket = ++latest.current;
    setSearching(true);
    try {
      const found = await search(q);
      if (ticket !== latest.current) return; // a newer search is on its way
      setResults({ query: q, ...found });
      const first = found.items.findIndex((item) => !toOption(item).disabledReason);
      setActive(first);
      setOpen(true);
      if (pickOnArrival.current) {
        pickOnArrival.current = false;
        if (first >= 0) pick(found.items[first]!);
      }
    } catch {
      if (ticket === latest.current) setResults({ query: q, items: [], error: t('failed') });
    } finally {
      if (ticket === latest.current) setSearching(false);
    }
  };

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      latest.current++;
      setResults(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => void run(q), 250);
    return () => clearTimeout(timer);
  }, [query]); // run() reads the latest props on purpose

  const move = (step: 1 | -1) => {
    if (options.length === 0) return;
    let next = active;
    for (let n = 0; n < options.length; n++) {
      next = (next + step + options.length) % options.length;
      if (enabled(next)) break;
    }
    setActive(next);
    setOpen(true);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      move(1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Escape') {
      if (open) e.preventDefault();
      setOpen(false);
    } else if (e.key === 'Enter') {
      e.preventDefault(); // never submit the surrounding form from here
      const q = query.trim();
      if (!q) return;
      if (fresh && !searching) {
        if (enabled(active)) pick(fresh.items[active]!);
      } else {
        pickOnArrival.current = true;
        void run(q);
      }
    }
  };

  const status = !query.trim()
    ? ''
    : searching
      ? t('searching')
      : fresh?.error
        ? fresh.error
        : fresh
          ? fresh.items.length === 0
            ? t('noMatches')
            : t('matches', { count: fresh.items.length })
          : '';

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="relative">
        <input
          ref={input}
          id={id}
          type="search"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && enabled(active) ? `${id}-opt-${active}` : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          placeholder={placeholder}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={() => fresh && setOpen(true)}
          onBlur={() => setOpen(false)}
          className="block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        {open && fresh && !searching && (
          <ul
            id={listId}
            role="listbox"
            aria-label={t('matchesFor', { query: fresh.query })}
            className="absolute top-full z-20 mt-1 max-h-80 w-full overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 shadow-lg"
          >
            {options.length === 0 && (
              <li className="px-3 py-3 text-sm text-slate-600" role="presentation">
                {fresh.error ?? t('nothingMatches', { query: fresh.query })}
              </li>
            )}
            {options.map((option, i) => (
              <li
                key={option.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={option.disabledReason ? true : undefined}
                onMouseDown={(e) => e.preventDefault()} // keep focus in the box
                onClick={() => enabled(i) && pick(fresh.items[i]!)}
                onMouseEnter={() => enabled(i) && setActive(i)}
                className={`flex min-h-11 cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm ${
                  option.disabledReason ? 'cursor-not-allowed text-slate-500' : i === active ? 'bg-brand-50 text-brand-900' : 'text-slate-900'
                }`}
              >
                <span>
                  <span className="font-medium">{option.label}</span>
                  {option.detail && <span className="block text-xs text-slate-500">{option.detail}</span>}
                </span>
                {option.disabledReason && <span className="text-xs">{option.disabledReason}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      )}
      <p role="status" aria-live="polite" className={query.trim() && searching ? 'text-sm text-slate-500' : 'sr-only'}>
        {status}
      </p>
    </div>
  );
}
