import { createServer, type Server } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as photoRoute from '@/app/api/v1/photos/[hash]/[size]/route';
import * as uploadRoute from '@/app/api/v1/products/[id]/photo/route';
import { PHOTO_PATH, sweepUnusedPhotos, UNUSED_PHOTO_GRACE_MS } from '@/lib/catalog/photos';
import { resetConfigForTests } from '@/lib/platform/config';
import { LocalDiskStorage, objectKey, objectStorage, S3Storage } from '@/lib/storage';
import { apiRequest, createStockedProduct, createTenant, json, segment, type TestStaff, type TestTenant } from '../helpers';

let a: TestTenant;
let b: TestTenant;
let productA: string;
let productB: string;
let png: string;

beforeAll(async () => {
  process.env.STORAGE_DIR = await mkdtemp(path.join(tmpdir(), 'tillwise-photos-'));
  resetConfigForTests();
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  productA = (await createStockedProduct(a)).id;
  productB = (await createStockedProduct(b)).id;
  // An 800 × 600 photo-like PNG (a gradient), made here: nothing is fetched.
  const raw = Buffer.alloc(800 * 600 * 3);
  for (let i = 0; i < 800 * 600; i++) raw.set([i % 256, (i >> 8) % 256, 128], i * 3);
  png = (await sharp(raw, { raw: { width: 800, height: 600, channels: 3 } }).png().toBuffer()).toString('base64');
});

const upload = async (t: TestTenant, as: TestStaff, productId: string, body: unknown, key?: string) =>
  uploadRoute.POST(
    await apiRequest('POST', `/api/v1/products/${productId}/photo`, { host: t.tenant, as, body, headers: key ? { 'idempotency-key': key } : undefined }),
    segment({ id: productId }),
  );
const photo = async (t: TestTenant, as: TestStaff, url: string) => {
  const [, , , , hash, size] = url.split('/');
  return photoRoute.GET(await apiRequest('GET', url, { host: t.tenant, as }), segment({ hash: hash!, size: size! }));
};

describe('product photos', () => {
  let url = '';

  it('resizes an upload into WebP sizes, sets the photo, and serves it with a year of caching; a replay answers the same', async () => {
    const key = crypto.randomUUID();
    const res = await json(await upload(a, a.owner, productA, { contentType: 'image/png', data: png }, key));
    expect(res.status).toBe(201);
    url = res.body.photoUrl;
    expect(url).toMatch(PHOTO_PATH);
    expect(url.endsWith('/480')).toBe(true);

    for (const [size, width] of [['160', 160], ['480', 480], ['1024', 800]] as const) {
      const served = await photo(a, a.cashier, url.replace(/\/480$/, `/${size}`));
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect([meta.format, meta.width]).toEqual(['webp', width]); // never enlarged past the original
    }

    const replay = await upload(a, a.owner, productA, { contentType: 'image/png', data: png }, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await replay.json()).photoUrl).toBe(url);
  });

  it('refuses what is not a JPEG, PNG or WebP within 5 MB with a clear 422, and a cashier with 403', async () => {
    const refused = async (body: unknown) => json(await upload(a, a.owner, productA, body));
    expect(await refused({ contentType: 'image/gif', data: png })).toMatchObject({ status: 422, body: { error: { code: 'unprocessable' } } });
    expect(await refused({ contentType: 'image/jpeg', data: png })).toMatchObject({ status: 422, body: { error: { message: 'This file is not a JPEG image' } } });
    expect(await refused({ contentType: 'image/png', data: Buffer.from('not an image at all').toString('base64') })).toMatchObject({ status: 422 });
    expect(await refused({ contentType: 'image/png', data: 'A'.repeat(7_000_004) })).toMatchObject({ status: 422, body: { error: { details: [{ path: 'data', message: 'The image must be at most 5 MB' }] } } });
    expect((await upload(a, a.cashier, productA, { contentType: 'image/png', data: png })).status).toBe(403);
  });

  it("never across tenants: another business can neither read a photo by its address nor put one on the other's product", async () => {
    // Same address on B's host: B's own key space, where nothing is stored.
    expect((await photo(b, b.owner, url)).status).toBe(404);
    expect((await upload(b, b.owner, productA, { contentType: 'image/png', data: png })).status).toBe(404);
    // B uploading the very same picture writes B's own objects; A's are untouched and still served.
    const own = await json(await upload(b, b.owner, productB, { contentType: 'image/png', data: png }));
    expect(own.status).toBe(201);
    expect(own.body.photoUrl).toBe(url); // same content, same address — under B's own key
    expect((await photo(b, b.owner, url)).status).toBe(200);
    expect((await photo(a, a.owner, url)).status).toBe(200);
    expect((await photo(a, a.owner, url.replace(/[a-f0-9]{32}/, '0'.repeat(32)))).status).toBe(404);
  });

  it('deletes a replaced photo a day after it was stored, and never one a product of the tenant still names', async () => {
    // A second picture for A's product: the first is now named by no product of A's.
    const other = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#147f49' } }).png().toBuffer();
    const replaced = await json(await upload(a, a.owner, productA, { contentType: 'image/png', data: other.toString('base64') }));
    expect(replaced.status).toBe(201);
    const hashOf = (u: string) => PHOTO_PATH.exec(u)![1]!;
    const stored = async (tenantId: string, hash: string) =>
      (await objectStorage().list(`${objectKey('tenants', tenantId, 'photos')}/`)).filter((o) => o.key.includes(hash)).length;
    expect(await stored(a.tenant.id, hashOf(url))).toBe(3);

    // Within the grace (an upload stores its objects before its product names them): nothing goes.
    expect(await sweepUnusedPhotos({ tenantId: a.tenant.id })).toMatchObject({ deleted: 0 });
    const later = new Date(Date.now() + UNUSED_PHOTO_GRACE_MS + 60_000);
    expect(await sweepUnusedPhotos({ tenantId: a.tenant.id }, later)).toEqual({ deleted: 3, kept: 3 });
    expect(await stored(a.tenant.id, hashOf(url))).toBe(0);
    expect(await stored(a.tenant.id, hashOf(replaced.body.photoUrl))).toBe(3);
    expect((await photo(a, a.owner, replaced.body.photoUrl)).status).toBe(200);
    // B's copy of the first picture is B's, still named by B's product: A's sweep never saw it, and B's keeps it.
    expect(await sweepUnusedPhotos({ tenantId: b.tenant.id }, later)).toEqual({ deleted: 0, kept: 3 });
    expect((await photo(b, b.owner, url)).status).toBe(200);
  });

  it('keeps keys inside their place', async () => {
    expect(() => objectKey('tenants', '..', 'x')).toThrow();
    expect(() => objectKey('tenants', 'a/b')).toThrow();
    const disk = new LocalDiskStorage(process.env.STORAGE_DIR!);
    await expect(disk.put('../escape', new Uint8Array([1]), 'text/plain')).rejects.toThrow();
    await disk.put(objectKey('tenants', 't1', 'x.txt'), new TextEncoder().encode('hi'), 'text/plain');
    expect(await disk.get(objectKey('tenants', 't1', 'x.txt'))).toEqual({ body: new TextEncoder().encode('hi'), contentType: 'text/plain' });
    expect(await disk.get(objectKey('tenants', 't1', 'none.txt'))).toBeNull();
  });
});

/**
 * The S3 adapter against a tiny S3 stand-in: it refuses any request whose Authorization is not
 * an AWS Signature V4 of the expected shape (credential scope, signed headers, signature), and
 * stores objects by path. This checks what the adapter sends, not a real S3's verdict.
 */
describe('S3 storage adapter (a stand-in server, not real S3)', () => {
  let server: Server;
  let endpoint = '';
  const objects = new Map<string, { body: Buffer; type: string }>();
  const seen: string[] = [];
  const SIGV4 = /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/(\d{8})\/eu-west-1\/s3\/aws4_request, SignedHeaders=([a-z0-9-;]+), Signature=[0-9a-f]{64}$/;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const auth = SIGV4.exec(req.headers.authorization ?? '');
        const date = String(req.headers['x-amz-date'] ?? '');
        const signed = auth?.[2]?.split(';') ?? [];
        if (!auth || !date.startsWith(auth[1]!) || !signed.includes('host') || !signed.includes('x-amz-date') || !req.headers['x-amz-content-sha256']) {
          res.writeHead(403).end('SignatureDoesNotMatch');
          return;
        }
        seen.push(`${req.method} ${req.url}`);
        const url = new URL(req.url!, 'http://s3');
        if (req.method === 'PUT') {
          objects.set(req.url!, { body: Buffer.concat(chunks), type: String(req.headers['content-type']) });
          res.writeHead(200).end();
        } else if (req.method === 'DELETE') {
          objects.delete(req.url!);
          res.writeHead(204).end();
        } else if (url.searchParams.get('list-type') === '2') {
          // ListObjectsV2, two keys a page so the adapter must follow continuation tokens.
          const bucket = url.pathname.slice(1);
          const prefix = url.searchParams.get('prefix') ?? '';
          const keys = [...objects.keys()].map((k) => k.slice(bucket.length + 2)).filter((k) => k.startsWith(prefix)).sort();
          const from = Number(url.searchParams.get('continuation-token') ?? 0);
          const page = keys.slice(from, from + 2);
          const more = from + 2 < keys.length;
          const contents = page.map((k) => `<Contents><Key>${k}</Key><LastModified>2026-01-02T03:04:05.000Z</LastModified><Size>3</Size></Contents>`).join('');
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><Prefix>${prefix}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${more}</IsTruncated>${more ? `<NextContinuationToken>${from + 2}</NextContinuationToken>` : ''}${contents}</ListBucketResult>`);
        } else {
          const o = objects.get(req.url!);
          if (!o) res.writeHead(404).end('NoSuchKey');
          else res.writeHead(200, { 'content-type': o.type }).end(o.body);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('puts and gets objects with signed requests, path-style in its bucket', async () => {
    const s3 = new S3Storage({ endpoint, bucket: 'photos', region: 'eu-west-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
    const key = objectKey('tenants', 't1', 'photos', 'abc-160.webp');
    await s3.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
    expect(await s3.get(key)).toEqual({ body: new Uint8Array([1, 2, 3]), contentType: 'image/webp' });
    expect(await s3.get(objectKey('tenants', 't1', 'photos', 'none.webp'))).toBeNull();
    expect(seen).toContain('PUT /photos/tenants/t1/photos/abc-160.webp');
  });

  it('lists a prefix page by page and deletes, signed', async () => {
    const s3 = new S3Storage({ endpoint, bucket: 'photos', region: 'eu-west-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
    const keys = ['a-160.webp', 'a-480.webp', 'a-1024.webp', 'b-160.webp'].map((name) => objectKey('tenants', 't2', 'photos', name));
    for (const key of keys) await s3.put(key, new Uint8Array([1, 2, 3]), 'image/webp');
    await s3.put(objectKey('tenants', 't3', 'photos', 'a-160.webp'), new Uint8Array([1]), 'image/webp');
    const listed = await s3.list('tenants/t2/');
    expect(listed.map((o) => o.key).sort()).toEqual([...keys].sort());
    expect(listed[0]!.modifiedAt).toEqual(new Date('2026-01-02T03:04:05.000Z'));
    await s3.delete(keys[0]!);
    await s3.delete(keys[0]!); // already gone: no error
    expect(await s3.get(keys[0]!)).toBeNull();
    expect((await s3.list('tenants/t2/')).length).toBe(3);
    expect(seen).toContain(`DELETE /photos/${keys[0]}`);
  });

  it('the stand-in refuses an unsigned request, and the adapter reports a refused one', async () => {
    expect((await fetch(`${endpoint}/photos/x`, { method: 'PUT', body: 'x' })).status).toBe(403);
    const wrongKey = new S3Storage({ endpoint, bucket: 'photos', region: 'us-east-1', accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' });
    await expect(wrongKey.put('k', new Uint8Array([1]), 'image/webp')).rejects.toThrow(/403/);
  });
});
