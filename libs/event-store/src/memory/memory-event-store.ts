import {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  LoggedEvent,
  LogPagesOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { readAllPages } from '../log-pages';
import { planAppend, validateBatch } from '../append-plan';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { AppendSignal, LogSubscription } from '../log-subscription';
import { sliceAll, sliceStream } from '../read-window';

interface StoredStream {
  events: RecordedEvent[];
  revisionById: Map<string, number>;
}

/** The whole log in memory, with the same semantics as the SQLite adapter. For unit tests. */
export class MemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, StoredStream>();
  readonly appended = new AppendSignal();

  async append(streamName: string, events: EventData[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    validateBatch(streamName, events);
    const stream = this.streams.get(streamName);
    const last = stream?.events[stream.events.length - 1];
    const head = last && { revision: last.revision, hash: last.metadata.hash };
    const known = new Map<string, number>();
    events.forEach((event) => {
      const revision = stream?.revisionById.get(event.id);
      if (revision !== undefined) known.set(event.id, revision);
    });
    const plan = planAppend(streamName, events, expected, head, known);
    if (plan.kind === 'retry') {
      return { nextExpectedRevision: plan.lastRevision, position: stream!.events[plan.lastRevision].position };
    }
    return this.write(streamName, events, plan.firstRevision, head?.hash ?? GENESIS_HASH);
  }

  private write(streamName: string, events: EventData[], firstRevision: number, prevHash: string): AppendResult {
    const stream: StoredStream = this.streams.get(streamName) ?? { events: [], revisionById: new Map() };
    this.streams.set(streamName, stream);
    chainEvents(events, prevHash).forEach((event, i) => {
      const recorded: RecordedEvent = deepFreeze({
        id: event.id,
        streamName,
        revision: firstRevision + i,
        position: this.log.length + 1,
        type: event.type,
        data: jsonCopy(event.data),
        metadata: jsonCopy(event.metadata),
      });
      this.log.push(recorded);
      stream.events.push(recorded);
      stream.revisionById.set(recorded.id, recorded.revision);
    });
    this.appended.notify();
    const last = stream.events[stream.events.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return sliceStream(this.streams.get(streamName)?.events ?? [], options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return sliceAll(this.log, options);
  }

  readLogPages(options: LogPagesOptions): AsyncIterable<LoggedEvent[]> {
    return readAllPages(this, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return new LogSubscription(this, options);
  }

  currentHead(): number {
    return this.log.length;
  }

  async headPosition(): Promise<number> {
    return this.currentHead();
  }

  async close(): Promise<void> {
    this.appended.notify();
  }
}

/** Stored events keep JSON semantics (no undefined, no shared references), as on disk. */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
