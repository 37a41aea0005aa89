import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src';
import { describeEventStoreContract } from '../src/testing/event-store.contract';

const folder = mkdtempSync(join(tmpdir(), 'sagsgang-contract-thread-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// As the API opens it: durable, with the group's transaction and fsync on a writer thread.
describeEventStoreContract('sqlite (writer thread)', async () => new SqliteEventStore(join(folder, 'events.sqlite'), { writer: 'thread' }));

describe('sqlite (writer thread) start-up', () => {
  it('is ready once the writer thread has opened the file, and commits at once after that', async () => {
    const store = new SqliteEventStore(join(folder, 'ready.sqlite'), { writer: 'thread' });
    try {
      await store.ready();
      const append = store.append('ready-1', [{ id: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', type: 'A', data: {} }], 'no_stream');
      await expect(append).resolves.toMatchObject({ nextExpectedRevision: 0 });
    } finally {
      await store.close();
    }
  });
});
