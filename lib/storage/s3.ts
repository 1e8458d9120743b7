import { AwsClient } from 'aws4fetch';
import type { ObjectStorage, StoredObject } from './types';

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
}
