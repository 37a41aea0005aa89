import { randomUUID } from 'node:crypto';
import { EventData, EventStore, JsonObject, LoggedEvent, RecordedEvent } from '../event-store.port';
import { ExpectedRevisionConflict, InvalidAppend, PartialRetryConflict } from '../errors';
import { eventHash, GENESIS_HASH, withoutChainFields } from '../hash-chain';

/**
 * The event store contract, written once and run against every adapter.
 * Streams get unique names so the suite also runs against a shared server.
 */
export function describeEventStoreContract(adapter: string, open: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    let stream: string;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });
    beforeEach(() => {
      stream = uniqueStream('contract');
    });

    describe('expected revision', () => {
      it('no_stream creates a stream that does not exist', async () => {
        const result = await store.append(stream, [event('Created')], 'no_stream');
        expect(result.nextExpectedRevision).toBe(0);
      });

      it('no_stream on an existing stream conflicts with the actual revision', async () => {
        await store.append(stream, [event('A'), event('B')]);
        await expectConflict(store.append(stream, [event('C')], 'no_stream'), stream, 'no_stream', 1);
      });

      it('stream_exists on a missing stream conflicts with no_stream as actual', async () => {
        await expectConflict(store.append(stream, [event('A')], 'stream_exists'), stream, 'stream_exists', 'no_stream');
      });

      it('stream_exists on an existing stream appends', async () => {
        await store.append(stream, [event('A')]);
        const result = await store.append(stream, [event('B')], 'stream_exists');
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('an exact revision equal to the current one appends', async () => {
        await store.append(stream, [event('A'), event('B')]);
        const result = await store.append(stream, [event('C')], 1);
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('a stale exact revision conflicts and names expected and actual', async () => {
        await store.append(stream, [event('A'), event('B')]);
        await expectConflict(store.append(stream, [event('C')], 0), stream, 0, 1);
      });

      it('an exact revision on a missing stream conflicts', async () => {
        await expectConflict(store.append(stream, [event('A')], 0), stream, 0, 'no_stream');
      });

      it('any appends whatever the revision', async () => {
        await store.append(stream, [event('A')], 'any');
        const result = await store.append(stream, [event('B')], 'any');
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('a refused append writes nothing', async () => {
        await store.append(stream, [event('A')]);
        await store.append(stream, [event('B'), event('C')], 5).catch(() => undefined);
        expect(types(await store.readStream(stream))).toEqual(['A']);
      });

      it('of concurrent appends with the same exact revision exactly one wins', async () => {
        await store.append(stream, [event('A')]);
        const results = await Promise.allSettled([1, 2, 3, 4].map(() => store.append(stream, [event('B')], 0)));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('revisions and positions', () => {
      it('counts revisions from 0 without holes', async () => {
        await store.append(stream, [event('A'), event('B')]);
        await store.append(stream, [event('C')]);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2]);
      });

      it('reports the last event position and revision of an append', async () => {
        const result = await store.append(stream, [event('A'), event('B')]);
        const last = (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0];
        expect(result).toEqual({ nextExpectedRevision: 1, position: last.position });
      });

      it('gives strictly increasing global positions across streams, in append order', async () => {
        const other = uniqueStream('contract-other');
        await store.append(stream, [event('A1')]);
        await store.append(other, [event('B1')]);
        await store.append(stream, [event('A2')]);
        const first = (await store.readStream(stream))[0].position;
        const ours = (await store.readAll({ fromPosition: first })).filter((e) => e.streamName === stream || e.streamName === other);
        expect(types(ours)).toEqual(['A1', 'B1', 'A2']);
        expectIncreasing(ours.map((e) => e.position));
      });

      it('reports the newest position as the head', async () => {
        const result = await store.append(stream, [event('A')]);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });
    });

    describe('idempotent retry', () => {
      it('a whole batch repeated appends nothing and reports the original result', async () => {
        const batch = [event('A'), event('B')];
        const first = await store.append(stream, batch, 'no_stream');
        const retry = await store.append(stream, batch, 'no_stream');
        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('a repeated batch is a no-op even after later appends', async () => {
        const batch = [event('A')];
        const first = await store.append(stream, batch, 'no_stream');
        await store.append(stream, [event('B')], 0);
        expect(await store.append(stream, batch, 'no_stream')).toEqual(first);
        expect(types(await store.readStream(stream))).toEqual(['A', 'B']);
      });

      it('a partly overlapping batch fails and duplicates nothing', async () => {
        const a = event('A');
        await store.append(stream, [a, event('B')]);
        await expect(store.append(stream, [a, event('C')])).rejects.toBeInstanceOf(PartialRetryConflict);
        expect(types(await store.readStream(stream))).toEqual(['A', 'B']);
      });

      it('a batch repeating known events in another order fails', async () => {
        const a = event('A');
        const b = event('B');
        await store.append(stream, [a, b]);
        await expect(store.append(stream, [b, a])).rejects.toBeInstanceOf(PartialRetryConflict);
      });
    });

    describe('malformed appends', () => {
      it('an empty batch is refused', async () => {
        await expect(store.append(stream, [])).rejects.toBeInstanceOf(InvalidAppend);
      });

      it('a batch naming one id twice is refused whole', async () => {
        const a = event('A');
        await expect(store.append(stream, [a, { ...a, type: 'B' }])).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it.each<[string, Partial<EventData>]>([
        ['data null', { data: null as unknown as JsonObject }],
        ['data an array', { data: [1] as unknown as JsonObject }],
        ['data with its own toJSON', { data: new Date(0) as unknown as JsonObject }],
        ['metadata a string', { metadata: 'x' as unknown as JsonObject }],
        ['a type that is no string', { type: 7 as unknown as string }],
        ['a type with a control character', { type: 'A\u0000B' }],
      ])('a batch with %s is refused whole', async (_name, fault) => {
        await expect(store.append(stream, [event('A'), { ...event('B'), ...fault }])).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('reading a stream', () => {
      beforeEach(async () => {
        await store.append(
          stream,
          ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => event(type)),
        );
      });

      it('reads forwards from a revision with a max count', async () => {
        expect(types(await store.readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual(['E1', 'E2']);
      });

      it('reads backwards from the end', async () => {
        expect(types(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual(['E4', 'E3']);
      });

      it('reads backwards from a revision', async () => {
        const events = await store.readStream(stream, { direction: 'backwards', fromRevision: 2 });
        expect(types(events)).toEqual(['E2', 'E1', 'E0']);
      });

      it('reads nothing forwards from past the end', async () => {
        expect(await store.readStream(stream, { fromRevision: 5 })).toEqual([]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(uniqueStream('missing'))).toEqual([]);
      });
    });

    describe('reading the global log', () => {
      it('reads from a position inclusive, forwards and backwards', async () => {
        await store.append(stream, [event('A'), event('B'), event('C')]);
        const [a, b, c] = await store.readStream(stream);
        expect(ids(await store.readAll({ fromPosition: b.position, maxCount: 2 }))).toEqual([b.id, c.id]);
        const backwards = await store.readAll({ direction: 'backwards', fromPosition: b.position, maxCount: 2 });
        expect(ids(backwards)).toEqual([b.id, a.id]);
      });
    });

    describe('reading the log page by page', () => {
      it('gives the log after a position the store returned, up to another, in pages of at most the size asked', async () => {
        const { position: before } = await store.append(stream, [event('Before')]);
        await store.append(stream, [event('A'), event('B'), event('C')]);
        const { position: last } = await store.append(stream, [event('D'), event('E')]);
        const pages: LoggedEvent[][] = [];
        for await (const page of store.readLogPages({ afterPosition: before, toPosition: last, pageSize: 2 })) pages.push(page);
        expect(pages.every((page) => page.length > 0 && page.length <= 2)).toBe(true);
        const ours = pages.flat().filter((e) => e.streamName === stream);
        expect(ours.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
        expectIncreasing(pages.flat().map((e) => e.position));
        expect(pages.flat().at(-1)!.position).toBe(last);
      });
    });

    describe('appending to several streams', () => {
      it('appends to each stream at its own expected revision and answers each one, in order', async () => {
        const other = uniqueStream('contract-other');
        await store.append(other, [event('Setup')]);
        const results = await store.appendToStreams([
          { streamName: stream, events: [event('A'), event('B')], expectedRevision: 'no_stream' },
          { streamName: other, events: [event('C')], expectedRevision: 0 },
        ]);
        expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 1]);
        expect(types(await store.readStream(stream))).toEqual(['A', 'B']);
        expect(types(await store.readStream(other))).toEqual(['Setup', 'C']);
        expect(results[1].position).toBeGreaterThan(results[0].position);
      });

      it('appends none when one is refused, where it is atomic; else the ones before it', async () => {
        const other = uniqueStream('contract-other');
        await store.append(other, [event('Setup')]);
        const refused = store.appendToStreams([
          { streamName: stream, events: [event('A')], expectedRevision: 'no_stream' },
          { streamName: other, events: [event('B')], expectedRevision: 5 },
        ]);
        await expect(refused).rejects.toBeInstanceOf(ExpectedRevisionConflict);
        expect(types(await store.readStream(stream))).toEqual(store.capabilities.atomicMultiStreamAppend ? [] : ['A']);
        expect(types(await store.readStream(other))).toEqual(['Setup']);
      });

      it('repeated whole, appends nothing and reports the original results', async () => {
        const other = uniqueStream('contract-other');
        const appends = [
          { streamName: stream, events: [event('A')], expectedRevision: 'no_stream' as const },
          { streamName: other, events: [event('B')], expectedRevision: 'no_stream' as const },
        ];
        const first = await store.appendToStreams(appends);
        expect(await store.appendToStreams(appends)).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(1);
        expect(await store.readStream(other)).toHaveLength(1);
      });

      it('refuses a stream named twice, or none at all, and appends nothing', async () => {
        const twice = store.appendToStreams([
          { streamName: stream, events: [event('A')] },
          { streamName: stream, events: [event('B')] },
        ]);
        await expect(twice).rejects.toBeInstanceOf(InvalidAppend);
        await expect(store.appendToStreams([])).rejects.toBeInstanceOf(InvalidAppend);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('identity', () => {
      it('is a UUID, the same every time it is asked', async () => {
        const identity = await store.identity();
        expect(identity).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(await store.identity()).toBe(identity);
      });
    });

    describe('subscription to the global log', () => {
      it('catches up from a checkpoint, then delivers live appends without gaps or duplicates', async () => {
        const before = await store.append(stream, [event('Old')]);
        await store.append(stream, [event('C1'), event('C2')]);
        const subscription = store.subscribeToAll({ checkpoint: before.position, filter: { streamPrefixes: [stream] } });
        const received = collect(subscription, 6);
        await store.append(stream, [event('L1')]);
        await store.append(stream, [event('L2'), event('L3')]);
        await store.append(stream, [event('L4')]);
        const events = await received;
        expect(types(events)).toEqual(['C1', 'C2', 'L1', 'L2', 'L3', 'L4']);
        expectIncreasing(events.map((e) => e.position));
      });

      it('from the end delivers only what is appended afterwards', async () => {
        await store.append(stream, [event('Before')]);
        const subscription = store.subscribeToAll({ checkpoint: 'end', filter: { streamPrefixes: [stream] } });
        await store.append(stream, [event('After')]);
        expect(types(await collect(subscription, 1))).toEqual(['After']);
      });

      it('filters by event type', async () => {
        const wanted = `Wanted${randomUUID().slice(0, 8)}`;
        const start = await store.headPosition();
        await store.append(stream, [event('Other'), event(wanted), event('Other'), event(wanted)]);
        const subscription = store.subscribeToAll({ checkpoint: start, filter: { eventTypes: [wanted] } });
        const events = await collect(subscription, 2);
        expect(types(events)).toEqual([wanted, wanted]);
        expect(events.map((e) => e.revision)).toEqual([1, 3]);
      });
    });

    describe('payloads', () => {
      it('round-trips Danish text and symbols exactly', async () => {
        const data = { titel: 'Børn og unge: æøå ÆØÅ § 17, stk. 4 – “citat” 🙂', nested: { liste: ['ø', 1.5, null, true] } };
        await store.append(stream, [event('Unicode', data, { actor: 'sagsbehandler æøå' })]);
        const [read] = await store.readStream(stream);
        expect(read.data).toEqual(data);
        expect(read.metadata.actor).toBe('sagsbehandler æøå');
      });

      it('round-trips a large payload exactly', async () => {
        const data = { tekst: 'Sagsfremstilling æøå. '.repeat(50_000), tal: Array.from({ length: 10_000 }, (_, i) => i) };
        await store.append(stream, [event('Large', data)]);
        const [read] = await store.readStream(stream);
        expect(read.data).toEqual(data);
      });
    });

    describe('hash chain', () => {
      it('chains every event to the one before, from the genesis hash', async () => {
        await store.append(stream, [event('A', {}, { actor: 'x' }), event('B')]);
        await store.append(stream, [event('C')]);
        const events = await store.readStream(stream);
        expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
        events.forEach((e, i) => {
          if (i > 0) expect(e.metadata.prevHash).toBe(events[i - 1].metadata.hash);
          expect(e.metadata.hash).toBe(eventHash(e.type, e.data, withoutChainFields(e.metadata), e.metadata.prevHash));
        });
      });

      it('ignores chain fields a caller puts in the metadata', async () => {
        await store.append(stream, [event('A', {}, { prevHash: 'forged', hash: 'forged' })]);
        const [read] = await store.readStream(stream);
        expect(read.metadata.prevHash).toBe(GENESIS_HASH);
        expect(read.metadata.hash).not.toBe('forged');
      });
    });
  });
}

export function uniqueStream(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

function event(type: string, data: JsonObject = {}, metadata: JsonObject = {}): EventData {
  return { id: randomUUID(), type, data, metadata };
}

function types(events: RecordedEvent[]): string[] {
  return events.map((e) => e.type);
}

function ids(events: RecordedEvent[]): string[] {
  return events.map((e) => e.id);
}

function expectIncreasing(values: number[]): void {
  values.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(values[i]));
}

async function expectConflict(append: Promise<unknown>, streamName: string, expected: unknown, actual: unknown): Promise<void> {
  const error = await append.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExpectedRevisionConflict);
  expect(error).toMatchObject({ streamName, expected, actual });
}

/** Takes `count` events from a subscription, then closes it; fails after 10 s. */
async function collect(subscription: AsyncIterable<RecordedEvent> & { close(): Promise<void> }, count: number) {
  const events: RecordedEvent[] = [];
  const timeout = setTimeout(() => void subscription.close(), 10_000);
  for await (const e of subscription) {
    events.push(e);
    if (events.length === count) break;
  }
  clearTimeout(timeout);
  await subscription.close();
  return events;
}
