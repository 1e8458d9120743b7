import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  CircuitState,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IBreaker,
} from 'cockatiel';
import { config } from '@/lib/platform/config';
import { AppError } from '@/lib/platform/errors';
import { logger } from '@/lib/platform/logger';

/**
 * The card payment gateway, over HTTP, behind resilience policies:
 * - timeout per attempt (GATEWAY_TIMEOUT_MS);
 * - retry with jittered exponential backoff (GATEWAY_RETRIES), always with the SAME
 *   idempotency key, so a retry after a lost answer can never charge twice;
 * - circuit breaker: opens after BREAKER_FAILURES consecutive failures, half-opens after
 *   BREAKER_HALF_OPEN_MS, closes after BREAKER_SUCCESSES successes in a row.
 * Declines are answers, not failures: they neither retry nor count toward the breaker.
 */

/**
 * The gateway could not be reached or failed (5xx, timeout, network, breaker open).
 * `notProcessed`: certainly nothing happened (the breaker stopped the call, or the gateway
 * answered 503); otherwise the outcome is unknown and must be asked for by idempotency key.
 */
export class GatewayUnavailableError extends AppError {
  constructor(
    message: string,
    readonly breakerOpen = false,
    readonly notProcessed = breakerOpen,
  ) {
    super('unavailable', breakerOpen ? 'Card payments are unavailable right now — nothing was charged. Take cash.' : message);
    this.name = 'GatewayUnavailableError';
  }
}

/**
 * cockatiel closes a half-open circuit after one successful test call. We want two: after the
 * test succeeds the breaker stays on probation, and any failure before the second success
 * opens the circuit again at once.
 */
class ProbationBreaker implements IBreaker {
  state = { failures: 0, probation: 0 };
  constructor(
    private readonly threshold: number,
    private readonly successesToClose: number,
  ) {}

  success(circuit: CircuitState): void {
    this.state.failures = 0;
    if (circuit === CircuitState.HalfOpen) this.state.probation = this.successesToClose - 1;
    else if (this.state.probation > 0) this.state.probation--;
  }

  failure(circuit: CircuitState): boolean {
    if (circuit === CircuitState.HalfOpen || this.state.probation > 0) {
      this.state = { failures: 0, probation: 0 };
      return true;
    }
    this.state.failures++;
    if (this.state.failures < this.threshold) return false;
    this.state.failures = 0;
    return true;
  }
}

export type BreakerState = 'closed' | 'open' | 'half_open';

type Resilience = { policy: { execute<T>(fn: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> }; breaker: CircuitBreakerPolicy; probation: ProbationBreaker; openedAt: number | null };
const g = globalThis as typeof globalThis & { __tillwiseGateway?: Resilience };

function resilience(): Resilience {
  if (g.__tillwiseGateway) return g.__tillwiseGateway;
  const c = config();
  const transient = handleWhen((err) => err instanceof GatewayUnavailableError || err instanceof TaskCancelledError);
  const probation = new ProbationBreaker(c.BREAKER_FAILURES, c.BREAKER_SUCCESSES);
  const breaker = circuitBreaker(transient, { halfOpenAfter: c.BREAKER_HALF_OPEN_MS, breaker: probation });
  const retryPolicy = retry(
    handleWhen((err) => (err instanceof GatewayUnavailableError && !err.breakerOpen) || err instanceof TaskCancelledError),
    { maxAttempts: c.GATEWAY_RETRIES, backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 2000 }) },
  );
  const state: Resilience = {
    policy: wrap(retryPolicy, breaker, timeout(c.GATEWAY_TIMEOUT_MS, TimeoutStrategy.Aggressive)),
    breaker,
    probation,
    openedAt: null,
  };
  breaker.onBreak(() => {
    state.openedAt = Date.now();
    logger.warn('card gateway circuit opened');
  });
  breaker.onReset(() => logger.info('card gateway circuit half-closed (on probation)'));
  g.__tillwiseGateway = state;
  return state;
}

/** For the register and /api/ready: what card payments would do right now. */
export function breakerStatus(): { state: BreakerState; openedAt: string | null } {
  const r = resilience();
  const cockatielState = r.breaker.state;
  // cockatiel half-opens only when the next call comes; past the window, that call is allowed.
  const windowOver = r.openedAt !== null && Date.now() - r.openedAt >= config().BREAKER_HALF_OPEN_MS;
  const state: BreakerState =
    cockatielState === CircuitState.Isolated || (cockatielState === CircuitState.Open && !windowOver)
      ? 'open'
      : cockatielState === CircuitState.Closed && r.probation.state.probation === 0
        ? 'closed'
        : 'half_open';
  return { state, openedAt: state === 'open' && r.openedAt ? new Date(r.openedAt).toISOString() : null };
}

/** Tests shorten the windows through the environment, then start from a closed breaker. */
export function resetGatewayPolicies(): void {
  g.__tillwiseGateway = undefined;
}

export type GatewayPayment = {
  id: string;
  status: 'captured' | 'authorized' | 'declined';
  amount: number;
  currency: string;
  declineCode?: string;
  idempotencyKey: string;
};

export type GatewayRefund = { id: string; paymentId: string; amount: number; status: 'succeeded' };

async function call<T>(method: string, path: string, body: unknown, idempotencyKey: string | null): Promise<{ status: number; body: T }> {
  const { PAYMENT_GATEWAY_URL, PAYMENT_GATEWAY_KEY } = config();
  return resilience().policy.execute(async ({ signal }): Promise<{ status: number; body: T }> => {
    let res: Response;
    try {
      res = await fetch(new URL(path, PAYMENT_GATEWAY_URL), {
        method,
        signal,
        headers: {
          authorization: `Bearer ${PAYMENT_GATEWAY_KEY}`,
          'content-type': 'application/json',
          ...(idempotencyKey && { 'idempotency-key': idempotencyKey }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      if (signal.aborted) throw err; // the timeout policy's cancellation
      throw new GatewayUnavailableError('The card gateway could not be reached');
    }
    // 503: the gateway refused to process anything. 409: a duplicate of a request still in
    // flight there. Both are retried with the same key; other 5xx may or may not have happened.
    if (res.status >= 500 || res.status === 409) {
      throw new GatewayUnavailableError(`The card gateway answered ${res.status}`, false, res.status === 503);
    }
    return { status: res.status, body: (await res.json()) as T };
  });
}

/** Maps what the policies throw to our errors (BrokenCircuitError: fail fast, breaker open). */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BrokenCircuitError) throw new GatewayUnavailableError('breaker open', true);
    if (err instanceof TaskCancelledError) throw new GatewayUnavailableError('The card gateway did not answer in time');
    throw err;
  }
}

/** Charges a card (authorize + capture). The key makes any number of attempts charge at most once. */
export function chargeCard(input: {
  merchant: string;
  amount: number;
  currency: string;
  source: string;
  reference: string;
  idempotencyKey: string;
}): Promise<GatewayPayment> {
  return guarded(async () => {
    const { idempotencyKey, ...body } = input;
    const res = await call<GatewayPayment & { error?: { code: string; message: string } }>('POST', '/v1/payments', body, idempotencyKey);
    if (res.status === 201 || res.status === 402) return res.body;
    throw new AppError('bad_request', res.body.error?.message ?? `The card gateway refused the request (${res.status})`);
  });
}

/** What the gateway knows of a payment we started with this key (crash recovery). */
export function findPaymentByKey(merchant: string, idempotencyKey: string): Promise<GatewayPayment | null> {
  return guarded(async () => {
    const query = new URLSearchParams({ merchant, idempotency_key: idempotencyKey });
    const res = await call<{ data: GatewayPayment[] }>('GET', `/v1/payments?${query}`, undefined, null);
    if (res.status !== 200) throw new GatewayUnavailableError(`The card gateway answered ${res.status}`);
    return res.body.data[0] ?? null;
  });
}

export function refundCard(input: { paymentId: string; amount: number; reason: string; idempotencyKey: string }): Promise<GatewayRefund> {
  return guarded(async () => {
    const res = await call<GatewayRefund & { error?: { code: string; message: string } }>(
      'POST',
      `/v1/payments/${encodeURIComponent(input.paymentId)}/refunds`,
      { amount: input.amount, reason: input.reason },
      input.idempotencyKey,
    );
    if (res.status === 201) return res.body;
    throw new AppError('unprocessable', res.body.error?.message ?? `The card gateway refused the refund (${res.status})`);
  });
}
