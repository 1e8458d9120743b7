import {
  CircuitBreakerPolicy,
  CircuitState,
  ExponentialBackoff,
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
import { inSpan } from '@/lib/platform/tracing';

/**
 * The card payment gateway, over HTTP, behind resilience policies:
 * - timeout per attempt (GATEWAY_TIMEOUT_MS);
 * - retry with jittered exponential backoff (GATEWAY_RETRIES), always with the SAME
 *   idempotency key, so a retry after a lost answer can never charge twice;
 * - circuit breaker: opens after BREAKER_FAILURES consecutive failures, half-opens after
 *   BREAKER_HALF_OPEN_MS, closes after BREAKER_SUCCESSES successes in a row.
 * Declines are answers, not failures: they neither retry nor count toward the breaker; nor
 * are other 4xx (refusals), except 409 `request_in_progress`.
 * No gateway message ever reaches a client: errors carry our words, the gateway's are logged.
 */

/** What the cashier reads when the gateway failed and certainly took nothing. */
const NOT_CHARGED = 'The card service is not answering — nothing was charged. Take cash or try again.';
const BREAKER_OPEN = 'Card payments are unavailable right now — nothing was charged. Take cash.';
/** …and when it may have taken something: only the gateway can tell, later. */
const MAYBE_CHARGED = 'The card service did not answer, so the card may have been charged. Checking the card — do not charge it again.';

/**
 * The gateway could not be reached or failed (5xx, timeout, network, breaker open).
 * `notProcessed`: EVERY attempt certainly did not reach it (never sent because the breaker
 * was open, connection refused, or answered 503, which the gateway promises changes
 * nothing); otherwise the outcome is unknown and must be asked for by idempotency key.
 * The message is ours; the gateway's own reason is only logged.
 */
export class GatewayUnavailableError extends AppError {
  /** The brand the shared breaker tells these errors by (see isUnavailable). */
  readonly gatewayUnavailable = true;
  readonly breakerOpen: boolean;
  readonly notProcessed: boolean;
  constructor(
    readonly reason: string,
    { breakerOpen = false, notProcessed = breakerOpen }: { breakerOpen?: boolean; notProcessed?: boolean } = {},
  ) {
    super('unavailable', !notProcessed ? MAYBE_CHARGED : breakerOpen ? BREAKER_OPEN : NOT_CHARGED);
    this.name = 'GatewayUnavailableError';
    this.breakerOpen = breakerOpen;
    this.notProcessed = notProcessed;
  }
}

/** Our words for the gateway's refusal codes (its own messages may name internals). */
const GATEWAY_WORDS: Record<string, string> = {
  not_found: 'The card service has no record of this card payment.',
  payment_not_captured: 'The card payment was never completed, so there is nothing to refund on the card.',
  amount_exceeds_refundable: 'The card service says that is more than is left to refund on this card.',
  payment_declined: 'The card was declined.',
  invalid_source: 'The card could not be read. Try again or take cash.',
  invalid_request: 'The card service could not process this request.',
};

/** A definitive answer from the gateway refusing the request (4xx): nothing moved. */
export class GatewayRefusedError extends AppError {
  constructor(
    readonly gatewayStatus: number,
    readonly gatewayCode: string,
  ) {
    super('unprocessable', GATEWAY_WORDS[gatewayCode] ?? 'The card service refused the request.');
    this.name = 'GatewayRefusedError';
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

/**
 * The policies live on globalThis, shared by every copy of this module the server bundles (next
 * build gives pages and route handlers their own copies), so the register's status and every
 * route's payments see one breaker. Their predicates therefore tell errors by brand, never by
 * class: another copy's GatewayUnavailableError (or cockatiel's errors) is another class.
 */
const branded = (err: unknown, brand: string) => typeof err === 'object' && err !== null && (err as Record<string, unknown>)[brand] === true;
const isUnavailable = (err: unknown): err is GatewayUnavailableError => branded(err, 'gatewayUnavailable');
// cockatiel's own brands; its isTaskCancelledError() helper tests the wrong one (3.2.1), so not used.
const isTaskCancelled = (err: unknown) => branded(err, 'isTaskCancelledError');
const isBrokenCircuit = (err: unknown) => branded(err, 'isBrokenCircuitError');

type Resilience = { policy: { execute<T>(fn: (context: { signal: AbortSignal }) => Promise<T>): Promise<T> }; breaker: CircuitBreakerPolicy; probation: ProbationBreaker; openedAt: number | null };
const g = globalThis as typeof globalThis & { __tillwiseGateway?: Resilience };

function resilience(): Resilience {
  if (g.__tillwiseGateway) return g.__tillwiseGateway;
  const c = config();
  const transient = handleWhen((err) => isUnavailable(err) || isTaskCancelled(err));
  const probation = new ProbationBreaker(c.BREAKER_FAILURES, c.BREAKER_SUCCESSES);
  const breaker = circuitBreaker(transient, { halfOpenAfter: c.BREAKER_HALF_OPEN_MS, breaker: probation });
  const retryPolicy = retry(
    handleWhen((err) => (isUnavailable(err) && !err.breakerOpen) || isTaskCancelled(err)),
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
  status: 'captured' | 'authorized' | 'declined' | 'voided';
  amount: number;
  currency: string;
  declineCode?: string;
  idempotencyKey: string;
};

export type GatewayRefund = { id: string; paymentId: string; amount: number; status: 'succeeded' };

type GatewayAnswer<T> = { status: number; body: T & { error?: { code: string; message: string } } };

/** The connection was refused before any byte went out: that attempt certainly did not reach the gateway. */
const refused = (err: unknown) => (err as { cause?: { code?: unknown } }).cause?.code === 'ECONNREFUSED';

/**
 * One request under the policies. Every attempt is tracked: the call counts as "not
 * processed" only if no attempt may have reached the gateway — a timeout, a 5xx other than
 * 503, a reset mid-request or a 409 `request_in_progress` may all have charged.
 * Other 4xx are answers and come back to the caller.
 */
async function call<T>(operation: string, method: string, path: string, body: unknown, idempotencyKey: string | null): Promise<GatewayAnswer<T>> {
  // One span for the call, one child per attempt; never the body (it holds the card source).
  return inSpan(`gateway ${operation}`, async (span) => {
    const attempts: { mayHaveReached: boolean }[] = [];
    try {
      const answer = await attemptAll<T>(method, path, body, idempotencyKey, attempts);
      if (span.isRecording()) span.setAttributes({ 'gateway.attempts': attempts.length, 'http.response.status_code': answer.status });
      return answer;
    } catch (err) {
      if (span.isRecording() && isUnavailable(err)) span.setAttributes({ 'gateway.attempts': attempts.length, 'gateway.breaker_open': err.breakerOpen, 'gateway.not_processed': err.notProcessed });
      throw err;
    }
  });
}

async function attemptAll<T>(method: string, path: string, body: unknown, idempotencyKey: string | null, attempts: { mayHaveReached: boolean }[]): Promise<GatewayAnswer<T>> {
  const { PAYMENT_GATEWAY_URL, PAYMENT_GATEWAY_KEY } = config();
  try {
    return await resilience().policy.execute(({ signal }) => inSpan('gateway attempt', async (span): Promise<GatewayAnswer<T>> => {
      // Ambiguous until proven otherwise: a timed-out attempt never gets to say.
      const attempt = { mayHaveReached: true };
      attempts.push(attempt);
      if (span.isRecording()) span.setAttributes({ 'http.request.method': method, 'gateway.attempt': attempts.length });
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
        if (refused(err)) attempt.mayHaveReached = false;
        throw new GatewayUnavailableError(`network: ${(err as Error).message}`);
      }
      const answer = { status: res.status, body: (await res.json().catch(() => ({}))) as GatewayAnswer<T>['body'] };
      if (span.isRecording()) span.setAttribute('http.response.status_code', res.status);
      // 503: the gateway refused to process anything. 409 request_in_progress: a duplicate of
      // a request still running there. Both are retried with the same key.
      if (res.status === 503) attempt.mayHaveReached = false;
      if (res.status >= 500 || (res.status === 409 && answer.body.error?.code === 'request_in_progress')) {
        throw new GatewayUnavailableError(`answered ${res.status} ${answer.body.error?.code ?? ''}`.trim());
      }
      return answer;
    }));
  } catch (err) {
    const breakerOpen = isBrokenCircuit(err);
    if (!(breakerOpen || isTaskCancelled(err) || isUnavailable(err))) throw err;
    const notProcessed = attempts.every((a) => !a.mayHaveReached);
    const reason = breakerOpen ? 'breaker open' : isTaskCancelled(err) ? 'no answer in time' : (err as GatewayUnavailableError).reason;
    logger.warn({ method, path, attempts: attempts.length, notProcessed, reason }, 'card gateway call failed');
    throw new GatewayUnavailableError(reason, { breakerOpen, notProcessed });
  }
}

/** A refusal from the gateway: its message is logged, the client gets ours. */
function refusal(res: GatewayAnswer<unknown>, what: string): GatewayRefusedError {
  const code = res.body.error?.code ?? `http_${res.status}`;
  logger.warn({ status: res.status, gatewayCode: code, gatewayMessage: res.body.error?.message }, `card gateway refused the ${what}`);
  return new GatewayRefusedError(res.status, code);
}

/** Charges a card (authorize + capture). The key makes any number of attempts charge at most once. */
export async function chargeCard(input: {
  merchant: string;
  amount: number;
  currency: string;
  source: string;
  reference: string;
  idempotencyKey: string;
}): Promise<GatewayPayment> {
  const { idempotencyKey, ...body } = input;
  const res = await call<GatewayPayment>('charge', 'POST', '/v1/payments', body, idempotencyKey);
  if (res.status === 201 || res.status === 402) return res.body;
  throw refusal(res, 'payment');
}

/** What the gateway knows of a payment we started with this key (null: nothing, so far). */
export async function findPaymentByKey(merchant: string, idempotencyKey: string): Promise<GatewayPayment | null> {
  const query = new URLSearchParams({ merchant, idempotency_key: idempotencyKey });
  const res = await call<{ data: GatewayPayment[] }>('lookup', 'GET', `/v1/payments?${query}`, undefined, null);
  if (res.status !== 200) throw refusal(res, 'lookup');
  return res.body.data[0] ?? null;
}

/** Captures an authorized payment (its own key: the capture is a money movement of its own). */
export async function capturePayment(paymentId: string, idempotencyKey: string): Promise<GatewayPayment> {
  const res = await call<GatewayPayment>('capture', 'POST', `/v1/payments/${encodeURIComponent(paymentId)}/capture`, {}, idempotencyKey);
  if (res.status === 200) return res.body;
  throw refusal(res, 'capture');
}

/** Releases an authorized payment that will never be captured. */
export async function voidPayment(paymentId: string, idempotencyKey: string): Promise<GatewayPayment> {
  const res = await call<GatewayPayment>('void', 'POST', `/v1/payments/${encodeURIComponent(paymentId)}/void`, {}, idempotencyKey);
  if (res.status === 200) return res.body;
  throw refusal(res, 'void');
}

/** Refunds part of a captured payment. A 4xx is a definitive refusal (GatewayRefusedError). */
export async function refundCard(input: { paymentId: string; amount: number; reason: string; idempotencyKey: string }): Promise<GatewayRefund> {
  const res = await call<GatewayRefund>(
    'refund',
    'POST',
    `/v1/payments/${encodeURIComponent(input.paymentId)}/refunds`,
    { amount: input.amount, reason: input.reason },
    input.idempotencyKey,
  );
  if (res.status === 201) return res.body;
  throw refusal(res, 'refund');
}
