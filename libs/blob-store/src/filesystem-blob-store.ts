import { randomUUID } from 'node:crypto';
import { promises as fs, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore, describeBlob, StoredBlob } from './blob-store.port';

const SHA256 = /^[0-9a-f]{64}$/;
const TEMPORARY = /\.tmp$/;

/**
 * Blobs as files `<root>/ab/abcdef…`; written to a temp file, fsynced, then
 * renamed into place. A write that fails (a full disk) removes its temp file,
 * and temp files a crash left behind are removed when the store is opened:
 * one process writes the folder, so none of them can still be in use.
 */
export class FilesystemBlobStore implements BlobStore {
  constructor(private readonly root: string) {
    removeTemporaryFiles(root);
  }

  async put(content: Buffer): Promise<StoredBlob> {
    const { sha256 } = describeBlob(content);
    const target = this.pathOf(sha256);
    if (!(await exists(target))) {
      await fs.mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      try {
        await writeDurably(temporary, content);
        await fs.rename(temporary, target);
      } catch (error) {
        await fs.rm(temporary, { force: true });
        throw error;
      }
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

async function writeDurably(file: string, content: Buffer): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o640);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function removeTemporaryFiles(root: string): void {
  let entries: string[];
  try {
    entries = readdirSync(root, { recursive: true }) as string[];
  } catch {
    return; // no bilag yet
  }
  for (const entry of entries) if (TEMPORARY.test(entry)) rmSync(join(root, entry), { force: true });
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}
