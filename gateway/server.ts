/**
 * Tillwise payment gateway simulator: a small card processor spoken to over HTTP, for
 * development, the demo and tests. Everything lives in memory for the life of the process.
 *
 * Protocol, test tokens and fault injection are described in gateway/README.md. The rules
 * that matter for the app's correctness:
 * - idempotency is per merchant + Idempotency-Key: the same request replays the stored
 *   answer (`Idempotent-Replayed: true`), a different request is 422, a duplicate while the
 *   first is still running is 409;
 * - an injected failure (`down`, `failNext`, `errorRate`) happens before anything changes,
 *   except `failAfterCaptureNext`, which processes and stores the payment and only then
 *   answers 500 ("captured, but the app never heard back").
 *
 * Standalone on purpose: it imports nothing from the app, only node: modules and zod.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

export const DEFAULT_API_KEY = 'sk_test_tillwise';
export const REPLAY_HEADER = 'Idempotent-Replayed';

export type PaymentStatus = 'authorized' | 'captured' | 'declined' | 'voided';
export type DeclineCode = 'card_declined' | 'insufficient_funds' | 'expired_card';
export type CardBrand = 'visa' | 'mastercard';

/** What each test token does. Any other `source` is 400 `invalid_source`. */
export const TEST_TOKENS: Readonly<Record<string, { brand: CardBrand; last4: string; decline: DeclineCode | null }>> = {
  tok_visa: { brand: 'visa', last4: '4242', decline: null },
  tok_mastercard: { brand: 'mastercard', last4: '4444', decline: null },
  tok_declined: { brand: 'visa', last4: '0002', decline: 'card_declined' },
  tok_insufficient_funds: { brand: 'visa', last4: '9995', decline: 'insufficient_funds' },
  tok_expired: { brand: 'visa', last4: '0069', decline: 'expired_card' },
};

export interface Refund {
  id: string; // re_…
  paymentId: string;
  amount: number;
  currency: string;
  reason: string | null;
  status: 'succeeded';
  idempotencyKey: string;
  createdAt: string;
}

/** A payment as the API shows it (every endpoint answers with this one shape). */
export interface Payment {
  id: string; // pay_…
  status: PaymentStatus;
  amount: number;
  currency: string;
  merchant: string;
  source: string;
  card: { brand: CardBrand; last4: string };
  reference: string | null;
  description: string | null;
  idempotencyKey: string;
  declineCode: DeclineCode | null;
  createdAt: string;
  capturedAt: string | null;
  /** Total refunded so far, in minor units. */
  refunded: number;
  refunds: Refund[];
}

export interface LedgerEntry {
  type: 'capture' | 'refund';
  paymentId: string;
  refundId?: string;
  merchant: string;
  amount: number;
  currency: string;
  /** The key of the request that moved the money (the payment's, the capture's or the refund's). */
  idempotencyKey: string;
  at: string;
}

/** Fault injection; mutate it directly in-process or through `POST /__control`. */
export interface ControlState {
  /** Every /v1 request gets 503 `unavailable` at once. */
  down: boolean;
  /** Probability (0..1) that a /v1 request fails with 500 `internal_error`, before any change. */
  errorRate: number;
  /** Wait this long before answering each /v1 request. */
  latencyMs: number;
  /** The next n /v1 requests fail with 500 `internal_error`, before any change. */
  failNext: number;
  /** The next n new `POST /v1/payments` are processed and stored, then answered with 500. */
  failAfterCaptureNext: number;
}

export interface GatewayOptions {
  apiKey?: string;
}

export interface Gateway {
  server: http.Server;
  /** Starts listening (default port 0 = any free port, host 127.0.0.1); resolves to the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** A copy of every money movement so far, in order. */
  ledger(): LedgerEntry[];
  /** Forgets everything: payments, refunds, idempotency keys, ledger and faults. */
  reset(): void;
  control: ControlState;
}

// ---------------------------------------------------------------------------------------
// Internals

interface StoredPayment {
  id: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  merchant: string;
  source: string;
  card: { brand: CardBrand; last4: string };
  reference: string | null;
  description: string | null;
  idempotencyKey: string;
  declineCode: DeclineCode | null;
  createdAt: string;
  capturedAt: string | null;
  refunds: Refund[];
}

type IdempotencyRecord =
  | { state: 'in_flight'; fingerprint: string }
  | { state: 'done'; fingerprint: string; status: number; body: string };

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 1024 * 1024;
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const currency = z
  .string()
  .transform((s) => s.toUpperCase())
  .refine((s) => CURRENCIES.has(s), 'must be an ISO 4217 currency code such as USD');
const amount = z.number().int('must be an integer (minor units)').positive('must be greater than 0');

const createPaymentBody = z.strictObject({
  merchant: z.string().min(1).max(255),
  amount,
  currency,
  source: z.string().min(1).max(255),
  capture: z.boolean().optional(),
  reference: z.string().max(255).optional(),
  description: z.string().max(1000).optional(),
});
const emptyBody = z.strictObject({});
const refundBody = z.strictObject({ amount, reason: z.string().max(500).optional() });
const controlBody = z.strictObject({
  down: z.boolean().optional(),
  errorRate: z.number().min(0).max(1).optional(),
  latencyMs: z.number().int().min(0).max(600_000).optional(),
  failNext: z.number().int().min(0).optional(),
  failAfterCaptureNext: z.number().int().min(0).optional(),
  reset: z.boolean().optional(),
});

function parseWith<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const message = result.error.issues
    .map((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${k}: unknown field`).join('; ');
      const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
      const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
      return `${field}: ${missing ? 'is required' : issue.message}`;
    })
    .join('; ');
  throw new GatewayError(400, 'invalid_request', message);
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const now = () => new Date().toISOString();

/** JSON with object keys sorted, so key order and whitespace do not make two bodies differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const FRESH_CONTROL: Readonly<ControlState> = { down: false, errorRate: 0, latencyMs: 0, failNext: 0, failAfterCaptureNext: 0 };

export function createGateway(options: GatewayOptions = {}): Gateway {
  const apiKey = Buffer.from(options.apiKey ?? DEFAULT_API_KEY);
  const control: ControlState = { ...FRESH_CONTROL };
  const payments = new Map<string, StoredPayment>();
  const idempotency = new Map<string, IdempotencyRecord>(); // `${merchant}\0${key}`
  let ledgerEntries: LedgerEntry[] = [];
  let generation = 0; // bumped by reset(): requests that were waiting then change nothing
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    ms <= 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });

  const view = (p: StoredPayment): Payment => ({
    ...p,
    card: { ...p.card },
    refunded: p.refunds.reduce((sum, r) => sum + r.amount, 0),
    refunds: p.refunds.map((r) => ({ ...r })),
  });

  const findPayment = (id: string): StoredPayment => {
    const p = payments.get(id);
    if (!p) throw new GatewayError(404, 'not_found', `No such payment: ${id}`);
    return p;
  };

  function authorized(req: http.IncomingMessage): boolean {
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match) return false;
    const given = Buffer.from(match[1]!.trim());
    return given.length === apiKey.length && timingSafeEqual(given, apiKey);
  }

  function idempotencyKeyOf(req: http.IncomingMessage): string {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      throw new GatewayError(400, 'invalid_request', 'Idempotency-Key: header is required');
    }
    if (!KEY_FORMAT.test(key)) {
      throw new GatewayError(400, 'invalid_request', 'Idempotency-Key: must be 1–255 visible ASCII characters');
    }
    return key;
  }

  // --- Money movements (the only places that change payments and the ledger) -----------

  function createPayment(input: z.output<typeof createPaymentBody>, key: string): Answer {
    const token = TEST_TOKENS[input.source]!;
    const createdAt = now();
    const approved = token.decline === null;
    const capture = input.capture ?? true;
    const payment: StoredPayment = {
      id: newId('pay'),
      status: !approved ? 'declined' : capture ? 'captured' : 'authorized',
      amount: input.amount,
      currency: input.currency,
      merchant: input.merchant,
      source: input.source,
      card: { brand: token.brand, last4: token.last4 },
      reference: input.reference ?? null,
      description: input.description ?? null,
      idempotencyKey: key,
      declineCode: token.decline,
      createdAt,
      capturedAt: approved && capture ? createdAt : null,
      refunds: [],
    };
    payments.set(payment.id, payment);
    if (payment.status === 'captured') recordCapture(payment, key, createdAt);
    return { status: approved ? 201 : 402, body: view(payment) };
  }

  function capturePayment(payment: StoredPayment, key: string): Answer {
    if (payment.status === 'declined') {
      throw new GatewayError(409, 'payment_declined', `Payment ${payment.id} was declined and cannot be captured`);
    }
    if (payment.status === 'voided') {
      throw new GatewayError(409, 'payment_voided', `Payment ${payment.id} was voided and cannot be captured`);
    }
    if (payment.status === 'authorized') {
      payment.status = 'captured';
      payment.capturedAt = now();
      recordCapture(payment, key, payment.capturedAt);
    }
    return { status: 200, body: view(payment) };
  }

  /** Releases an authorization: no money ever moves for a voided payment. */
  function voidPayment(payment: StoredPayment): Answer {
    if (payment.status === 'captured') {
      throw new GatewayError(409, 'payment_captured', `Payment ${payment.id} is captured; refund it instead`);
    }
    if (payment.status === 'declined') {
      throw new GatewayError(409, 'payment_declined', `Payment ${payment.id} was declined; there is nothing to void`);
    }
    payment.status = 'voided';
    return { status: 200, body: view(payment) };
  }

  function refundPayment(payment: StoredPayment, input: z.output<typeof refundBody>, key: string): Answer {
    if (payment.status !== 'captured') {
      throw new GatewayError(409, 'payment_not_captured', `Payment ${payment.id} is ${payment.status}; only captured payments can be refunded`);
    }
    const refundable = payment.amount - payment.refunds.reduce((sum, r) => sum + r.amount, 0);
    if (input.amount > refundable) {
      throw new GatewayError(422, 'amount_exceeds_refundable', `amount: ${input.amount} exceeds the refundable ${refundable} ${payment.currency}`);
    }
    const refund: Refund = {
      id: newId('re'),
      paymentId: payment.id,
      amount: input.amount,
      currency: payment.currency,
      reason: input.reason ?? null,
      status: 'succeeded',
      idempotencyKey: key,
      createdAt: now(),
    };
    payment.refunds.push(refund);
    ledgerEntries.push({
      type: 'refund',
      paymentId: payment.id,
      refundId: refund.id,
      merchant: payment.merchant,
      amount: refund.amount,
      currency: payment.currency,
      idempotencyKey: key,
      at: refund.createdAt,
    });
    return { status: 201, body: { ...refund } };
  }

  function recordCapture(payment: StoredPayment, key: string, at: string) {
    ledgerEntries.push({ type: 'capture', paymentId: payment.id, merchant: payment.merchant, amount: payment.amount, currency: payment.currency, idempotencyKey: key, at });
  }

  // --- Request handling ------------------------------------------------------------------

  /**
   * An idempotent mutation: the key is claimed now (synchronously, so a concurrent duplicate
   * sees it), `run` executes after the injected latency, and its answer is stored. 2xx and 4xx
   * answers are stored and replayed; an unexpected exception releases the key.
   */
  interface Mutation {
    kind: 'mutation';
    scope: string;
    fingerprint: string;
    run: () => Answer;
    /** Set for new payments: `failAfterCaptureNext` applies. */
    isPayment: boolean;
  }
  type Prepared = Answer | Mutation;

  function claim(merchant: string, key: string, fingerprint: string, run: () => Answer, isPayment = false): Prepared {
    const scope = `${merchant}\0${key}`;
    const existing = idempotency.get(scope);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        return errorAnswer(new GatewayError(422, 'idempotency_mismatch', `Idempotency-Key ${key} was already used with a different request`));
      }
      if (existing.state === 'in_flight') {
        return errorAnswer(new GatewayError(409, 'request_in_progress', `A request with Idempotency-Key ${key} is still being processed; retry later`));
      }
      return { status: existing.status, body: existing.body, headers: { [REPLAY_HEADER]: 'true' } };
    }
    idempotency.set(scope, { state: 'in_flight', fingerprint });
    return { kind: 'mutation', scope, fingerprint, run, isPayment };
  }

  /** Validates and routes a /v1 request; the only state it may change is an idempotency claim. */
  function prepareV1(method: string, path: string, query: URLSearchParams, req: http.IncomingMessage, body: unknown): Prepared {
    const fingerprint = `${method} ${path}\n${canonical(body)}`;

    if (path === '/v1/payments') {
      if (method === 'POST') {
        const key = idempotencyKeyOf(req);
        const input = parseWith(createPaymentBody, body);
        if (!TEST_TOKENS[input.source]) {
          throw new GatewayError(400, 'invalid_source', `source: unknown test token ${JSON.stringify(input.source)} (use one of ${Object.keys(TEST_TOKENS).join(', ')})`);
        }
        return claim(input.merchant, key, fingerprint, () => createPayment(input, key), true);
      }
      if (method === 'GET') {
        const merchant = query.get('merchant');
        if (!merchant) throw new GatewayError(400, 'invalid_request', 'merchant: query parameter is required');
        const key = query.get('idempotency_key');
        const data = [...payments.values()]
          .filter((p) => p.merchant === merchant && (key === null || p.idempotencyKey === key))
          .map(view);
        return { status: 200, body: { data } };
      }
      throw methodNotAllowed('GET, POST');
    }

    if (path === '/v1/ledger') {
      if (method !== 'GET') throw methodNotAllowed('GET');
      const merchant = query.get('merchant');
      return { status: 200, body: { data: ledgerEntries.filter((e) => merchant === null || e.merchant === merchant).map((e) => ({ ...e })) } };
    }

    const match = /^\/v1\/payments\/([^/]+)(?:\/(capture|void|refunds))?$/.exec(path);
    if (match) {
      const id = decodeURIComponent(match[1]!);
      const action = match[2];
      if (action === undefined) {
        if (method !== 'GET') throw methodNotAllowed('GET');
        return { status: 200, body: view(findPayment(id)) };
      }
      if (method !== 'POST') throw methodNotAllowed('POST');
      const key = idempotencyKeyOf(req);
      if (action === 'capture' || action === 'void') {
        parseWith(emptyBody, body);
        const payment = findPayment(id);
        return claim(payment.merchant, key, fingerprint, () => (action === 'capture' ? capturePayment(payment, key) : voidPayment(payment)));
      }
      const input = parseWith(refundBody, body);
      const payment = findPayment(id);
      return claim(payment.merchant, key, fingerprint, () => refundPayment(payment, input, key));
    }

    throw new GatewayError(404, 'not_found', `No route for ${method} ${path}`);
  }

  function methodNotAllowed(allow: string) {
    return Object.assign(new GatewayError(405, 'method_not_allowed', `Use ${allow}`), { allow });
  }

  function errorAnswer(err: GatewayError): Answer {
    const headers: Record<string, string> = {};
    const allow = (err as GatewayError & { allow?: string }).allow;
    if (allow) headers.Allow = allow;
    if (err.status === 401) headers['WWW-Authenticate'] = 'Bearer';
    return { status: err.status, body: { error: { code: err.code, message: err.message } }, headers };
  }

  async function handleV1(method: string, path: string, query: URLSearchParams, req: http.IncomingMessage, rawBody: string): Promise<Answer> {
    // The ledger is an observation endpoint for tests: faults never apply to it.
    const faultable = path !== '/v1/ledger';
    if (faultable && control.down) {
      return errorAnswer(new GatewayError(503, 'unavailable', 'The payment gateway is unavailable'));
    }
    let fail = false;
    if (faultable && control.failNext > 0) {
      control.failNext -= 1;
      fail = true;
    } else if (faultable && control.errorRate > 0 && Math.random() < control.errorRate) {
      fail = true;
    }
    const latency = faultable ? control.latencyMs : 0;
    if (fail) {
      await sleep(latency);
      return errorAnswer(new GatewayError(500, 'internal_error', 'Injected failure; nothing was changed'));
    }

    let prepared: Prepared;
    try {
      prepared = prepareV1(method, path, query, req, parseJson(rawBody));
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      prepared = errorAnswer(err);
    }
    const startedIn = generation;
    await sleep(latency);
    if (!('kind' in prepared)) return prepared;

    if (startedIn !== generation) {
      // reset() ran while this request waited: its claim is gone and it must change nothing.
      return errorAnswer(new GatewayError(500, 'internal_error', 'The gateway was reset while this request was waiting; nothing was changed'));
    }
    let answer: Answer;
    try {
      answer = prepared.run();
    } catch (err) {
      if (!(err instanceof GatewayError)) {
        idempotency.delete(prepared.scope);
        throw err;
      }
      answer = errorAnswer(err);
    }
    const body = JSON.stringify(answer.body);
    idempotency.set(prepared.scope, { state: 'done', fingerprint: prepared.fingerprint, status: answer.status, body });
    if (prepared.isPayment && control.failAfterCaptureNext > 0) {
      control.failAfterCaptureNext -= 1;
      return errorAnswer(new GatewayError(500, 'internal_error', 'Injected failure after the payment was processed'));
    }
    return { status: answer.status, body };
  }

  function handleControl(method: string, rawBody: string): Answer {
    if (method === 'GET') return { status: 200, body: { ...control } };
    if (method !== 'POST') throw methodNotAllowed('GET, POST');
    const input = parseWith(controlBody, parseJson(rawBody));
    if (input.reset) Object.assign(control, FRESH_CONTROL);
    const { reset: _reset, ...changes } = input;
    for (const [name, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(control, { [name]: value });
    }
    return { status: 200, body: { ...control } };
  }

  async function handle(req: http.IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://gateway.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    if (!authorized(req)) {
      req.resume();
      throw new GatewayError(401, 'unauthorized', 'Missing or invalid API key: send Authorization: Bearer <api key>');
    }
    const rawBody = await readBody(req);
    if (path === '/__control') return handleControl(method, rawBody);
    if (path === '/v1' || path.startsWith('/v1/')) return handleV1(method, path, url.searchParams, req, rawBody);
    throw new GatewayError(404, 'not_found', `No route for ${method} ${path}`);
  }

  const server = http.createServer((req, res) => {
    handle(req)
      .catch((err: unknown) => {
        if (err instanceof GatewayError) return errorAnswer(err);
        console.error('[gateway] unexpected error', err);
        return errorAnswer(new GatewayError(500, 'internal_error', 'Unexpected gateway error'));
      })
      .then((answer) => {
        if (res.destroyed || res.headersSent) return;
        const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const headers: Record<string, string | number> = {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'Request-Id': newId('req'),
          ...answer.headers,
        };
        // setHeader (not writeHead's argument) so 'request' listeners can read them back.
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        res.writeHead(answer.status);
        res.end(body);
      });
  });

  return {
    server,
    control,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise<string>((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
    ledger: () => ledgerEntries.map((e) => ({ ...e })),
    reset() {
      generation += 1;
      payments.clear();
      idempotency.clear();
      ledgerEntries = [];
      Object.assign(control, FRESH_CONTROL);
    },
  };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new GatewayError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new GatewayError(400, 'invalid_request', 'body: must be a JSON object');
  }
  return parsed;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new GatewayError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
