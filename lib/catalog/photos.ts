import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { z } from 'zod';
import type { TenantContext, TenantScope } from '@/lib/auth';
import { AppError } from '@/lib/platform/errors';
import { objectKey, objectStorage, type StoredObject } from '@/lib/storage';
import type { Product } from './repository';
import { PHOTO_PATH } from './schemas';
import { catalogRepository, getProduct, patchProduct } from './service';

/** What a photo may be: JPEG, PNG or WebP, up to 5 MB as uploaded. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The widths kept (WebP, never enlarged): a register tile, the admin list, a large view. */
export const PHOTO_SIZES = [160, 480, 1024] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];
/** The size a product's `photoUrl` names (the register's tiles and the admin list). */
export const SHOWN_SIZE: PhotoSize = 480;

const SHARP_FORMAT: Record<(typeof PHOTO_TYPES)[number], string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };
const HASH = /^[a-f0-9]{32}$/;

export { PHOTO_PATH };
export const photoPath = (hash: string, size: PhotoSize) => `/api/v1/photos/${hash}/${size}`;

/** The upload: the file's media type and its bytes in base64 (a JSON body, so Idempotency-Key and the body checks apply as to every mutation). */
export const photoUploadSchema = z.object({
  contentType: z.enum(PHOTO_TYPES, 'Use a JPEG, PNG or WebP image'),
  data: z
    .base64('The image must be base64')
    .min(1, 'The image is empty')
    .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, `The image must be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`),
});
export type PhotoUpload = z.output<typeof photoUploadSchema>;

const keyOf = (tenantId: string, hash: string, size: PhotoSize) => objectKey('tenants', tenantId, 'photos', `${hash}-${size}.webp`);

/**
 * A product's new photo: checked to be the image it says it is, resized into PHOTO_SIZES as
 * WebP, stored under the tenant's own keys named by the content's hash (the same photo twice is
 * the same objects; an address never changes meaning, so it is cached for a year), and then set
 * as the product's photoUrl. Stored before the product changes: a failed save leaves only
 * unreferenced objects, never a product pointing at nothing.
 */
export async function uploadProductPhoto(ctx: TenantContext, productId: string, upload: PhotoUpload): Promise<Product> {
  await getProduct(ctx, productId); // another tenant's product (or none): 404 before any work
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) throw invalid(`The image must be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB`);
  const meta = await sharp(bytes)
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== SHARP_FORMAT[upload.contentType]) throw invalid(`This file is not a ${upload.contentType.slice(6).toUpperCase()} image`);
  if (!meta.width || !meta.height || meta.width * meta.height > 50_000_000) throw invalid('The image is too large to process (at most 50 megapixels)');

  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const storage = objectStorage();
  for (const size of PHOTO_SIZES) {
    const webp = await sharp(bytes).rotate().resize({ width: size, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    await storage.put(keyOf(ctx.tenantId, hash, size), new Uint8Array(webp), 'image/webp');
  }
  return patchProduct(ctx, productId, { photoUrl: photoPath(hash, SHOWN_SIZE) });
}

/** A stored photo of the tenant's, or null. The key is always the tenant's own: no id from another tenant can reach theirs. */
export async function readProductPhoto({ tenantId }: TenantScope, hash: string, size: string): Promise<StoredObject | null> {
  const width = Number(size);
  if (!HASH.test(hash) || !(PHOTO_SIZES as readonly number[]).includes(width)) return null;
  return objectStorage().get(keyOf(tenantId, hash, width as PhotoSize));
}

/** How long a stored photo no product names is kept: an upload stores its objects before it sets the product's photoUrl. */
export const UNUSED_PHOTO_GRACE_MS = 24 * 3600_000;
const STORED_PHOTO = /\/([a-f0-9]{32})-\d+\.webp$/;

/**
 * Deletes the tenant's stored photos that no product names any more (a photo replaced, a
 * product deleted) and that were stored longer ago than `graceMs`. Photos are shared by content:
 * one still named by any product, archived ones too, stays with all its sizes. The products are
 * read before the objects are listed, so an upload finishing meanwhile is within the grace.
 */
export async function sweepUnusedPhotos({ tenantId }: TenantScope, now = new Date(), graceMs = UNUSED_PHOTO_GRACE_MS): Promise<{ deleted: number; kept: number }> {
  const inUse = new Set<string>();
  for (const product of await (await catalogRepository()).allProducts(tenantId)) {
    const hash = product.photoUrl && PHOTO_PATH.exec(product.photoUrl)?.[1];
    if (hash) inUse.add(hash);
  }
  const storage = objectStorage();
  let deleted = 0;
  let kept = 0;
  for (const object of await storage.list(`${objectKey('tenants', tenantId, 'photos')}/`)) {
    const hash = STORED_PHOTO.exec(object.key)?.[1];
    if (!hash || inUse.has(hash) || now.getTime() - object.modifiedAt.getTime() < graceMs) {
      kept++;
      continue;
    }
    await storage.delete(object.key);
    deleted++;
  }
  return { deleted, kept };
}

const invalid = (message: string) => new AppError('unprocessable', message, [{ path: 'data', message }]);
