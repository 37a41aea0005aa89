import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import type { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';

export interface EventStoreConfig {
  /** `esdb://…` selects EventStoreDB; otherwise the embedded SQLite store is used. */
  connectionString?: string;
  dataDir: string;
  durability?: 'full' | 'relaxed';
  readonly?: boolean;
  /** SQLite only: commit on the calling thread or on a writer thread (see SqliteEventStoreOptions.writer). */
  writer?: 'inline' | 'thread';
  /** SQLite only: quick_check the whole file first; a damaged one throws EventStoreDamaged. */
  checkIntegrity?: boolean;
}

export const SQLITE_FILE_NAME = 'events.sqlite';

/** Picks the backend from configuration: EventStoreDB when a connection string is given, else SQLite. */
export function createEventStore(config: EventStoreConfig): EventStore {
  if (config.connectionString) {
    // Loaded only when selected: the gRPC client is heavy and the embedded default does not need it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const adapter = require('./eventstoredb/eventstoredb-event-store') as { EventStoreDbEventStore: typeof EventStoreDbEventStore };
    return adapter.EventStoreDbEventStore.connect(config.connectionString);
  }
  const store = new SqliteEventStore(join(config.dataDir, SQLITE_FILE_NAME), {
    durability: config.durability,
    readonly: config.readonly,
    writer: config.writer,
  });
  if (config.checkIntegrity) {
    try {
      store.checkIntegrity();
    } catch (error) {
      void store.close();
      throw error;
    }
  }
  return store;
}
