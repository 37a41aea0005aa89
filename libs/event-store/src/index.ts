export * from './event-store.port';
export * from './errors';
export * from './hash-chain';
export { workerScript } from './worker-script';
export { MemoryEventStore } from './memory/memory-event-store';
export { SqliteEventStore } from './sqlite/sqlite-event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { createEventStore, SQLITE_FILE_NAME } from './create-event-store';
export type { EventStoreConfig } from './create-event-store';
