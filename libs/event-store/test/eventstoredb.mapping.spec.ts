import {
  AllStreamResolvedEvent,
  ANY,
  EventStoreDBClient,
  NO_STREAM,
  Position,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { ExpectedRevisionConflict } from '../src';
import { headPosition, readAllWindow } from '../src/eventstoredb/esdb-reads';
import {
  exactRevisionAfter,
  exactTypesRegex,
  isSystemEvent,
  isWrongExpectedVersion,
  toEsdbExpectedRevision,
  toEsdbFilter,
  toEsdbPosition,
  toExpectedRevisionConflict,
  toPortPosition,
  toRecordedEvent,
} from '../src/eventstoredb/mapping';

const position = (at: number): Position => ({ commit: BigInt(at), prepare: BigInt(at) });

describe('EventStoreDB mapping', () => {
  describe('expected revision', () => {
    it('maps the named expectations to the client constants', () => {
      expect(toEsdbExpectedRevision('any')).toBe(ANY);
      expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
      expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    });

    it('maps an exact revision to the same bigint', () => {
      expect(toEsdbExpectedRevision(0)).toBe(0n);
      expect(toEsdbExpectedRevision(41)).toBe(41n);
    });

    it('refuses a revision that is not a non-negative integer', () => {
      expect(() => toEsdbExpectedRevision(-1)).toThrow(RangeError);
      expect(() => toEsdbExpectedRevision(1.5)).toThrow(RangeError);
    });

    it('appends at the revision read, or as a new stream when there was none', () => {
      expect(exactRevisionAfter({ revision: 3 })).toBe(3n);
      expect(exactRevisionAfter(undefined)).toBe(NO_STREAM);
    });
  });

  describe('global position', () => {
    it('is the commit position of a self-committed event', () => {
      expect(toPortPosition(position(123_456))).toBe(123_456);
    });

    it('round-trips to the position EventStoreDB reported', () => {
      expect(toEsdbPosition(toPortPosition(position(98_765)))).toEqual(position(98_765));
    });

    it('refuses events of explicit transactions, whose commit is shared', () => {
      expect(() => toPortPosition({ commit: 500n, prepare: 400n })).toThrow(/explicit transaction/);
    });

    it('refuses the "no position" marker older servers send for stream reads', () => {
      const none = 2n ** 64n - 1n;
      expect(() => toPortPosition({ commit: none, prepare: none })).toThrow(/not usable/);
      expect(() => toPortPosition(undefined)).toThrow(/22\.6/);
    });
  });

  describe('wrong expected version', () => {
    const wrongVersion = (current: bigint | 'no_stream') =>
      new WrongExpectedVersionError(undefined, { streamName: 'sag-1', expected: 0n, current });

    it('becomes ExpectedRevisionConflict with the caller expectation and the actual revision', () => {
      const conflict = toExpectedRevisionConflict(wrongVersion(4n), 'sag-1', 'stream_exists');
      expect(conflict).toBeInstanceOf(ExpectedRevisionConflict);
      expect(conflict).toMatchObject({ streamName: 'sag-1', expected: 'stream_exists', actual: 4 });
    });

    it('names a missing stream as no_stream', () => {
      expect(toExpectedRevisionConflict(wrongVersion('no_stream'), 'sag-1', 2)).toMatchObject({ expected: 2, actual: 'no_stream' });
    });

    it('is recognised by class and by error type', () => {
      expect(isWrongExpectedVersion(wrongVersion(1n))).toBe(true);
      expect(isWrongExpectedVersion({ type: 'wrong-expected-version' })).toBe(true);
      expect(isWrongExpectedVersion(new Error('other'))).toBe(false);
    });
  });

  describe('recorded events', () => {
    it('maps a JSON event back exactly as the other adapters record it', () => {
      const recorded = toRecordedEvent(esdbEvent('sag-1', 'SagOprettet', 2, 700, { titel: 'Børn' }, { prevHash: 'a', hash: 'b' }).event!);
      expect(recorded).toEqual({
        id: expect.any(String),
        streamName: 'sag-1',
        revision: 2,
        position: 700,
        type: 'SagOprettet',
        data: { titel: 'Børn' },
        metadata: { prevHash: 'a', hash: 'b' },
      });
    });

    it('treats $-streams and $-types as system events', () => {
      expect(isSystemEvent({ streamId: '$settings', type: 'Settings' })).toBe(true);
      expect(isSystemEvent({ streamId: '$$sag-1', type: '$metadata' })).toBe(true);
      expect(isSystemEvent({ streamId: 'sag-1', type: 'SagOprettet' })).toBe(false);
    });
  });

  describe('subscription filter', () => {
    it('matches exactly the given event types, metacharacters included', () => {
      const regex = new RegExp(exactTypesRegex(['Sag.Oprettet', 'A+B']));
      expect(['Sag.Oprettet', 'A+B'].every((type) => regex.test(type))).toBe(true);
      expect(['SagXOprettet', 'Sag.Oprettet2', 'AAB'].some((type) => regex.test(type))).toBe(false);
    });

    it('filters on stream prefixes first, else on event types, else excludes system events', () => {
      expect(toEsdbFilter({ streamPrefixes: ['sag-'], eventTypes: ['A'] })).toMatchObject({ filterOn: 'streamName', prefixes: ['sag-'] });
      expect(toEsdbFilter({ eventTypes: ['A'] })).toMatchObject({ filterOn: 'eventType', regex: '^(?:A)$' });
      expect(toEsdbFilter(undefined)).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    });
  });
});

describe('EventStoreDB $all windows (against a fake that reads like the server)', () => {
  const log = [
    esdbEvent('$settings', 'Settings', 0, 100),
    esdbEvent('sag-1', 'A', 0, 200),
    esdbEvent('sag-1', 'B', 1, 300),
    esdbEvent('$$sag-1', '$metadata', 0, 350),
    esdbEvent('sag-2', 'C', 0, 400),
    esdbEvent('sag-2', 'D', 1, 500),
  ];
  const client = fakeClient(log);
  const types = async (options: Parameters<typeof readAllWindow>[1]) => (await readAllWindow(client, options)).map((e) => e.type);

  it('reads forwards from the start, skipping system events', async () => {
    expect(await types({ maxCount: 3 })).toEqual(['A', 'B', 'C']);
  });

  it('includes the event at the position forwards', async () => {
    expect(await types({ fromPosition: 300, maxCount: 2 })).toEqual(['B', 'C']);
  });

  it('includes the event at the position backwards, although the server excludes it', async () => {
    expect(await types({ direction: 'backwards', fromPosition: 400, maxCount: 2 })).toEqual(['C', 'B']);
  });

  it('reads backwards from the end', async () => {
    expect(await types({ direction: 'backwards', maxCount: 2 })).toEqual(['D', 'C']);
  });

  it('reads the first event backwards from the start and nothing forwards from the end', async () => {
    expect(await types({ direction: 'backwards', fromPosition: 'start' })).toEqual(['A']);
    expect(await types({ fromPosition: 'end' })).toEqual([]);
  });

  it('pages through a long log without gaps or duplicates', async () => {
    const long = Array.from({ length: 100 }, (_, i) =>
      i % 3 === 0 ? esdbEvent('$stats', '$stat', i, 10 * (i + 1)) : esdbEvent('s', `E${i}`, i, 10 * (i + 1)),
    );
    const all = await readAllWindow(fakeClient(long), {});
    expect(all.map((e) => e.position)).toEqual(
      long.filter((e) => !e.event!.streamId.startsWith('$')).map((e) => Number(e.event!.position.commit)),
    );
    const backwards = await readAllWindow(fakeClient(long), { direction: 'backwards' });
    expect(backwards.map((e) => e.position)).toEqual(all.map((e) => e.position).reverse());
  });

  it('reports the newest user event as the head, and 0 for an empty log', async () => {
    expect(await headPosition(client)).toBe(500);
    expect(await headPosition(fakeClient([log[0]]))).toBe(0);
  });
});

function esdbEvent(streamId: string, type: string, revision: number, at: number, data = {}, metadata = {}): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${String(at).padStart(12, '0')}`,
      isJson: true,
      revision: BigInt(revision),
      type,
      created: new Date(0),
      data,
      metadata,
      position: position(at),
    },
  };
}

/** $all as the server reads it: forwards from a position inclusive, backwards from it exclusive. */
function fakeClient(log: AllStreamResolvedEvent[]): EventStoreDBClient {
  const at = (e: AllStreamResolvedEvent) => e.event!.position.commit;
  return {
    readAll({ direction = 'forwards', fromPosition = 'start', maxCount = Number.MAX_SAFE_INTEGER }) {
      const from = fromPosition as Position | 'start' | 'end';
      const forwards = direction === 'forwards';
      const window = forwards
        ? log.filter((e) => from === 'start' || (from !== 'end' && at(e) >= from.commit))
        : log.filter((e) => from === 'end' || (from !== 'start' && at(e) < from.commit)).reverse();
      return (async function* () {
        yield* window.slice(0, Number(maxCount));
      })();
    },
  } as Partial<Record<keyof EventStoreDBClient, unknown>> as unknown as EventStoreDBClient;
}
