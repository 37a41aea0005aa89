import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { Database } from 'better-sqlite3';
import type { LogAnchor } from '@sagsgang/event-store';

/** A follow-up the target refused: kept so /health can count it and a replay does not retry it. */
export interface FollowUpFailure {
  manager: string;
  eventId: string;
  /** Index of the follow-up among those the event asks for. */
  followUp: number;
  position: number;
  eventType: string;
  command: string;
  target: string;
  error: string;
  recordedAt: string;
}

/**
 * Each process manager's checkpoint (the last event it has fully handled,
 * anchored in the log: see LogAnchor) and its refused follow-ups, in two
 * small tables of the read-model
 * file. They are not read models: a rebuild of the read models (which drops
 * the `rm_` tables and the projection checkpoints) leaves them alone, since
 * what a process manager did lives in the event log, not here.
 */
export class ProcessManagerStore {
  private readonly db: Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    // A checkpoint lost on power loss only means events handled again, which appends nothing twice.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS pm_checkpoints (manager TEXT PRIMARY KEY, position INTEGER NOT NULL, store_id TEXT, event_id TEXT)`,
    );
    const columns = new Set((this.db.pragma('table_info(pm_checkpoints)') as Array<{ name: string }>).map((column) => column.name));
    for (const column of ['store_id', 'event_id'])
      if (!columns.has(column)) this.db.exec(`ALTER TABLE pm_checkpoints ADD COLUMN ${column} TEXT`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS pm_failures (
      manager TEXT NOT NULL, event_id TEXT NOT NULL, follow_up INTEGER NOT NULL, position INTEGER NOT NULL,
      event_type TEXT NOT NULL, command TEXT NOT NULL, target TEXT NOT NULL, error TEXT NOT NULL, recorded_at TEXT NOT NULL,
      PRIMARY KEY (manager, event_id, follow_up))`);
  }

  /** Position 0 when the manager has handled nothing yet. */
  checkpoint(manager: string): LogAnchor {
    const row = this.db
      .prepare('SELECT position, store_id AS storeId, event_id AS eventId FROM pm_checkpoints WHERE manager = ?')
      .get(manager) as { position: number; storeId: string | null; eventId: string | null } | undefined;
    if (!row) return { position: 0 };
    return { position: row.position, ...(row.storeId ? { storeId: row.storeId } : {}), ...(row.eventId ? { eventId: row.eventId } : {}) };
  }

  saveCheckpoint(manager: string, { position, storeId, eventId }: LogAnchor): void {
    this.db
      .prepare(
        `INSERT INTO pm_checkpoints (manager, position, store_id, event_id) VALUES (?, ?, ?, ?) ON CONFLICT (manager)
         DO UPDATE SET position = excluded.position, store_id = excluded.store_id, event_id = excluded.event_id`,
      )
      .run(manager, position, storeId ?? null, eventId ?? null);
  }

  /** Refusals recorded for events after `position` (all of them with 0): those events are not in the log the manager now follows. */
  forgetFailuresAfter(manager: string, position: number): void {
    this.db.prepare('DELETE FROM pm_failures WHERE manager = ? AND position > ?').run(manager, position);
  }

  recordFailure(failure: FollowUpFailure): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO pm_failures (manager, event_id, follow_up, position, event_type, command, target, error, recorded_at)
         VALUES (@manager, @eventId, @followUp, @position, @eventType, @command, @target, @error, @recordedAt)`,
      )
      .run(failure);
  }

  hasFailed(manager: string, eventId: string, followUp: number): boolean {
    return !!this.db
      .prepare('SELECT 1 FROM pm_failures WHERE manager = ? AND event_id = ? AND follow_up = ?')
      .get(manager, eventId, followUp);
  }

  failures(manager: string): { count: number; last?: FollowUpFailure } {
    const count = this.db.prepare('SELECT COUNT(*) FROM pm_failures WHERE manager = ?').pluck().get(manager) as number;
    const last = this.db
      .prepare(
        `SELECT manager, event_id AS eventId, follow_up AS followUp, position, event_type AS eventType, command, target, error,
                recorded_at AS recordedAt
         FROM pm_failures WHERE manager = ? ORDER BY position DESC, follow_up DESC LIMIT 1`,
      )
      .get(manager) as FollowUpFailure | undefined;
    return last ? { count, last } : { count };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
