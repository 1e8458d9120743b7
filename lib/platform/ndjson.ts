import { AppError, reportError } from './errors';

/**
 * A streamed answer of one JSON value per line (`application/x-ndjson`), for work whose
 * progress a client shows. `run` sends lines as it goes. The status line is long gone when
 * something fails, so a thrown error becomes a last `{ type: 'error', message }` line: an
 * AppError's own message, else `failedMessage` (the error itself is logged once, as at every
 * other exit, never shown).
 */
export function ndjsonResponse(run: (send: (value: unknown) => void) => Promise<void>, failedMessage: string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      try {
        await run(send);
      } catch (err) {
        const appError = reportError(err);
        send({ type: 'error', message: err instanceof AppError ? appError.message : failedMessage });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } });
}
