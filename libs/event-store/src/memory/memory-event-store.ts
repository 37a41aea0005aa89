import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  EventData,
  EventStore,
  EventStoreCapabilities,
  ExpectedRevision,
  LoggedEvent,
  LogPagesOptions,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { readAllPages } from '../log-pages';
import { AppendPlan, planAppend, validateBatch, validateStreamAppends } from '../append-plan';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { AppendSignal, LogSubscription } from '../log-subscription';
import { sliceAll, sliceStream } from '../read-window';

interface StoredStream {
  events: RecordedEvent[];
  revisionById: Map<string, number>;
}

/** The whole log in memory, with the same semantics as the SQLite adapter. For unit tests. */
export class MemoryEventStore implements EventStore {
  readonly capabilities: EventStoreCapabilities = { atomicMultiStreamAppend: true };
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, StoredStream>();
  private readonly name = randomUUID();
  readonly appended = new AppendSignal();

  async append(streamName: string, events: EventData[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    validateBatch(streamName, events);
    return this.carryOut(streamName, events, this.plan(streamName, events, expected));
  }

  /** Every stream is planned (and may be refused) before any is written: all or nothing. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    validateStreamAppends(appends);
    const plans = appends.map(({ streamName, events, expectedRevision }) => this.plan(streamName, events, expectedRevision ?? 'any'));
    return appends.map(({ streamName, events }, i) => this.carryOut(streamName, events, plans[i]));
  }

  private plan(streamName: string, events: EventData[], expected: ExpectedRevision): AppendPlan {
    const stream = this.streams.get(streamName);
    const known = new Map<string, number>();
    events.forEach((event) => {
      const revision = stream?.revisionById.get(event.id);
      if (revision !== undefined) known.set(event.id, revision);
    });
    return planAppend(streamName, events, expected, this.head(stream), known);
  }

  private carryOut(streamName: string, events: EventData[], plan: AppendPlan): AppendResult {
    const stream = this.streams.get(streamName);
    if (plan.kind === 'retry') {
      return { nextExpectedRevision: plan.lastRevision, position: stream!.events[plan.lastRevision].position };
    }
    return this.write(streamName, events, plan.firstRevision, this.head(stream)?.hash ?? GENESIS_HASH);
  }

  private head(stream: StoredStream | undefined) {
    const last = stream?.events[stream.events.length - 1];
    return last && { revision: last.revision, hash: last.metadata.hash };
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

  async identity(): Promise<string> {
    return this.name;
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
