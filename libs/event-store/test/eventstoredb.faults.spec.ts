import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireEventAt, UnknownPosition } from '@sagsgang/audit';
import { ProjectionRunner, ReadModelStore, defineProjection } from '@sagsgang/projections';
import { EventData, LoggedEvent } from '../src';
import { EventStoreDbEventStore } from '../src/eventstoredb/eventstoredb-event-store';
import { FakeEventStoreDb } from './support/fake-esdb';

/**
 * What an operator meets on EventStoreDB in the first days, against a fake
 * that behaves as the server does where it matters (byte-offset positions,
 * refused positions, lost races, dropped subscriptions). The contract suite
 * is the real check whenever EVENTSTORE_CONNECTION_STRING is set.
 */
const event = (type: string): EventData => ({ id: randomUUID(), type, data: { type }, metadata: {} });

describe('EventStoreDB adapter against a simulated server', () => {
  let server: FakeEventStoreDb;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    server = new FakeEventStoreDb();
    store = new EventStoreDbEventStore(server.client);
  });

  describe('reading the log page by page (sagsgang replay)', () => {
    it('gives the whole log, passing back only positions the server returned', async () => {
      for (let i = 0; i < 25; i++) await store.append(`sag-${i % 4}`, [event(`E${i}`)]);
      const head = await store.headPosition();
      const pages: LoggedEvent[][] = [];
      for await (const page of store.readLogPages({ afterPosition: 0, toPosition: head, pageSize: 7 })) pages.push(page);
      expect(pages.flat().map((e) => e.type)).toEqual(Array.from({ length: 25 }, (_, i) => `E${i}`));
      expect(pages.every((page) => page.length <= 7)).toBe(true);
    });

    it('continues after a position it returned', async () => {
      const { position } = await store.append('sag-1', [event('A'), event('B')]);
      await store.append('sag-2', [event('C')]);
      const pages: LoggedEvent[][] = [];
      for await (const page of store.readLogPages({ afterPosition: position, toPosition: await store.headPosition(), pageSize: 2 })) {
        pages.push(page);
      }
      expect(pages.flat().map((e) => e.type)).toEqual(['C']);
    });

    it('refuses an export typed from a position where no event starts, saying so', async () => {
      const { position } = await store.append('sag-1', [event('A')]);
      await expect(requireEventAt(store, position)).resolves.toBeUndefined();
      await expect(requireEventAt(store, position + 1)).rejects.toThrow(UnknownPosition);
    });
  });

  describe('appending', () => {
    it('lands an `any` append that loses many races to other writers', async () => {
      await store.append('adgangslog-1', [event('LukketPunktLaest')]);
      server.racesToLose = 20;
      await expect(store.append('adgangslog-1', [event('LukketPunktLaest')], 'any')).resolves.toMatchObject({ nextExpectedRevision: 21 });
    });

    it('refuses an exact revision that another writer moved past, without retrying it', async () => {
      await store.append('sag-1', [event('A')]);
      server.racesToLose = 1;
      await expect(store.append('sag-1', [event('B')], 0)).rejects.toMatchObject({ name: 'ExpectedRevisionConflict', actual: 1 });
    });

    it('reads only the events it has not seen before each append', async () => {
      await store.append('sag-1', [event('A')]);
      await store.append('sag-1', [event('B')]);
      await store.append('sag-1', [event('C')]);
      const reads = server.calls.filter((call) => call.method === 'readStream' && call.stream === 'sag-1');
      expect(reads.map((call) => call.options.fromRevision)).toEqual(['start', 1n, 2n]);
    });

    it('still recognises a retried batch after later appends', async () => {
      const batch = [event('A')];
      const first = await store.append('sag-1', batch, 'no_stream');
      await store.append('sag-1', [event('B')]);
      await expect(store.append('sag-1', batch, 'no_stream')).resolves.toEqual(first);
      expect((await store.readStream('sag-1')).map((e) => e.type)).toEqual(['A', 'B']);
    });
  });

  it('asks the leader for every read that must be current: the stream before an append, a stream, the log, the head', async () => {
    await store.append('sag-1', [event('A')]);
    await store.readStream('sag-1');
    await store.readAll({ maxCount: 1 });
    await store.headPosition();
    const reads = server.calls.filter((call) => call.method === 'readStream' || call.method === 'readAll');
    expect(reads.length).toBeGreaterThanOrEqual(4);
    expect(reads.filter((call) => call.options.requiresLeader !== true)).toEqual([]);
  });

  it('names the store once, in system metadata outside the log, and every connection reads that name', async () => {
    const other = new EventStoreDbEventStore(server.client);
    const [one, two] = await Promise.all([store.identity(), other.identity()]);
    expect(one).toBe(two);
    expect(await store.headPosition()).toBe(0);
  });

  it('keeps the projection runner fed when the server drops the subscription: it subscribes again from its checkpoint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsgang-esdb-faults-'));
    const counted = defineProjection<{ n: number }>({
      name: 'antal',
      version: 1,
      documentIds: () => ['alle'],
      evolve: (document) => ({ n: (document?.n ?? 0) + 1 }),
    });
    const readModels = new ReadModelStore(join(dir, 'readmodels.sqlite'), [counted]);
    const runner = new ProjectionRunner({ eventStore: store, readModels });
    try {
      server.drops.push(3);
      for (let i = 0; i < 10; i++) await store.append(`sag-${i}`, [event('A')]);
      await runner.start();
      await runner.waitForPosition(await store.headPosition(), 10_000);
      expect(readModels.get<{ n: number }>('antal', 'alle')).toEqual({ n: 10 });
      expect(runner.incidents().reconnects).toBe(1);
    } finally {
      await runner.stop();
      readModels.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
