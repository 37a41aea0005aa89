import {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  ErrorType,
  EventData,
  EventStoreDBClient,
  NO_STREAM,
  Position,
  ResolvedEvent,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

type Stored = NonNullable<AllStreamResolvedEvent['event']>;

/** One call the adapter made, with the options it gave. */
export interface Call {
  method: string;
  stream?: string;
  options: Record<string, unknown>;
}

/**
 * EventStoreDB as the gRPC client sees it, in memory, with the behaviour the
 * adapter must cope with: positions are byte offsets with gaps, and a read of
 * $all from a position where no event starts is refused; reads of a stream
 * that does not exist fail with stream-not-found; an append at a stale
 * revision fails with WrongExpectedVersion; other writers can be made to win
 * the next races; a subscription can be made to drop after some events, as
 * it does when the server restarts or the leader changes. Every call is kept.
 */
export class FakeEventStoreDb {
  readonly calls: Call[] = [];
  private readonly log: Stored[] = [];
  private readonly metadata = new Map<string, Record<string, unknown>>();
  private nextPosition = 137n;
  private waiters: Array<() => void> = [];
  /** Appends that lose to another writer, who appends an event of its own first. */
  racesToLose = 0;
  /** Subscriptions (in order) that drop after this many events. */
  readonly drops: number[] = [];

  get client(): EventStoreDBClient {
    return this as unknown as EventStoreDBClient;
  }

  readStream(stream: string, options: Record<string, unknown> = {}): AsyncIterable<ResolvedEvent> {
    this.calls.push({ method: 'readStream', stream, options });
    const events = this.log.filter((event) => event.streamId === stream);
    if (events.length === 0) return failing(Object.assign(new Error(`${stream} not found`), { type: ErrorType.STREAM_NOT_FOUND }));
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const inWindow = events.filter((event) =>
      typeof from !== 'bigint' ? true : backwards ? event.revision <= from : event.revision >= from,
    );
    const ordered = backwards ? inWindow.reverse() : inWindow;
    return fromArray(ordered.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map((event) => ({ event })));
  }

  readAll(options: Record<string, unknown> = {}): AsyncIterable<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', options });
    const from = options.fromPosition as Position | 'start' | 'end' | undefined;
    if (typeof from === 'object' && !this.log.some((event) => event.position.commit === from.commit)) {
      return failing(Object.assign(new Error(`no event starts at position ${from.commit}`), { type: ErrorType.INVALID_ARGUMENT }));
    }
    const forwards = options.direction !== 'backwards';
    const at = (event: Stored) => event.position.commit;
    const window = forwards
      ? this.log.filter((event) => from === undefined || from === 'start' || (from !== 'end' && at(event) >= from.commit))
      : this.log.filter((event) => from === undefined || from === 'end' || (from !== 'start' && at(event) < from.commit)).reverse();
    return fromArray(window.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map((event) => ({ event })));
  }

  async appendToStream(stream: string, events: EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}) {
    this.calls.push({ method: 'appendToStream', stream, options });
    if (this.racesToLose > 0) {
      this.racesToLose--;
      this.write(stream, [{ id: crypto.randomUUID(), type: 'AndenSkriver', data: {}, metadata: {} } as unknown as EventData]);
    }
    const current = this.revisionOf(stream);
    const expected = options.expectedRevision;
    const holds = expected === undefined || expected === 'any' || (expected === NO_STREAM ? current === undefined : expected === current);
    if (!holds)
      throw new WrongExpectedVersionError(undefined, { streamName: stream, expected: expected!, current: current ?? 'no_stream' });
    const last = this.write(stream, events);
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  async getStreamMetadata(stream: string, options: Record<string, unknown> = {}) {
    this.calls.push({ method: 'getStreamMetadata', stream, options });
    return { streamName: stream, metadata: this.metadata.get(stream) };
  }

  async setStreamMetadata(stream: string, metadata: Record<string, unknown>, options: { expectedRevision?: AppendExpectedRevision } = {}) {
    this.calls.push({ method: 'setStreamMetadata', stream, options });
    if (options.expectedRevision === NO_STREAM && this.metadata.has(stream)) {
      throw new WrongExpectedVersionError(undefined, { streamName: `$$${stream}`, expected: NO_STREAM, current: 0n });
    }
    this.metadata.set(stream, metadata);
    return { success: true, nextExpectedRevision: 0n, position: undefined };
  }

  subscribeToAll(options: { fromPosition?: Position | 'start' } = {}) {
    this.calls.push({ method: 'subscribeToAll', options });
    const drop = this.drops.shift();
    let closed = false;
    let wake = () => undefined as void;
    const at = (index: number) => this.log[index];
    const appended = () => new Promise<void>((resolve) => this.waiters.push((wake = resolve)));
    const after = options.fromPosition === undefined || options.fromPosition === 'start' ? -1n : options.fromPosition.commit;
    return {
      async *[Symbol.asyncIterator]() {
        let delivered = 0;
        for (let index = 0; !closed;) {
          const event = at(index);
          if (!event) {
            await appended();
            continue;
          }
          index++;
          if (event.position.commit <= after) continue;
          if (drop !== undefined && delivered === drop) throw new UnavailableError(undefined, 'the server went away');
          delivered++;
          yield { event };
        }
      },
      unsubscribe: async () => {
        closed = true;
        wake();
      },
      destroy: () => undefined,
    };
  }

  async dispose(): Promise<void> {}

  private revisionOf(stream: string): bigint | undefined {
    return this.log.filter((event) => event.streamId === stream).at(-1)?.revision;
  }

  private write(stream: string, events: EventData[]): Stored {
    let revision = this.revisionOf(stream) ?? -1n;
    for (const event of events) {
      const position = (this.nextPosition += 97n + BigInt(JSON.stringify(event.data).length));
      this.log.push({
        streamId: stream,
        id: event.id,
        type: event.type,
        revision: ++revision,
        isJson: true,
        created: new Date(0),
        data: event.data as Stored['data'],
        metadata: event.metadata as Stored['metadata'],
        position: { commit: position, prepare: position },
      } as Stored);
    }
    const waiters = this.waiters.splice(0);
    waiters.forEach((resolve) => resolve());
    return this.log[this.log.length - 1];
  }
}

function fromArray<T>(items: T[]): AsyncIterable<T> {
  return (async function* () {
    yield* items;
  })();
}

function failing<T>(error: Error): AsyncIterable<T> {
  return (async function* () {
    yield* [] as T[];
    throw error;
  })();
}
