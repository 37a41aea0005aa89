import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { describeEventStoreContract } from '../src/testing/event-store.contract';

const folder = mkdtempSync(join(tmpdir(), 'sagsgang-contract-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// As the API opens it: durable, with the group's transaction and fsync on a writer thread.
describeEventStoreContract('sqlite (writer thread)', async () => new SqliteEventStore(join(folder, 'events.sqlite'), { writer: 'thread' }));
