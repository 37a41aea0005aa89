import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { BlobStore, describeBlob, StoredBlob } from './blob-store.port';

const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs as files `<root>/ab/abcdef…`; written to a temp file, fsynced, then renamed into place. */
export class FilesystemBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(content: Buffer): Promise<StoredBlob> {
    const { sha256 } = describeBlob(content);
    const target = this.pathOf(sha256);
    if (!(await exists(target))) {
      await fs.mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      const handle = await fs.open(temporary, 'wx', 0o640);
      try {
        await handle.writeFile(content);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
    }
    return { sha256, size: content.length };
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}
