import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Scalar's API reference script (@scalar/api-reference's standalone build), served by this app so
 * /developers needs no CDN at run time. Read from node_modules (next.config.js traces it into the
 * standalone build); the same for every host and version-pinned in package.json, so cacheable.
 */
const FILE = path.join(process.cwd(), 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js');
let script: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  script ??= readFile(FILE);
  return new Response(new Uint8Array(await script), { headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400' } });
}
