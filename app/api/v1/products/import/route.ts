import { tenantRoute } from '@/lib/auth';
import { importProductsCsv } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';
import { ndjsonResponse } from '@/lib/platform/ndjson';

/**
 * POST a CSV file as the body (`Content-Type: text/csv`). With `Accept: application/x-ndjson`
 * the answer streams one JSON line per progress step and a last line with the outcome (the
 * admin's progress bar); otherwise it is one JSON document: 201 when imported, 422 with every
 * error and its line. With `?expect=<version>` (from POST /products/import/preview) it imports only
 * if the file still plans to exactly what was previewed, else 409 and nothing is written.
 */
export const POST = tenantRoute(
  async ({ ctx, req, text, searchParams }) => {
    const csv = text();
    if (!csv.trim()) throw new AppError('bad_request', 'Send the CSV file as the request body');
    const options = { expectVersion: searchParams.get('expect') ?? undefined };
    if (!(req.headers.get('accept') ?? '').includes('application/x-ndjson')) {
      const outcome = await importProductsCsv(ctx, csv, undefined, options);
      return Response.json(outcome, { status: outcome.ok ? 201 : 422 });
    }
    return ndjsonResponse(async (send) => {
      const outcome = await importProductsCsv(ctx, csv, (p) => send({ type: 'progress', ...p }), options);
      send({ type: 'result', ...outcome });
    }, 'The import failed; nothing was changed.');
  },
  { permission: 'catalog:write', bodyType: 'text/csv' },
);
