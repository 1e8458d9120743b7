import { context, ROOT_CONTEXT, SpanStatusCode, trace, type Span, type SpanOptions } from '@opentelemetry/api';
import { currentContext, outsideContext } from './request-context';

/**
 * Our own spans (OpenTelemetry API only). instrumentation.ts registers a provider (@vercel/otel)
 * only when an OTLP endpoint is set; without one this tracer is the API's no-op, so a span costs
 * a few small objects and attributes are only computed behind `span.isRecording()`.
 *
 * Names and attributes: docs/operations.md › Traces. Never put a value a caller typed or a
 * secret on a span (passwords, PINs, tokens, cookies, card sources, Redis values): only ids,
 * names, counts and outcomes.
 */
const tracer = trace.getTracer('tillwise');

/**
 * Runs `fn` in an active span named `name` (child of the current one), ending it when `fn`
 * settles; a throw marks it as an error. The request's id and tenant (request-context.ts) are
 * added when the span is recorded; `fn` may add more, or override `tenant.id`.
 */
export function inSpan<T>(name: string, fn: (span: Span) => Promise<T>, options: SpanOptions = {}): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    if (span.isRecording()) {
      const ctx = currentContext();
      if (ctx?.requestId) span.setAttribute('request.id', ctx.requestId);
      if (ctx?.tenantId) span.setAttribute('tenant.id', ctx.tenantId);
    }
    try {
      return await fn(span);
    } catch (err) {
      failed(span, err);
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Marks a span as failed with the error's class and our message (the same a log line would carry). */
export function failed(span: Span, err: unknown, message?: string): void {
  if (!span.isRecording()) return;
  span.setStatus({ code: SpanStatusCode.ERROR, message: message ?? (err instanceof Error ? err.name : 'error') });
  if (err instanceof Error) span.recordException({ name: err.name, message: err.message });
}

/**
 * Runs `fn` belonging to no request: no request context (log lines) and no parent span. Background
 * work a request merely woke up (the outbox dispatcher) is not that request's, and may be another
 * tenant's.
 */
export function detached<T>(fn: () => T): T {
  return outsideContext(() => context.with(ROOT_CONTEXT, fn));
}

/**
 * Names a route handler's span once its answer is known, as OpenTelemetry's HTTP conventions
 * do: `POST /api/v1/orders`, by the Next route template (metrics.ts learns it), never the raw
 * path (ids). A 5xx marks the span as failed; a 4xx is the client's, not ours.
 */
export function routeAnswered(span: Span, method: string, template: string | undefined, status: number): void {
  if (!span.isRecording()) return;
  const route = template ?? 'other';
  span.updateName(`${method} ${route}`);
  span.setAttributes({ 'http.request.method': method, 'http.route': route, 'http.response.status_code': status });
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
}
