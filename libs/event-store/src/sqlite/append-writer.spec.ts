import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpectedRevisionConflict, PartialRetryConflict } from '../errors';
import { EventData } from '../event-store.port';
import { eventHash, GENESIS_HASH, withoutChainFields } from '../hash-chain';
import { SqliteEventStore } from './sqlite-event-store';

const event = (type: string): EventData => ({ id: randomUUID(), type, data: { type }, metadata: { actor: 'x' } });
const streams = (count: number) => Array.from({ length: count }, () => `group-${randomUUID()}`);

/** Appends issued in the same turn of the event loop share one transaction. */
describe('SQLite store: appends that share a transaction', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sagsgang-group-'));
  let store: SqliteEventStore;

  beforeAll(() => {
    store = new SqliteEventStore(join(folder, 'events.sqlite'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives fresh appends to distinct streams consecutive positions in the order they were issued', async () => {
    const names = streams(5);
    await Promise.all(names.map((name) => store.append(name, [event('Setup')], 'no_stream')));
    const results = await Promise.all(names.map((name, i) => store.append(name, i % 2 ? [event('A'), event('B')] : [event('A')], 0)));

    results.slice(1).forEach((result, i) => {
      const size = (i + 1) % 2 ? 2 : 1;
      expect(result.position).toBe(results[i].position + size);
    });
    for (const [i, name] of names.entries()) {
      const read = await store.readStream(name);
      expect(results[i]).toEqual({ nextExpectedRevision: read.length - 1, position: read[read.length - 1].position });
      read.forEach((e, j) => {
        expect(e.metadata.prevHash).toBe(j === 0 ? GENESIS_HASH : read[j - 1].metadata.hash);
        expect(e.metadata.hash).toBe(eventHash(e.type, e.data, withoutChainFields(e.metadata), e.metadata.prevHash));
      });
    }
  });

  it('refuses only the request whose expected revision is stale', async () => {
    const [a, b, c] = streams(3);
    await Promise.all([a, b, c].map((name) => store.append(name, [event('Setup')], 'no_stream')));
    const results = await Promise.allSettled([
      store.append(a, [event('A')], 0),
      store.append(b, [event('B')], 5),
      store.append(c, [event('C')], 0),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ExpectedRevisionConflict);
    expect((await store.readStream(b)).map((e) => e.type)).toEqual(['Setup']);
  });

  it('answers a retry in the group with the original result and appends the rest', async () => {
    const [a, b] = streams(2);
    const original = [event('A1')];
    const first = await store.append(a, original, 'no_stream');
    const [retry, fresh] = await Promise.all([store.append(a, original, 'no_stream'), store.append(b, [event('B1')], 'no_stream')]);

    expect(retry).toEqual(first);
    expect(fresh.nextExpectedRevision).toBe(0);
    expect(await store.readStream(a)).toHaveLength(1);
  });

  it('refuses a partial retry in the group and appends the rest', async () => {
    const [a, b] = streams(2);
    const known = event('A1');
    await store.append(a, [known], 'no_stream');
    const results = await Promise.allSettled([store.append(a, [known, event('A2')], 'any'), store.append(b, [event('B1')], 'no_stream')]);

    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(PartialRetryConflict);
    expect(results[1].status).toBe('fulfilled');
    expect(await store.readStream(a)).toHaveLength(1);
  });

  it('writes a batch larger than one INSERT atomically, next to other requests', async () => {
    const [big, small] = streams(2);
    const batch = Array.from({ length: 250 }, (_, i) => event(`E${i}`));
    const [bigResult] = await Promise.all([store.append(big, batch, 'no_stream'), store.append(small, [event('S')], 'no_stream')]);

    expect(bigResult.nextExpectedRevision).toBe(249);
    expect((await store.readStream(big)).map((e) => e.type)).toEqual(batch.map((e) => e.type));
  });

  it('refuses a request to several streams whole, without touching the requests around it', async () => {
    const [a, b, before, after] = streams(4);
    const results = await Promise.allSettled([
      store.append(before, [event('X')], 'no_stream'),
      store.appendToStreams([
        { streamName: a, events: [event('A')], expectedRevision: 'no_stream' },
        { streamName: b, events: [event('B')], expectedRevision: 3 },
      ]),
      store.append(after, [event('Y')], 'no_stream'),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream(a)).toEqual([]);
  });

  it('does not take the head of a stream rolled back with its request for the head', async () => {
    const [a, b] = streams(2);
    await store
      .appendToStreams([
        { streamName: a, events: [event('A')], expectedRevision: 'no_stream' },
        { streamName: b, events: [event('B')], expectedRevision: 0 },
      ])
      .catch(() => undefined);

    await expect(store.append(a, [event('A')], 'no_stream')).resolves.toMatchObject({ nextExpectedRevision: 0 });
  });
});
