import { tenantRoute } from '@/lib/auth';
import { photoUploadSchema, uploadProductPhoto } from '@/lib/catalog';
import { idParam } from '@/lib/platform/validation';

/**
 * A product's photo: `{ contentType, data }` (JPEG, PNG or WebP, base64, at most 5 MB). Resized
 * and stored (docs/catalog.md); answers the product with its new photoUrl.
 */
export const POST = tenantRoute(
  async ({ ctx, params, body }) => Response.json(await uploadProductPhoto(ctx, idParam.parse(params.id), body), { status: 201 }),
  { permission: 'catalog:write', body: photoUploadSchema },
);
