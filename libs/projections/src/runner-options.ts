import type { EventStore } from '@sagsgang/event-store';
import type { ReadModelStore } from './read-model-store';

export type LogLevel = 'info' | 'warn' | 'error';
export type ProjectionLogger = (level: LogLevel, message: string, context?: Record<string, unknown>) => void;

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  /** Its projections are the ones the runner feeds. */
  readModels: ReadModelStore;
  logger?: ProjectionLogger;
  /**
   * Most events per transaction while catching up (default 50 000: a document
   * touched several times within a batch is written once, which measured
   * about twice as fast as 5 000 on a replay). Live batches are smaller: see `pump`.
   */
  batchSize?: number;
  /** Committed documents each projection keeps parsed between batches (default 10 000). */
  cacheSize?: number;
  /** Told each failure that cuts the runner off from the log or its file for a while (a full disk, an unreachable store). */
  onInterrupted?: (error: unknown) => void;
  /** How often a running runner checks that its newest checkpoint is still a place in the log (default 10 s). */
  logCheckIntervalMs?: number;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  /** The last global position applied. */
  checkpoint: number;
  /** retrying: the log or the read model file failed for a reason that may pass (see error); the runner subscribes again on its own. */
  state: 'running' | 'retrying' | 'stopped' | 'failed';
  error?: string;
}

export interface ProjectionLag extends ProjectionStatus {
  head: number;
  /** head − checkpoint, in the store's positions (events on SQLite and memory, bytes on EventStoreDB). */
  lag: number;
}

/** Something the runner did on its own that an operator should hear of. */
export interface Incident {
  at: string;
  reason: string;
}

export interface RunnerHealth {
  /** How often the runner subscribed to the log again after losing it. */
  reconnects: number;
  /** The last time every read model was dropped and rebuilt because its checkpoints were not in the log. */
  lastRebuild?: Incident;
}
