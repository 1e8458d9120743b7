'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTenantEvents } from '@/components/live/use-tenant-events';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { TicketCard } from './ticket-card';
import type { StationTab, TicketView } from './ticket-view';

const SETTLE_MS = 300;
const TICK_MS = 15_000;
/** Without the live stream (a proxy that buffers it, a network hiccup) the screen still catches up this often. */
const FALLBACK_REFRESH_MS = 20_000;
const STATION_KEY = 'tillwise:kitchen-station';

/**
 * One station's screen: its tickets oldest first with how long each has waited, Bump on each,
 * Recall for the last one bumped. Live: a KitchenTicketsChanged event (any station — the tabs
 * count them all) re-renders the page; the age timers tick on their own. The device remembers
 * its station, so the bar's tablet opens on the bar.
 */
export function KitchenDisplay({
  stations,
  station,
  chosen,
  tickets,
  canRecall,
  serverNow,
  businessName,
  timeZone,
  bumpAction,
  recallAction,
}: {
  stations: StationTab[];
  station: StationTab;
  /** Whether the URL named the station (else the device's remembered one may take over). */
  chosen: boolean;
  tickets: TicketView[];
  canRecall: boolean;
  serverNow: number;
  businessName: string;
  timeZone: string;
  bumpAction: FormAction;
  recallAction: FormAction;
}) {
  const t = useTranslations('kitchen');
  const router = useRouter();
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Fixed at mount from one reading of the browser's clock: two readings could straddle a tick and age every ticket a minute less.
  const [mounted] = useState(() => {
    const at = Date.now();
    return { at, skew: serverNow - at };
  });
  const [now, setNow] = useState(mounted.at);
  const { skew } = mounted;
  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(new Set(tickets.map((t) => t.id)));
  const focusAfterBump = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const recallButton = useRef<HTMLButtonElement>(null);
  const recall = useFormAction(recallAction, null);

  const connected = useTenantEvents(['KitchenTicketsChanged'], () => {
    clearTimeout(settle.current);
    settle.current = setTimeout(() => router.refresh(), SETTLE_MS);
  });

  useEffect(() => () => clearTimeout(settle.current), []);

  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(tick);
  }, []);

  useEffect(() => {
    if (connected) return;
    const poll = setInterval(() => document.visibilityState === 'visible' && router.refresh(), FALLBACK_REFRESH_MS);
    return () => clearInterval(poll);
  }, [connected, router]);

  // The bar's tablet opens on the bar: a station chosen here is remembered on this device.
  useEffect(() => {
    const remembered = localStorage.getItem(STATION_KEY);
    if (!chosen && remembered && remembered !== station.id && stations.some((s) => s.id === remembered)) {
      router.replace(`/kitchen?station=${remembered}`);
    } else {
      localStorage.setItem(STATION_KEY, station.id);
    }
  }, [chosen, station.id, stations, router]);

  // New tickets are announced; after a bump, focus moves to the next ticket's Bump (or Recall).
  useEffect(() => {
    const fresh = tickets.filter((t) => !seen.current.has(t.id));
    fresh.forEach((t) => seen.current.add(t.id));
    if (fresh.length > 0) setAnnouncement(t('announceNew', { count: fresh.length, orders: fresh.map((x) => t('orderRef', { number: x.orderNumber })).join(', ') }));
    if (focusAfterBump.current !== null) {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-bump]') ?? [];
      (buttons[Math.min(focusAfterBump.current, buttons.length - 1)] ?? recallButton.current)?.focus();
      focusAfterBump.current = null;
    }
  }, [tickets]); // eslint-disable-line react-hooks/exhaustive-deps -- only new tickets matter, not a new t

  useEffect(() => {
    if (recall.state?.ok) setAnnouncement(recall.state.ok);
  }, [recall.state]);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <nav aria-label={t('stations')} className="flex flex-wrap gap-2">
          {stations.map((s) => (
            <Link
              key={s.id}
              href={`/kitchen?station=${s.id}`}
              aria-current={s.id === station.id ? 'page' : undefined}
              onClick={() => localStorage.setItem(STATION_KEY, s.id)}
              className="inline-flex min-h-12 items-center gap-2 rounded-xl px-4 text-base font-semibold ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white aria-[current=page]:ring-brand-700"
            >
              {s.name}
              <span className="rounded-full bg-slate-900/10 px-2 text-sm tabular-nums" aria-label={t('openCount', { count: s.open })}>
                {s.open}
              </span>
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-3">
          <p className="flex items-center gap-2 text-sm text-slate-600" role="status" data-testid="live-status">
            <span aria-hidden className={`inline-block size-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-slate-300'}`} />
            {connected ? t('live') : t('connecting')}
          </p>
          <form onSubmit={recall.onSubmit}>
            <input type="hidden" name="stationId" value={station.id} />
            <button ref={recallButton} type="submit" disabled={!canRecall || recall.pending} className={buttonClass('secondary', 'min-h-12 px-5 text-base')}>
              {recall.pending ? t('recalling') : t('recallLast')}
            </button>
          </form>
        </div>
      </div>

      <main className="flex-1 bg-slate-100 px-4 py-4">
        <h1 className="mb-3 text-xl font-bold">
          {station.name} <span className="font-normal text-slate-600">· {t('ticketCount', { count: tickets.length })}</span>
        </h1>
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
        {recall.state?.error && (
          <div className="mb-3">
            <Alert tone="error">{recall.state.error}</Alert>
          </div>
        )}
        {tickets.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-16 text-center text-lg text-slate-600" data-testid="kitchen-empty">
            {t('empty', { station: station.name })}
          </p>
        ) : (
          <ul ref={list} className="grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] items-start gap-4">
            {tickets.map((ticket, index) => (
              <TicketCard
                key={ticket.id}
                ticket={ticket}
                age={{ now, skew }}
                stationName={station.name}
                businessName={businessName}
                timeZone={timeZone}
                bumpAction={bumpAction}
                onBumped={(message) => {
                  focusAfterBump.current = index;
                  setAnnouncement(message);
                }}
              />
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}
