import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, ExpectedRevisionConflict, SqliteEventStore, StreamAppend } from '@sagsgang/event-store';
import { CommandContext } from '../commands/command-context';
import { eventId } from '../commands/event-ids';
import { SagsnummerAllocator } from './sagsnummer-allocator';

const NOW = '2026-03-02T10:00:00.000Z';
const COUNTER = 'sagsnummer-26';

function context(idempotencyKey?: string): CommandContext {
  return { actor: { userId: 'anna', role: 'sagsbehandler' }, correlationId: 'c', causationId: 'c', now: NOW, idempotencyKey };
}

/** The store as the allocator sees it, counting appends to the counter stream and the refused ones. */
function counting(store: EventStore): EventStore & { counterAppends: number; conflicts: number } {
  const counted = Object.create(store) as EventStore & { counterAppends: number; conflicts: number };
  counted.counterAppends = 0;
  counted.conflicts = 0;
  counted.appendToStreams = async (appends: StreamAppend[]) => {
    if (appends.some(({ streamName }) => streamName === COUNTER)) counted.counterAppends++;
    try {
      return await store.appendToStreams(appends);
    } catch (error) {
      if (error instanceof ExpectedRevisionConflict) counted.conflicts++;
      throw error;
    }
  };
  return counted;
}

/** Creates the sag `sagId` with a number from the allocator; resolves with the number. */
async function create(allocator: SagsnummerAllocator, sagId: string, ctx: CommandContext): Promise<string> {
  const streamName = `sag-${sagId}`;
  const events = (sagsnummer: string) => [{ id: eventId(ctx, streamName, 0), type: 'SagOprettet', data: { sagId, sagsnummer } }];
  return (await allocator.allocate({ sagId, streamName, context: ctx, events })).sagsnummer;
}

const loebenumre = (numbers: string[]) => numbers.map((number) => Number(number.split('/')[1])).sort((a, b) => a - b);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('SagsnummerAllocator', () => {
  let folder: string;
  let stores: SqliteEventStore[];

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sagsgang-allocator-'));
    stores = [];
  });
  afterEach(async () => {
    await Promise.all(stores.map((store) => store.close()));
    rmSync(folder, { recursive: true, force: true });
  });

  /** Another store on the same file: another process, as far as the allocator can tell. */
  function openStore(): SqliteEventStore {
    const store = new SqliteEventStore(join(folder, 'events.sqlite'), { durability: 'relaxed' });
    stores.push(store);
    return store;
  }

  it('grants creations waiting at the same time consecutive numbers from one append', async () => {
    const store = counting(openStore());
    const allocator = new SagsnummerAllocator(store);

    const numbers = await Promise.all(Array.from({ length: 50 }, (_, i) => create(allocator, `sag-${i}`, context())));

    expect(loebenumre(numbers)).toEqual(oneTo(50));
    expect(store.counterAppends).toBe(1);
    const events = await store.readStream(COUNTER);
    expect(events.map((event) => [event.data.loebenummer, event.data.sagsnummer])).toEqual(oneTo(50).map((n) => [n, `26/${n}`]));
  });

  it('hands the next batch to the store before the one before is acknowledged', async () => {
    const store = openStore();
    let inFlight = 0;
    let mostInFlight = 0;
    const slow = Object.create(store) as EventStore;
    slow.appendToStreams = async (appends) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        return await store.appendToStreams(appends);
      } finally {
        inFlight--;
      }
    };
    const allocator = new SagsnummerAllocator(slow);

    const first = create(allocator, 'sag-1', context());
    await new Promise((resolve) => setImmediate(resolve));
    const numbers = await Promise.all([first, create(allocator, 'sag-2', context())]);

    expect(numbers).toEqual(['26/1', '26/2']);
    expect(mostInFlight).toBe(2);
  });

  it('keeps numbers unique and gap-free when two processes race for the same counter', async () => {
    const racing = [counting(openStore()), counting(openStore())];
    const [first, second] = racing.map((store) => new SagsnummerAllocator(store));

    const rounds = await Promise.all(
      Array.from({ length: 10 }, async (_, round) => {
        await new Promise((resolve) => setTimeout(resolve, round));
        return Promise.all(Array.from({ length: 10 }, (_, i) => create(i % 2 ? first : second, `sag-${round}-${i}`, context())));
      }),
    );

    expect(loebenumre(rounds.flat())).toEqual(oneTo(100));
    expect((await racing[0].readStream(COUNTER)).map((event) => event.data.loebenummer)).toEqual(oneTo(100));
    // The race really happened: batches were refused by the store and granted again on the new head.
    expect(racing[0].conflicts + racing[1].conflicts).toBeGreaterThan(0);
  });

  it('gives a retried creation its first number back, also when it waits beside new ones', async () => {
    const store = openStore();
    const allocator = new SagsnummerAllocator(store);
    const first = await create(allocator, 'sag-a', context('opret-a'));
    await create(allocator, 'sag-b', context());

    const [nyC, retry, nyD] = await Promise.all([
      create(allocator, 'sag-c', context()),
      create(allocator, 'sag-a', context('opret-a')),
      create(allocator, 'sag-d', context()),
    ]);

    expect(retry).toBe(first);
    expect(loebenumre([first, nyC, nyD])).toEqual([1, 3, 4]);
    expect(await store.readStream(COUNTER)).toHaveLength(4);
  });

  it('gives two requests with the same idempotency key in one turn the same number, granted once', async () => {
    const store = openStore();
    const allocator = new SagsnummerAllocator(store);

    const numbers = await Promise.all([
      create(allocator, 'sag-e', context('opret-e')),
      create(allocator, 'sag-f', context()),
      create(allocator, 'sag-e', context('opret-e')),
    ]);

    expect(numbers[0]).toBe(numbers[2]);
    expect(loebenumre(numbers.slice(0, 2))).toEqual([1, 2]);
    expect(await store.readStream(COUNTER)).toHaveLength(2);
  });

  it('appends each number together with its sag, in the same append', async () => {
    const store = counting(openStore());
    const allocator = new SagsnummerAllocator(store);

    await Promise.all(Array.from({ length: 5 }, (_, i) => create(allocator, `sag-${i}`, context())));

    const log = await store.readAll();
    expect(store.counterAppends).toBe(1);
    expect(log.map((event) => event.type)).toEqual([...Array(5).fill('SagsnummerTildelt'), ...Array(5).fill('SagOprettet')]);
    expect(log.filter((event) => event.type === 'SagOprettet').map((event) => event.data.sagsnummer)).toEqual(
      oneTo(5).map((n) => `26/${n}`),
    );
  });

  it('refuses a sag whose stream exists alone, granting the others their numbers and no number to it', async () => {
    const store = openStore();
    await store.append('sag-taken', [{ id: '7b2f0c1e-5f0a-4c7e-9d1a-2b3c4d5e6f70', type: 'SagOprettet', data: {} }]);
    const allocator = new SagsnummerAllocator(store);

    const results = await Promise.allSettled(['sag-1', 'taken', 'sag-2'].map((id) => create(allocator, id, context())));

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.readStream(COUNTER)).map((event) => event.data.sagId)).toEqual(['sag-1', 'sag-2']);
  });
});
