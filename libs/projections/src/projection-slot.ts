import type { RecordedEvent } from '@sagsgang/event-store';
import { DocumentCache } from './document-cache';
import { ProjectionFailed } from './errors';
import { AnyProjection, applyEvent, ColumnValue, eventMatcher } from './projection';
import { ReadModelTable, RowWrite, StoredDocument } from './read-model-table';

/** A batch's changes to one projection, encoded and ready to write. */
export interface PreparedWrite {
  rows: RowWrite[];
  stored: Array<[string, StoredDocument | null]>;
}

/**
 * One projection inside the runner: its checkpoint, the documents changed by
 * the events applied since the last commit, and a bounded cache of committed
 * documents so that a document touched again soon is neither read nor parsed
 * again. Nothing is written here; the runner commits every slot's changes and
 * checkpoint in one transaction.
 */
export class ProjectionSlot {
  failure?: ProjectionFailed;
  private readonly matches: ((event: RecordedEvent) => boolean) | undefined;
  /** id → the document after the events applied so far (null: deleted). */
  private readonly changes = new Map<string, unknown>();
  /** id → the committed row (null: none). */
  private readonly committed: DocumentCache;
  /**
   * While the projection is built up from an empty table (checkpoint 0: a new
   * or rebuilt table), the ids it has stored so far. Any other id has no row,
   * so a document met for the first time is not looked up — in a replay,
   * every document is. Dropped once the runner has caught up.
   */
  private stored?: Set<string>;

  constructor(
    readonly projection: AnyProjection,
    readonly table: ReadModelTable,
    /** The last position committed. */
    public checkpoint: number,
    cacheSize: number,
  ) {
    this.matches = eventMatcher(projection.filter);
    this.committed = new DocumentCache(cacheSize);
    if (checkpoint === 0) this.stored = new Set();
  }

  get active(): boolean {
    return !this.failure;
  }

  /** Evolves the touched documents in memory; throws ProjectionFailed if evolve does. */
  apply(event: RecordedEvent): void {
    if (event.position <= this.checkpoint || (this.matches && !this.matches(event))) return;
    applyEvent(this.projection, event, this.current, this.change);
  }

  /** Encodes the changed documents; an update names the columns whose values changed. */
  prepare(): PreparedWrite {
    const rows: RowWrite[] = [];
    const stored: Array<[string, StoredDocument | null]> = [];
    for (const [id, document] of this.changes) {
      const before = this.committed.get(id) ?? null;
      if (document === null) {
        if (before) rows.push({ kind: 'delete', id, before: before.values });
        stored.push([id, null]);
        continue;
      }
      const { json, values } = this.table.encode(id, document);
      if (!before) rows.push({ kind: 'insert', id, json, values });
      else rows.push({ kind: 'update', id, json, values, before: before.values, changed: changedColumns(before.values, values) });
      stored.push([id, { document, values }]);
    }
    return { rows, stored };
  }

  /** After the transaction committed: the changes become the cached committed state. */
  committedAt(position: number, write: PreparedWrite): void {
    this.checkpoint = position;
    this.table.committed(write.rows);
    this.changes.clear();
    this.committed.age();
    for (const [id, stored] of write.stored) {
      this.committed.set(id, stored);
      if (stored) this.stored?.add(id);
      else this.stored?.delete(id);
    }
  }

  /** Live from now on: documents met for the first time are looked up again. */
  caughtUp(): void {
    this.stored = undefined;
  }

  /** Stops the projection; its uncommitted changes are dropped and its checkpoint stays. */
  fail(failure: ProjectionFailed): void {
    this.failure = failure;
    this.changes.clear();
    this.committed.clear();
  }

  private readonly current = (id: string): unknown => {
    const changed = this.changes.get(id);
    if (changed !== undefined) return changed;
    let stored = this.committed.get(id);
    if (stored === undefined) {
      stored = this.stored && !this.stored.has(id) ? null : this.table.load(id);
      this.committed.set(id, stored);
    }
    return stored ? stored.document : null;
  };

  private readonly change = (id: string, next: unknown): void => void this.changes.set(id, next);
}

function changedColumns(before: ColumnValue[], after: ColumnValue[]): number[] {
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) if (before[i] !== after[i]) changed.push(i);
  return changed;
}
