import { closeSync, existsSync, fsyncSync, openSync, rmSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** What a probe writes (and removes again) to learn whether the data folder has room. */
const PROBE_BYTES = 64 * 1024;
/** Room kept back in the data folder for the day it fills up: enough for the stores to open and be read. */
const RESERVE_BYTES = 8 * 1024 * 1024;

/**
 * A file of RESERVE_BYTES kept in the data folder while there is room. When
 * the disk is full, SQLite cannot even open its files for reading (the WAL's
 * shared-memory index needs a few pages), so an API started on a full disk
 * releases the reserve first: it starts, serves reads and says it is not
 * ready, instead of dying at every restart. The reserve is made again once
 * the operator has freed space.
 */
export class DiskReserve {
  private readonly file: string;
  private readonly probeFile: string;

  constructor(private readonly folder: string) {
    this.file = join(folder, '.reserve');
    this.probeFile = join(folder, '.write-probe');
  }

  get held(): boolean {
    return existsSync(this.file);
  }

  /** Frees the reserve's room; true if there was one. */
  release(): boolean {
    if (!this.held) return false;
    unlinkSync(this.file);
    return true;
  }

  /**
   * Makes the reserve if it is missing and there is room for twice its size
   * (else the API would fill the disk again at once); throws, leaving no
   * partial file, when there is not.
   */
  keep(): void {
    if (this.held) return;
    const { bavail, bsize } = statfsSync(this.folder);
    if (bavail * bsize < 2 * RESERVE_BYTES) {
      throw Object.assign(new Error(`not room enough in ${this.folder} to keep its reserve of ${RESERVE_BYTES} bytes`), { code: 'ENOSPC' });
    }
    try {
      // Not synced: the file systems the API runs on set the blocks aside when they are written.
      writeZeros(this.file, RESERVE_BYTES, false);
    } catch (error) {
      rmSync(this.file, { force: true });
      throw error;
    }
  }

  /** Writes, syncs and removes a small file: throws when the folder has no room for it. */
  probe(): void {
    try {
      writeZeros(this.probeFile, PROBE_BYTES, true);
    } finally {
      rmSync(this.probeFile, { force: true });
    }
  }
}

function writeZeros(file: string, bytes: number, sync: boolean): void {
  const fd = openSync(file, 'w');
  try {
    const block = Buffer.alloc(Math.min(bytes, 1024 * 1024));
    for (let written = 0; written < bytes; written += block.length) writeSync(fd, block);
    if (sync) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
