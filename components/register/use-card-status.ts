'use client';

import { useCallback, useEffect, useState } from 'react';
import { api } from './api';

export type CardState = 'closed' | 'open' | 'half_open';
const POLL_MS = 15_000;

/**
 * Whether card payments work: GET /api/v1/payments/status every 15 s, and at once after a
 * card payment answered 503 (the breaker may just have opened). `open`: the gateway is being
 * kept at arm's length — take cash; `half_open`: it is being tried again.
 */
export function useCardStatus() {
  const [state, setState] = useState<CardState>('closed');

  const check = useCallback(async () => {
    const result = await api<{ card?: { state?: CardState } }>('/api/v1/payments/status', { retries: 0, timeoutMs: 10_000 });
    if (result.ok && result.data.card?.state) setState(result.data.card.state);
  }, []);

  useEffect(() => {
    void check();
    const timer = setInterval(() => void check(), POLL_MS);
    return () => clearInterval(timer);
  }, [check]);

  /**
   * A card payment answered 503. The breaker's own answer ("unavailable right now") means it
   * is open: show that at once; anything else (a single failure) waits for the status.
   */
  const reportUnavailable = useCallback(
    (message: string) => {
      if (/unavailable right now/i.test(message)) setState('open');
      void check();
    },
    [check],
  );

  return { state, reportUnavailable };
}
