import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** app/api/v1, where every public API route lives. */
export const API_DIR = join(process.cwd(), 'app/api/v1');

export type Route = { file: string; path: string; params: string[] };

/** Every route.ts under app/api/v1, as its URL pattern and params (in directory order, sorted). */
export function findRoutes(dir = API_DIR): Route[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return findRoutes(full);
      if (name !== 'route.ts') return [];
      const path = `/api/v1/${relative(API_DIR, dir).split('\\').join('/')}`.replace(/\/$/, '');
      return [{ file: full, path, params: [...path.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!) }];
    });
}
