import { tenantRoute } from '@/lib/auth';
import { readProductPhoto } from '@/lib/catalog';
import { notFound } from '@/lib/platform/errors';

/**
 * A product photo of this tenant's, by content hash and width. The address names the content,
 * so the answer never changes: cached for a year (private: it is read with the staff's session).
 */
export const GET = tenantRoute<{ hash: string; size: string }>(
  async ({ ctx, params }) => {
    const photo = await readProductPhoto(ctx, params.hash ?? '', params.size ?? '');
    if (!photo) throw notFound('Photo');
    return new Response(photo.body as BodyInit, {
      headers: { 'content-type': photo.contentType, 'cache-control': 'private, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
    });
  },
  { permission: 'catalog:read' },
);
