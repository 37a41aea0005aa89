import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import type { LogAnchor } from '@sagsgang/event-store';
import { InvalidReadModelQuery, ReadModelsInUse } from './errors';
import { AnyProjection, ColumnValue, validateProjections } from './projection';
import { FindQuery, FindResult, FOLD_FUNCTION, foldCase } from './find-query';
import { ReadModelTable, TABLE_PREFIX } from './read-model-table';
import type { RowChunk } from './row-chunks';

export const READ_MODELS_FILE_NAME = 'readmodels.sqlite';

const PAGE_SIZE = 16384;
const REPLACEMENT_MMAP_SIZE = 2 ** 31;

/** `<SAGSGANG_DATA>/readmodels.sqlite`, whichever event store is used. */
export function readModelsFile(dataDir: string): string {
  return join(dataDir, READ_MODELS_FILE_NAME);
}

export interface Checkpoint extends LogAnchor {
  projection: string;
  version: number;
  /** The last global position applied (0: nothing yet). */
  position: number;
}

export interface ReadModelStoreOptions {
  /**
   * Hold the file for this process alone until close() (SQLite's EXCLUSIVE
   * locking mode), for a rebuild outside the API. Opening fails at once with
   * ReadModelsInUse while any other connection has the file open (a running
   * API always has), and while it is held every other open of the file fails
   * with SQLITE_BUSY once its busy timeout runs out, so an API cannot start
   * on read models that are half rebuilt. The OS releases the lock if the
   * process dies.
   */
  exclusive?: boolean;
}

/** What opening the store did to each projection's table. */
export interface Installation {
  projection: string;
  outcome: 'created' | 'kept' | 'rebuilt';
  /** Why the table was rebuilt. */
  reason?: string;
}

/**
 * The read models: one SQLite file (WAL) with a table per projection and a
 * checkpoints table. Opening it installs every projection's table; a stored
 * version (or column set) that differs from the code drops the table and
 * resets its checkpoint to 0, so the runner rebuilds it from the log.
 */
export class ReadModelStore {
  readonly installed: readonly Installation[];
  readonly projections: readonly AnyProjection[];
  private readonly db: Database;
  private readonly exclusive: boolean;
  private readonly tables = new Map<string, ReadModelTable>();
  /** During a replacement: each table's insert. */
  private readonly inserts = new Map<string, Statement>();
  private readonly sql: { read: Statement; upsert: Statement; advance: Statement };

  constructor(file: string, projections: readonly AnyProjection[], options: ReadModelStoreOptions = {}) {
    validateProjections(projections);
    this.projections = projections;
    mkdirSync(dirname(file), { recursive: true });
    this.db = new BetterSqlite3(file);
    this.exclusive = options.exclusive ?? false;
    // A new file gets 16 KB pages (an existing one keeps its own): a document of
    // a few KB then sits on its row's page instead of a chain of overflow pages,
    // which made a replay's inserts about 0.6 s cheaper per 1,000,000 events.
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    if (this.exclusive) lockExclusively(this.db, file);
    this.db.pragma('journal_mode = WAL');
    // Relaxed durability is safe here: the event log is the source of truth, and each
    // batch's documents and checkpoint commit together, so losing the last commits on
    // power loss only rewinds the checkpoint and those events are applied again.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    // 64 MB of page cache: a replay rewrites most pages of the larger tables in every batch.
    this.db.pragma('cache_size = -65536');
    this.db.function(FOLD_FUNCTION, { deterministic: true }, foldCase);
    createCheckpoints(this.db);
    this.sql = {
      read: this.db.prepare(
        'SELECT projection, version, position, store_id AS storeId, event_id AS eventId FROM checkpoints WHERE projection = ?',
      ),
      upsert: this.db.prepare(
        'INSERT INTO checkpoints (projection, version, position) VALUES (?, ?, 0)' +
          ' ON CONFLICT (projection) DO UPDATE SET version = excluded.version, position = 0, store_id = NULL, event_id = NULL',
      ),
      advance: this.db.prepare('UPDATE checkpoints SET position = ?, store_id = ?, event_id = ? WHERE projection = ?'),
    };
    for (const projection of projections) this.tables.set(projection.name, new ReadModelTable(this.db, projection));
    this.installed = this.transaction(() => projections.map((projection) => this.install(projection)));
  }

  get<D>(projection: string, id: string): D | null {
    return this.table(projection).get(id) as D | null;
  }

  find<D>(projection: string, query: FindQuery = {}): FindResult<D> {
    return this.table(projection).find(query) as FindResult<D>;
  }

  distinct(projection: string, column: string, query: Pick<FindQuery, 'where' | 'contains'> = {}): ColumnValue[] {
    return this.table(projection).distinct(column, query);
  }

  checkpoint(projection: string): Checkpoint {
    this.table(projection);
    const { storeId, eventId, ...checkpoint } = this.sql.read.get(projection) as Checkpoint & {
      storeId: string | null;
      eventId: string | null;
    };
    return { ...checkpoint, ...(storeId !== null ? { storeId } : {}), ...(eventId !== null ? { eventId } : {}) };
  }

  /**
   * sha256 (hex) over every projection's documents in a canonical order
   * (projection name, then id), read in one snapshot: equal read models give
   * equal digests, whether built live or replayed.
   */
  digest(): string {
    const hash = createHash('sha256');
    this.db.transaction(() => {
      for (const name of [...this.tables.keys()].sort()) {
        hash.update(`# ${name}\n`);
        this.tables.get(name)!.digestInto(hash);
      }
    })();
    return hash.digest('hex');
  }

  /** Drops every read model table and checkpoint, then installs empty tables at position 0. */
  reset(): void {
    this.transaction(() => {
      this.dropAll();
      this.projections.forEach((projection) => this.install(projection));
    });
  }

  /**
   * Starts replacing every read model, for a rebuild that folded the log in
   * memory: in one transaction, drops every read model table and checkpoint
   * and creates the tables again without their indexes. Then insertRows
   * writes each document once, in id order, and commitReplacement indexes
   * the tables, moves every checkpoint to the position and commits, or
   * rollbackReplacement leaves the read models as they were. On an exclusive
   * store the transaction uses a rollback journal instead of the WAL: pages
   * freed by the dropped tables are then reused without being written twice
   * (WAL writes every page to the log first, then into the file), and a crash
   * still rolls the whole of it back.
   */
  beginReplacement(): void {
    if (this.exclusive) this.db.pragma('journal_mode = DELETE');
    // Building each index scans the new table once; mapped, the scans read the
    // pages written moments before without a read() call for each (SQLite caps the size).
    this.db.pragma(`mmap_size = ${REPLACEMENT_MMAP_SIZE}`);
    this.db.exec('BEGIN IMMEDIATE');
    this.dropAll();
    for (const [name, table] of this.tables) this.inserts.set(name, table.createForInserts());
  }

  /** Inserts a chunk of encoded rows into its projection's table. */
  insertChunk({ projection, ids, ends, bytes, values }: RowChunk): void {
    const insert = this.inserts.get(projection)!;
    const width = this.table(projection).columns.length;
    const documents = Buffer.from(bytes);
    for (let i = 0, start = 0; i < ids.length; start = ends[i++]) {
      insert.run(ids[i], documents.subarray(start, ends[i]), ...values.slice(i * width, (i + 1) * width));
    }
  }

  commitReplacement(anchor: LogAnchor): void {
    for (const { name, version } of this.projections) {
      this.tables.get(name)!.open();
      this.sql.upsert.run(name, version);
      this.advance(name, anchor);
    }
    this.db.exec('COMMIT');
    this.endReplacement();
  }

  rollbackReplacement(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.endReplacement();
  }

  private endReplacement(): void {
    this.inserts.clear();
    this.db.pragma('mmap_size = 0');
    if (this.exclusive) this.db.pragma('journal_mode = WAL');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** For the runner: one projection's table. */
  table(projection: string): ReadModelTable {
    const table = this.tables.get(projection);
    if (!table) throw new InvalidReadModelQuery(`Unknown projection "${projection}"`);
    return table;
  }

  /** For the runner: runs `work` in one write transaction, committed whole or not at all. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** For the runner, inside a transaction: the projection has applied the log up to the anchor's event. */
  advance(projection: string, { position, storeId, eventId }: LogAnchor): void {
    this.sql.advance.run(position, storeId ?? null, eventId ?? null, projection);
  }

  private dropAll(): void {
    const tables = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?`)
      .pluck()
      .all(TABLE_PREFIX.length, TABLE_PREFIX) as string[];
    for (const table of tables) this.db.exec(`DROP TABLE "${table.replaceAll('"', '""')}"`);
    this.db.exec('DELETE FROM checkpoints');
  }

  private install(projection: AnyProjection): Installation {
    const table = this.tables.get(projection.name)!;
    const stored = this.sql.read.get(projection.name) as Checkpoint | undefined;
    const reason = !stored
      ? undefined
      : stored.version !== projection.version
        ? `version ${stored.version} → ${projection.version}`
        : !table.matchesSchema()
          ? 'the table does not match the declared columns'
          : undefined;
    if (stored && !reason) {
      table.open();
      return { projection: projection.name, outcome: 'kept' };
    }
    this.db.exec(`DROP TABLE IF EXISTS ${table.table}`);
    table.create();
    this.sql.upsert.run(projection.name, projection.version);
    return { projection: projection.name, outcome: stored ? 'rebuilt' : 'created', reason };
  }
}

/** The checkpoints table, with the anchor columns added to a file from before anchors were kept. */
function createCheckpoints(db: Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, store_id TEXT, event_id TEXT)`);
  const columns = new Set((db.pragma('table_info(checkpoints)') as Array<{ name: string }>).map((column) => column.name));
  for (const column of ['store_id', 'event_id']) if (!columns.has(column)) db.exec(`ALTER TABLE checkpoints ADD COLUMN ${column} TEXT`);
}

/**
 * Takes the write lock at once and keeps it: in WAL mode every open
 * connection holds a shared lock on the file, so this fails (without waiting)
 * exactly when another connection has the file open. Closes the connection
 * if it fails.
 */
export function lockExclusively(db: Database, file: string): void {
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    throw (error as { code?: unknown }).code === 'SQLITE_BUSY' ? new ReadModelsInUse(file) : error;
  }
}
