import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpectedRevisionConflict } from '../errors';
import { EventData } from '../event-store.port';
import { eventHash, GENESIS_HASH, withoutChainFields } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';

const event = (type: string): EventData => ({ id: randomUUID(), type, data: { type } });

describe('SQLite store: cached stream heads with two writers on one file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sagsgang-heads-'));
  const file = join(folder, 'events.sqlite');
  let first: SqliteEventStore;
  let second: SqliteEventStore;

  beforeEach(() => {
    first = new SqliteEventStore(file);
    second = new SqliteEventStore(file);
  });
  afterEach(async () => {
    await first.close();
    await second.close();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('continues revisions and the hash chain across appends from either store', async () => {
    const stream = `heads-${randomUUID()}`;
    await first.append(stream, [event('A')], 'no_stream');
    await second.append(stream, [event('B')], 0);
    await first.append(stream, [event('C'), event('D')], 1);
    await second.append(stream, [event('E')], 3);

    const events = await first.readStream(stream);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    events.forEach((e, i) => {
      expect(e.metadata.prevHash).toBe(i === 0 ? GENESIS_HASH : events[i - 1].metadata.hash);
      expect(e.metadata.hash).toBe(eventHash(e.type, e.data, withoutChainFields(e.metadata), e.metadata.prevHash));
    });
  });

  it('refuses a revision the other store has moved past', async () => {
    const stream = `heads-${randomUUID()}`;
    await first.append(stream, [event('A')], 'no_stream');
    await second.append(stream, [event('B')], 0);
    await expect(first.append(stream, [event('C')], 0)).rejects.toBeInstanceOf(ExpectedRevisionConflict);
    await expect(first.append(stream, [event('C')], 1)).resolves.toEqual(expect.objectContaining({ nextExpectedRevision: 2 }));
  });

  it('sees a stream the other store created', async () => {
    const stream = `heads-${randomUUID()}`;
    await expect(first.append(stream, [event('A')], 'stream_exists')).rejects.toBeInstanceOf(ExpectedRevisionConflict);
    await second.append(stream, [event('A')], 'no_stream');
    await expect(first.append(stream, [event('B')], 'stream_exists')).resolves.toEqual(
      expect.objectContaining({ nextExpectedRevision: 1 }),
    );
  });
});
