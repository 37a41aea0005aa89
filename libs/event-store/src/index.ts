export * from './event-store.port';
export * from './errors';
export * from './hash-chain';
export { MemoryEventStore } from './memory/memory-event-store';
export { SqliteEventStore, SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
