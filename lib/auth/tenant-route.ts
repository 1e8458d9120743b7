import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { AppError, toErrorResponse } from '@/lib/platform/errors';
import { REQUEST_ID_HEADER } from '@/lib/platform/headers';
import { requestFingerprint, withIdempotency } from '@/lib/platform/idempotency';
import { logger } from '@/lib/platform/logger';
import { routeMetrics } from '@/lib/platform/metrics';
import { annotateContext, requestContextFrom, runWithContext } from '@/lib/platform/request-context';
import { inSpan, routeAnswered } from '@/lib/platform/tracing';
import { answeredForKey, resolveCaller } from './api-keys';
import type { TenantContext } from './context';
import { costsShownTo } from './cost-visibility';
import { sameOriginBody } from './csrf';
import type { Permission } from './permissions';

export type RouteContext<Params, Ctx = TenantContext, Body = undefined> = {
  req: NextRequest;
  /** The host's tenant and the signed-in staff member: pass it to the module function. */
  ctx: Ctx;
  params: Params;
  searchParams: URLSearchParams;
  /** The JSON body parsed by the route's declared `body` schema (400 when not JSON, 422 when it does not fit). */
  body: Body;
  /** The parsed JSON body, unchecked, for a route whose module validates it itself (400 when it is not JSON). */
  json: () => unknown;
  /** The raw body of a mutation (e.g. a CSV upload). */
  text: () => string;
};

type Segment<Params> = { params: Promise<Params> };

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type BodySchema = z.ZodType | undefined;
type BodyOf<B extends BodySchema> = B extends z.ZodType ? z.output<B> : undefined;

type RouteOptions<B extends BodySchema> = {
  /** The mutation's body: parsed and checked before the handler runs; the OpenAPI document and the fuzz suite read it too. */
  body?: B;
  /** The body's media type, checked with the same-origin rule (default JSON). */
  bodyType?: string;
  /** `idempotent: false`: ignore Idempotency-Key (a streamed answer cannot be stored and replayed; the chat is not a change). */
  idempotent?: boolean;
};

/**
 * A route handler as Next calls it, carrying what it declared: its body schema (`body`) and the
 * permission it needs (`permission`), if any — the OpenAPI document (lib/platform/openapi.ts) and
 * the fuzz suite read them off the handler, so neither can drift from the code.
 */
export type RouteHandler<Params> = ((req: NextRequest, segment: Segment<Params>) => Promise<Response>) & { body?: z.ZodType; permission?: Permission };

/**
 * Wraps a tenant API route handler: request id and log context, host tenant, session of that
 * same tenant, permission, same-origin mutations with the declared body type (`bodyType`,
 * default JSON), Idempotency-Key on mutations, one error shape, metrics and a span. Handlers only parse
 * input, call one module function and shape the response.
 */
export function tenantRoute<Params = Record<string, string>, B extends BodySchema = undefined>(
  handler: (ctx: RouteContext<Params, TenantContext, BodyOf<B>>) => Promise<Response>,
  options: RouteOptions<B> & { permission: Permission },
): RouteHandler<Params> {
  // The session, or an API key (`Authorization: Bearer`, api-keys.ts): the same seam either way.
  return Object.assign(
    guardedRoute<Params, TenantContext, B>((req) => resolveCaller(req, options.permission), handler, {
      ...options,
      shown: async (ctx, response, req) => answeredForKey(ctx, req, await costsShownTo(ctx, response)),
    }),
    { permission: options.permission },
  );
}

/**
 * Who a route answers for: the tenant of the host, and the person (or device, or API key) the
 * request proves. With `apiKey` the request carried its credential in a header, not a cookie.
 */
type Resolved = { tenantId: string; tenant: { slug: string }; userId?: string; apiKey?: unknown };

/**
 * tenantRoute with the "who" given as a function: the same request id, same-origin check,
 * Idempotency-Key, error shape and metrics around any resolver. The locked register's routes
 * resolve the device's lock token instead of a session (register-lock.ts).
 */
export function guardedRoute<Params, Ctx extends Resolved, B extends BodySchema = undefined>(
  resolve: (req: NextRequest) => Promise<Ctx>,
  handler: (ctx: RouteContext<Params, Ctx, BodyOf<B>>) => Promise<Response>,
  options: RouteOptions<B> & {
    /** The answer as this requester may see it (tenantRoute: without costs for a role without `cost:read`), after any replay. */
    shown?: (ctx: Ctx, response: Response, req: NextRequest) => Promise<Response>;
  } = {},
): RouteHandler<Params> {
  const red = routeMetrics();
  const route = async (req: NextRequest, segment: Segment<Params>): Promise<Response> => {
    const context = requestContextFrom(req.headers);
    const started = performance.now();
    return runWithContext(context, () => inSpan(req.method, async (span) => {
      let response: Response;
      try {
        const ctx = await resolve(req);
        annotateContext({ tenantId: ctx.tenantId, tenantSlug: ctx.tenant.slug, userId: ctx.userId });
        if (span.isRecording()) span.setAttribute('tenant.id', ctx.tenantId);
        // A key's request comes from no browser (no ambient credential to forge): no Origin check, the body type still.
        const raw = MUTATIONS.has(req.method) ? await sameOriginBody(req, options.bodyType ?? 'application/json', { checkOrigin: !ctx.apiKey }) : '';
        const run = () =>
          handleErrors(async () =>
            handler({
              req,
              ctx,
              params: await segment.params,
              searchParams: req.nextUrl.searchParams,
              body: (options.body ? options.body.parse(parseJson(raw)) : undefined) as BodyOf<B>,
              json: () => parseJson(raw),
              text: () => raw,
            }),
          );
        const key = req.headers.get('idempotency-key');
        response =
          key !== null && MUTATIONS.has(req.method) && options.idempotent !== false
            ? await withIdempotency(ctx.tenantId, key, requestFingerprint(req.method, req.nextUrl.pathname + req.nextUrl.search, raw), run)
            : await run();
        if (options.shown) response = await options.shown(ctx, response, req);
      } catch (err) {
        response = toErrorResponse(err);
      }
      response.headers.set(REQUEST_ID_HEADER, context.requestId);
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
      const seconds = (performance.now() - started) / 1000;
      // Labelled by the Next route template, learnt from the params of the first request.
      red.observe(req.method, req.nextUrl.pathname, red.template ? undefined : await segment?.params, response.status, seconds);
      routeAnswered(span, req.method, red.template, response.status);
      logger.info({ method: req.method, path: req.nextUrl.pathname, status: response.status, ms: Math.round(seconds * 1000) }, 'api request');
      return response;
    }));
  };
  return Object.assign(route, { body: options.body });
}

/** Errors of the handler become responses inside the idempotency scope, so 4xx are replayed too. */
async function handleErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (err) {
    return toErrorResponse(err);
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON');
  }
}
