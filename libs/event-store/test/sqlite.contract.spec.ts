import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { describeEventStoreContract } from '../src/testing/event-store.contract';

const folder = mkdtempSync(join(tmpdir(), 'sagsgang-contract-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// Durable mode, as in production: the contract holds with fsync on every commit.
describeEventStoreContract('sqlite', async () => new SqliteEventStore(join(folder, 'events.sqlite')));
