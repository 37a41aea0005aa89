import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, promises as fs, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline, Transform } from 'node:stream';
import { BlobStore, OpenedBlob, PendingBlob, StoredBlob } from './blob-store.port';

const SHA256 = /^[0-9a-f]{64}$/;
/** Uploads in progress live here, on the same file system as the blobs, so keeping one is a rename. */
const PENDING = 'tmp';
const TEMPORARY = /\.tmp$/;

/**
 * Blobs as files `<root>/ab/abcdef…`; received into `<root>/tmp`, fsynced,
 * then renamed into place. A write that fails (a full disk, a client gone)
 * removes its temporary file.
 */
export class FilesystemBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(content: Buffer): Promise<StoredBlob> {
    const pending = await this.receive([content]);
    await pending.keep().catch(async (error: unknown) => {
      await pending.discard();
      throw error;
    });
    return { sha256: pending.sha256, size: pending.size };
  }

  async receive(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<PendingBlob> {
    await fs.mkdir(join(this.root, PENDING), { recursive: true });
    const temporary = join(this.root, PENDING, `${randomUUID()}.tmp`);
    const handle = await fs.open(temporary, 'wx', 0o640);
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of chunks) {
        hash.update(chunk);
        size += chunk.length;
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    const sha256 = hash.digest('hex');
    return { sha256, size, keep: () => this.keep(temporary, sha256), discard: () => fs.rm(temporary, { force: true }) };
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    return fs.readFile(this.pathOf(sha256)).catch(undefinedIfMissing);
  }

  async open(sha256: string): Promise<OpenedBlob | undefined> {
    if (!SHA256.test(sha256)) return undefined;
    const path = this.pathOf(sha256);
    const stat = await fs.stat(path).catch(undefinedIfMissing);
    if (!stat) return undefined;
    // pipeline, not pipe: a read error must reach the reader instead of leaving it waiting.
    return { size: stat.size, stream: pipeline(createReadStream(path), checkedAgainst(sha256), () => undefined) };
  }

  async has(sha256: string): Promise<boolean> {
    return SHA256.test(sha256) && (await exists(this.pathOf(sha256)));
  }

  /**
   * Removes the temporary files a crash left behind. For the API at its start
   * only: it is the one process that writes the folder, so none of them can
   * still be in use then (a CLI export reading the folder meanwhile must not).
   */
  removeTemporaryFiles(): void {
    let entries: string[];
    try {
      entries = readdirSync(this.root, { recursive: true }) as string[];
    } catch {
      return; // no bilag yet
    }
    for (const entry of entries) if (TEMPORARY.test(entry)) rmSync(join(this.root, entry), { force: true });
  }

  private async keep(temporary: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await exists(target)) return fs.rm(temporary, { force: true });
    await fs.mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await fs.rename(temporary, target);
  }

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

/** Passes the bytes through and fails at the end if they do not hash to `sha256`, so a changed file is never served as whole. */
function checkedAgainst(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(actual === sha256 ? null : new Error(`blob ${sha256} has changed on disk: its bytes hash to ${actual}`));
    },
  });
}

function undefinedIfMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}
