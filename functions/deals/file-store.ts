import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * Where the files of signed papers live: an S3 bucket in AWS (file-store-s3.ts), a folder on disk
 * locally (`.data/files`). Keys are built by the deals module (`deals/<dealId>/<fileId>`), never
 * taken from a request.
 */
export interface StoredFile {
  readonly body: Uint8Array;
  readonly contentType: string;
}

export interface FileStore {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | undefined>;
}

const KEY_PATTERN = /^[A-Za-z0-9]+(?:\/[A-Za-z0-9]+)*$/;

/** Files on disk under one folder; the content type is kept beside each file. */
export class LocalFileStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`bad file key ${key}`);
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error(`bad file key ${key}`);
    return path;
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Written aside and renamed: a crash never leaves half a file under the key.
    await writeFile(`${path}.tmp`, body, { mode: 0o600 });
    await writeFile(`${path}.type`, contentType, { mode: 0o600 });
    await rename(`${path}.tmp`, path);
  }

  async get(key: string): Promise<StoredFile | undefined> {
    const path = this.pathOf(key);
    try {
      const [body, contentType] = await Promise.all([readFile(path), readFile(`${path}.type`, 'utf8')]);
      return { body: new Uint8Array(body), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
