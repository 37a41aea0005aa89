import type { PendingBlob } from '@sagsgang/blob-store';
import { BlobOptions, BlobRecord } from './blob-lines';
import { ExportRecord } from './export-log';

/**
 * Writes the files an export carries into the blob store as their lines
 * come (each through a temporary file, kept once its bytes hash to its
 * name), and checks that every file an event names is there before the
 * event goes in.
 */
export class BlobImport {
  private open?: { sha256: string; size: number; next: number; pieces: Pieces; received: Promise<PendingBlob>; line: number };
  count = 0;

  constructor(private readonly blobs: BlobOptions) {}

  async piece(record: BlobRecord, line: number, fail: (line: number, detail: string) => Error): Promise<void> {
    if (this.open && this.open.sha256 !== record.blob) throw fail(line, `file ${this.open.sha256} ends before all its bytes came`);
    if (!this.open) {
      if (record.offset !== 0) throw fail(line, `file ${record.blob} starts at offset ${record.offset}, not 0`);
      const pieces = new Pieces();
      this.open = { sha256: record.blob, size: record.size, next: 0, pieces, received: this.blobs.store.receive(pieces), line };
    }
    const open = this.open;
    if (record.offset !== open.next || record.size !== open.size) {
      throw fail(
        line,
        `file ${record.blob}: offset ${record.offset} of ${record.size} bytes where offset ${open.next} of ${open.size} comes next`,
      );
    }
    const bytes = Buffer.from(record.base64, 'base64');
    open.next += bytes.length;
    if (open.next > open.size) throw fail(line, `file ${record.blob} has more than its ${open.size} bytes`);
    await open.pieces.push(bytes);
    if (open.next === open.size) await this.close(line, fail);
  }

  /** Every file the event names must be in the store by now: carried by the export, or there already. */
  async named(record: ExportRecord, line: number, fail: (line: number, detail: string) => Error): Promise<void> {
    if (this.open) throw fail(line, `file ${this.open.sha256} ends before all its bytes came`);
    for (const { sha256, optional } of this.blobs.references(record)) {
      if (!optional && !(await this.blobs.store.has(sha256))) {
        throw fail(line, `${record.stream} revision ${record.revision} names the file ${sha256}, which the export does not carry`);
      }
    }
  }

  /** A file still open when the import stops is not kept. */
  async abandon(): Promise<void> {
    if (!this.open) return;
    const { pieces, received } = this.open;
    this.open = undefined;
    pieces.fail(new Error('the import stopped'));
    await received.then((pending) => pending.discard()).catch(() => undefined);
  }

  private async close(line: number, fail: (line: number, detail: string) => Error): Promise<void> {
    const { sha256, pieces, received } = this.open!;
    this.open = undefined;
    pieces.end();
    const pending = await received;
    if (pending.sha256 !== sha256) {
      await pending.discard();
      throw fail(line, `file ${sha256}: its bytes hash to ${pending.sha256}; the export was changed`);
    }
    await pending.keep();
    this.count++;
  }
}

/** Pieces handed to the blob store as they come; `push` waits while the store is behind, so few are held at once. */
class Pieces implements AsyncIterable<Uint8Array> {
  private readonly queue: Buffer[] = [];
  private done = false;
  private error?: Error;
  /** The store stopped reading (it failed): pushes no longer wait, and its failure comes out of `receive`. */
  private stopped = false;
  private wake?: () => void;
  private drained?: () => void;

  async push(bytes: Buffer): Promise<void> {
    this.queue.push(bytes);
    this.signal();
    if (this.queue.length > 1 && !this.stopped) await new Promise<void>((resolve) => (this.drained = resolve));
  }

  end(): void {
    this.done = true;
    this.signal();
  }

  fail(error: Error): void {
    this.error = error;
    this.signal();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    try {
      for (;;) {
        if (this.error) throw this.error;
        const next = this.queue.shift();
        if (next) {
          this.release();
          yield next;
        } else if (this.done) return;
        else await new Promise<void>((resolve) => (this.wake = resolve));
      }
    } finally {
      this.stopped = true;
      this.release();
    }
  }

  private release(): void {
    this.drained?.();
    this.drained = undefined;
  }

  private signal(): void {
    this.wake?.();
    this.wake = undefined;
  }
}
