import { mkdirSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import type { BlobStore } from '@sagsgang/blob-store';
import { isDiskFull } from '@sagsgang/event-store';
import { readModelsFile, SetAside, setAsideIfDamaged } from '@sagsgang/projections';
import { AppConfig } from '../config/app-config';
import { SOEGNING_FILE_NAME } from '../offentlig/soegning/soege-indeks';
import { DiskReserve } from './disk-reserve';

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
 * SAGSGANG_DATA as the operator sees it: the read model file and the search
 * index, checked before anything opens them (a damaged one is set aside and
 * rebuilt from the log),
 * and whether the folder has room to write. A write that fails for lack of
 * space marks it full: commands are answered 507 and /health/ready 503 until
 * a write succeeds again or a probe (a small file written, synced and removed,
 * and the DiskReserve made again) finds room, so readiness comes back by
 * itself when space is freed. An API started on a full disk releases the
 * reserve, so that it can open its files and serve reads.
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
  private readonly reserve: DiskReserve;
  private readonly logger = new Logger('DataFolder');

  constructor(config: AppConfig) {
    this.path = config.SAGSGANG_DATA;
    mkdirSync(this.path, { recursive: true });
    this.reserve = new DiskReserve(this.path);
    this.startWithRoom();
    this.readModelsFile = readModelsFile(this.path);
    this.setAside = this.checked(this.readModelsFile);
    this.checked(join(this.path, SOEGNING_FILE_NAME));
  }

  /** A file derived from the log, checked: a damaged one is moved aside, to be built again from the log. */
  private checked(file: string): SetAside | undefined {
    const setAside = setAsideIfDamaged(file);
    if (setAside) this.logger.warn(`${file} was damaged (${setAside.problem}); moved to ${setAside.movedTo}, rebuilding it from the log`);
    return setAside;
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

  /** Before the stores open: on a full disk the reserve is released, and the folder counts as full from the start. */
  private startWithRoom(): void {
    try {
      this.reserve.probe();
      this.reserve.keep();
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      const released = this.reserve.release();
      this.writeFailed(released ? 'the reserve, released so that the API could start' : 'a probe of the free space', error);
    }
  }

  private probe(): void {
    this.probedAt = Date.now();
    try {
      this.reserve.probe();
      this.reserve.keep();
      this.wrote();
    } catch {
      // still full
    }
  }
}

/** The bilag store, telling the data folder how each write went (a received file's, and its keeping). */
export function watchBlobWrites(blobs: BlobStore, dataFolder: DataFolder): BlobStore {
  async function watched<T>(write: () => Promise<T>): Promise<T> {
    try {
      const written = await write();
      dataFolder.wrote();
      return written;
    } catch (error) {
      dataFolder.writeFailed('a bilag', error);
      throw error;
    }
  }
  return {
    put: (content) => watched(() => blobs.put(content)),
    receive: async (chunks) => {
      const pending = await watched(() => blobs.receive(chunks));
      return { ...pending, keep: () => watched(() => pending.keep()) };
    },
    get: (sha256) => blobs.get(sha256),
    open: (sha256) => blobs.open(sha256),
    has: (sha256) => blobs.has(sha256),
  };
}
