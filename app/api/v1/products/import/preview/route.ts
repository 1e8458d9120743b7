import { tenantRoute } from '@/lib/auth';
import { previewProductsCsv } from '@/lib/catalog';
import { AppError } from '@/lib/platform/errors';

/**
 * POST a CSV file as the body (`Content-Type: text/csv`): what importing it would create,
 * change (field by field) and leave alone, or every error with its line (422). Nothing is
 * written. The answer's `version` goes back with the import (`POST /products/import?expect=`),
 * which then does exactly this or answers 409 if the catalog changed in between.
 */
export const POST = tenantRoute(
  async ({ ctx, text }) => {
    const csv = text();
    if (!csv.trim()) throw new AppError('bad_request', 'Send the CSV file as the request body');
    const outcome = await previewProductsCsv(ctx, csv);
    return Response.json(outcome, { status: outcome.ok ? 200 : 422 });
  },
  { permission: 'catalog:write', bodyType: 'text/csv' },
);
