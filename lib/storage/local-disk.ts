import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ListedObject, ObjectStorage, StoredObject } from './types';

/**
 * Objects as files under `root` (default `.data/objects`, beside PGlite's data): the body at
 * `<root>/<key>` and its media type beside it in `<key>.type`. Written to a temporary name and
 * renamed, so a reader never sees half a file.
 */
export class LocalDiskStorage implements ObjectStorage {
  private readonly root: string;
  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new Error('The key leaves the storage folder');
    return file;
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
    await writeFile(`${temp}.type`, contentType);
    await rename(`${temp}.type`, `${file}.type`);
    await writeFile(temp, body);
    await rename(temp, file);
  }

  async get(key: string): Promise<StoredObject | null> {
    const file = this.pathOf(key);
    try {
      const [body, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, 'utf8')]);
      return { body: new Uint8Array(body), contentType };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async list(prefix: string): Promise<ListedObject[]> {
    // The folder the prefix is in, walked whole; the prefix then filters its keys.
    const folder = prefix.endsWith('/') ? prefix.slice(0, -1) : path.posix.dirname(prefix);
    let names: string[];
    try {
      names = await readdir(folder === '.' ? this.root : this.pathOf(folder), { recursive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const keys = names
      .map((name) => (folder === '.' ? name : `${folder}/${name.split(path.sep).join('/')}`))
      .filter((key) => key.startsWith(prefix) && !key.endsWith('.type') && !key.endsWith('.tmp'));
    const listed = await Promise.all(
      keys.map(async (key) => {
        const info = await stat(this.pathOf(key)).catch(() => null); // gone meanwhile, or a folder
        return info?.isFile() ? [{ key, modifiedAt: info.mtime }] : [];
      }),
    );
    return listed.flat();
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}.type`, { force: true });
  }
}
