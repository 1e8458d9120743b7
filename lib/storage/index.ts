import 'server-only';
import { config } from '@/lib/platform/config';
import { LocalDiskStorage } from './local-disk';
import { S3Storage } from './s3';
import type { ObjectStorage } from './types';

export type { ObjectStorage, StoredObject } from './types';
export { objectKey } from './types';
export { LocalDiskStorage } from './local-disk';
export { S3Storage } from './s3';

let cached: { storage: ObjectStorage; from: unknown } | undefined;

/**
 * Where uploaded files (product photos) are kept: an S3-compatible bucket when S3_BUCKET is set
 * (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), else files under STORAGE_DIR
 * on this machine's disk. One instance per configuration.
 */
export function objectStorage(): ObjectStorage {
  const c = config();
  if (cached?.from === c) return cached.storage;
  const storage =
    c.S3_BUCKET && c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY
      ? new S3Storage({ endpoint: c.S3_ENDPOINT ?? `https://s3.${c.S3_REGION}.amazonaws.com`, bucket: c.S3_BUCKET, region: c.S3_REGION, accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY })
      : new LocalDiskStorage(c.STORAGE_DIR);
  cached = { storage, from: c };
  return storage;
}
