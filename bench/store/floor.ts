/**
 * The ceiling for one writer's durable 100-event batches on this machine: the
 * store's own schema and INSERT statement, each batch one transaction with
 * its fsync, but the rows chained and serialised before the clock starts, so
 * that nothing of the append path runs but SQLite itself.
 */
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { GENESIS_HASH } from '../../libs/event-store/src/hash-chain';
import { chainRows, prepareEvents } from '../../libs/event-store/src/sqlite/event-rows';
import { createSchema } from '../../libs/event-store/src/sqlite/schema';
import { EventStatements } from '../../libs/event-store/src/sqlite/statements';
import { DATA_SET, StreamBook, streamName } from './data-set';
import { Measurement, Meter } from './meter';

export function sqliteFloor(folder: string): Measurement {
  const db = new BetterSqlite3(join(folder, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    createSchema(db);
    const statements = new EventStatements(db);
    const events = prepareEvents(new StreamBook().makeEvents(DATA_SET.events) as never);
    const batches = Array.from({ length: DATA_SET.events / DATA_SET.batchSize }, (_, b) =>
      chainRows(events.slice(b * DATA_SET.batchSize, (b + 1) * DATA_SET.batchSize), GENESIS_HASH),
    );
    const next = new Map<string, number>();
    const meter = new Meter();
    batches.forEach((rows, b) => {
      const stream = streamName(b % DATA_SET.streams);
      const revision = next.get(stream) ?? 0;
      db.transaction(() => statements.insert(stream, revision, rows)).immediate();
      next.set(stream, revision + rows.length);
    });
    return { events: DATA_SET.events, ...meter.read(DATA_SET.events), errors: 0 };
  } finally {
    db.close();
  }
}
