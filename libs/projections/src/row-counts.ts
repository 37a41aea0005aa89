import { ColumnValue } from './projection';

/** A where clause as the table checks it: column index (into the declared columns) and the value it must equal. */
export type Condition = readonly [column: number, value: ColumnValue];

/** Where clauses whose counts a table keeps at most; the one kept longest goes first. */
const MAX_KEPT = 256;

/**
 * Exact match counts of a table's where clauses, counted once by SQL and
 * then kept current from the rows this connection commits. A filtered count
 * in SQL visits every matching row, so a page of a large result would cost
 * as much as reading all of it, on the event loop that serves the requests.
 * A commit by any other connection (SQLite's data_version moves) drops them.
 */
export class RowCounts {
  private readonly kept = new Map<string, { conditions: readonly Condition[]; count: number }>();
  private seenVersion?: number;

  /** `dataVersion`: PRAGMA data_version of the connection that reads and writes the table. */
  constructor(private readonly dataVersion: () => number) {}

  /** The count of rows matching every condition; `count` counts them when it is not kept yet. */
  get(conditions: readonly Condition[], count: () => number): number {
    const version = this.dataVersion();
    if (version !== this.seenVersion) this.clear();
    this.seenVersion = version;
    const key = JSON.stringify(conditions);
    let entry = this.kept.get(key);
    if (!entry) {
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      entry = { conditions, count: count() };
      this.kept.set(key, entry);
    }
    return entry.count;
  }

  /** A committed row's column values went from `before` to `after` (null: no row). */
  changed(before: readonly ColumnValue[] | null, after: readonly ColumnValue[] | null): void {
    for (const entry of this.kept.values()) entry.count += matches(entry.conditions, after) - matches(entry.conditions, before);
  }

  clear(): void {
    this.kept.clear();
  }
}

function matches(conditions: readonly Condition[], values: readonly ColumnValue[] | null): number {
  return values !== null && conditions.every(([column, value]) => values[column] === value) ? 1 : 0;
}
