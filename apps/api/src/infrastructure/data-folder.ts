import { closeSync, fsyncSync, mkdirSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import type { BlobStore } from '@sagsgang/blob-store';
import { isDiskFull } from '@sagsgang/event-store';
import { readModelsFile, SetAside, setAsideIfDamaged } from '@sagsgang/projections';
import { AppConfig } from '../config/app-config';

/** What a probe writes (and removes again) to learn whether a full data folder has room again. */
const PROBE_BYTES = 64 * 1024;
const PROBE_EVERY_MS = 1000;

export interface DiskReport {
  path: string;
  freeBytes: number;
  totalBytes: number;
  /** A write failed for lack of space, and nothing has been written since. */
  full: boolean;
  /** Since when, and what could not be written. */
  fullSince?: string;
  failedWrite?: string;
}

/**
 * SAGSGANG_DATA as the operator sees it: the read model file, checked before
 * anything opens it (a damaged one is set aside and rebuilt from the log),
 * and whether the folder has room to write. A write that fails for lack of
 * space marks it full: commands are answered 507 and /health/ready 503 until
 * a write succeeds again or a probe (a small file written, synced and removed)
 * finds room, so readiness comes back by itself when space is freed.
 */
@Injectable()
export class DataFolder {
  readonly path: string;
  readonly readModelsFile: string;
  /** The damaged read model file moved aside at start-up, if there was one. */
  readonly setAside?: SetAside;
  private fullSince?: string;
  private failedWrite?: string;
  private probedAt = 0;
  private readonly logger = new Logger('DataFolder');

  constructor(config: AppConfig) {
    this.path = config.SAGSGANG_DATA;
    mkdirSync(this.path, { recursive: true });
    this.readModelsFile = readModelsFile(this.path);
    this.setAside = setAsideIfDamaged(this.readModelsFile);
    if (this.setAside) {
      this.logger.warn(
        `${this.readModelsFile} was damaged (${this.setAside.problem}); moved to ${this.setAside.movedTo}, rebuilding it from the log`,
      );
    }
  }

  /** Every writer says how its writes went; only a failure for lack of space counts. */
  writeFailed(what: string, error: unknown): void {
    if (!isDiskFull(error)) return;
    if (!this.fullSince) this.logger.error(`${this.path} is full: ${what} could not be written (${String(error)})`);
    this.fullSince ??= new Date().toISOString();
    this.failedWrite = what;
  }

  wrote(): void {
    if (!this.fullSince) return;
    this.logger.log(`${this.path} has room again`);
    this.fullSince = this.failedWrite = undefined;
  }

  /** Free and total bytes, and whether the folder is full (probed again at most once a second while it is). */
  report(): DiskReport {
    if (this.fullSince && Date.now() - this.probedAt >= PROBE_EVERY_MS) this.probe();
    const { bavail, blocks, bsize } = statfsSync(this.path);
    return {
      path: this.path,
      freeBytes: bavail * bsize,
      totalBytes: blocks * bsize,
      full: this.fullSince !== undefined,
      ...(this.fullSince ? { fullSince: this.fullSince, failedWrite: this.failedWrite } : {}),
    };
  }

  private probe(): void {
    this.probedAt = Date.now();
    const file = join(this.path, '.write-probe');
    let fd: number | undefined;
    try {
      fd = openSync(file, 'w');
      writeSync(fd, Buffer.alloc(PROBE_BYTES));
      fsyncSync(fd);
      this.wrote();
    } catch (error) {
      this.writeFailed('a probe of the free space', error);
    } finally {
      if (fd !== undefined) closeSync(fd);
      try {
        unlinkSync(file);
      } catch {
        // never created
      }
    }
  }
}

/** The bilag store, telling the data folder how each write went. */
export function watchBlobWrites(blobs: BlobStore, dataFolder: DataFolder): BlobStore {
  return {
    async put(content) {
      try {
        const stored = await blobs.put(content);
        dataFolder.wrote();
        return stored;
      } catch (error) {
        dataFolder.writeFailed('a bilag', error);
        throw error;
      }
    },
    get: (sha256) => blobs.get(sha256),
  };
}
