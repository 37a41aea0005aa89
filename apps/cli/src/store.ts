import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEventStore, EventStore, SQLITE_FILE_NAME } from '@sagsgang/event-store';

/**
 * The event store the API would use, chosen the same way:
 * EVENTSTORE_CONNECTION_STRING selects EventStoreDB, otherwise the SQLite file
 * under SAGSGANG_DATA (default ./data). Read-only opens SQLite without taking
 * the write lock, so verify and export run safely while the API writes.
 */
export function openEventStore(options: { readonly: boolean }, env: NodeJS.ProcessEnv = process.env): EventStore {
  const connectionString = env.EVENTSTORE_CONNECTION_STRING || undefined;
  if (connectionString && !/^esdb(\+discover)?:\/\//.test(connectionString)) {
    throw new Error('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
  }
  const dataDir = env.SAGSGANG_DATA || './data';
  if (!connectionString && options.readonly && !existsSync(join(dataDir, SQLITE_FILE_NAME))) {
    throw new Error(`no event store at ${join(dataDir, SQLITE_FILE_NAME)} (set SAGSGANG_DATA or EVENTSTORE_CONNECTION_STRING)`);
  }
  const durability = env.SAGSGANG_DURABILITY === 'relaxed' ? 'relaxed' : 'full';
  return createEventStore({ connectionString, dataDir, readonly: options.readonly, durability });
}

/** True for the embedded SQLite store, which commits appends in the order they are issued. */
export function isEmbeddedStore(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.EVENTSTORE_CONNECTION_STRING;
}

/** Runs `work` with the store open and closes it afterwards, whatever happens. */
export async function withEventStore<T>(options: { readonly: boolean }, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = openEventStore(options);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
