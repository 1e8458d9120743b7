import { AwsClient } from 'aws4fetch';
import type { ListedObject, ObjectStorage, StoredObject } from './types';

export type S3Options = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/**
 * An S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …), path-style
 * (`<endpoint>/<bucket>/<key>`), every request signed with AWS Signature V4 by aws4fetch.
 * Tested against an in-test HTTP server that checks the signature's shape and stores objects;
 * never run against a real S3 here (docs/catalog.md).
 */
export class S3Storage implements ObjectStorage {
  private readonly client: AwsClient;
  private readonly base: string;
  constructor(options: S3Options) {
    this.client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: 's3' });
    this.base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}`;
  }

  private urlOf(key: string): string {
    return `${this.base}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const res = await this.client.fetch(this.urlOf(key), { method: 'PUT', body: body as BodyInit, headers: { 'content-type': contentType } });
    if (!res.ok) throw new Error(`S3 PUT ${key}: ${res.status} ${await res.text()}`);
  }

  async get(key: string): Promise<StoredObject | null> {
    const res = await this.client.fetch(this.urlOf(key), { method: 'GET' });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`S3 GET ${key}: ${res.status}`);
    return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
  }

  /** ListObjectsV2, page by page (at most 1000 keys a page). */
  async list(prefix: string): Promise<ListedObject[]> {
    const listed: ListedObject[] = [];
    let token: string | null = null;
    do {
      const query = new URLSearchParams({ 'list-type': '2', prefix, ...(token && { 'continuation-token': token }) });
      const res = await this.client.fetch(`${this.base}?${query}`, { method: 'GET' });
      if (!res.ok) throw new Error(`S3 LIST ${prefix}: ${res.status}`);
      const xml = await res.text();
      for (const [, contents] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const key = xmlText(contents!, 'Key');
        const modified = xmlText(contents!, 'LastModified');
        if (key && modified) listed.push({ key, modifiedAt: new Date(modified) });
      }
      token = xmlText(xml, 'IsTruncated') === 'true' ? xmlText(xml, 'NextContinuationToken') : null;
    } while (token);
    return listed;
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.urlOf(key), { method: 'DELETE' });
    if (!res.ok && res.status !== 404) throw new Error(`S3 DELETE ${key}: ${res.status}`);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of the first `<tag>` in `xml` (S3's answers are flat enough for this), entities decoded. */
function xmlText(xml: string, tag: string): string | null {
  const found = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
  return found === undefined ? null : found.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
}
