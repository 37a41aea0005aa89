import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AppendExpectedRevision,
  AppendResult as EsdbAppendResult,
  EventStoreDBClient,
  NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
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
import { retryDelay } from '../retry-delay';
import { planAppend, validateBatch, validateStreamAppends } from '../append-plan';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { headPosition, readAllWindow, readStreamWindow } from './esdb-reads';
import { EsdbSubscription } from './esdb-subscription';
import { StreamStates, StreamState } from './esdb-stream-states';
import { exactRevisionAfter, isWrongExpectedVersion, toEsdbEvent, toExpectedRevisionConflict, toPortPosition, toRevision } from './mapping';

/** How long an append keeps trying after losing races to other writers before it gives up. */
const RACE_DEADLINE_MS = 10_000;
/** The stream whose (system) metadata names this store: `$$sagsgang-store`, outside every read of the log. */
const IDENTITY_STREAM = 'sagsgang-store';

/**
 * The port on EventStoreDB (gRPC client 6.x), with the same observable
 * behaviour as the memory and SQLite adapters.
 *
 * An append continues the hash chain from the stream's head, and a retried
 * batch must report its original result, which EventStoreDB's own
 * idempotency does not give (it only recognises a retry at the revision it
 * was first written at, and not at all for a partial overlap). So it learns
 * the stream from the leader (StreamStates: only the events it has not seen
 * yet) and writes at the exact revision it read, whatever the caller
 * expected, so no event can slip in between and break the chain. Losing that
 * race means reading what is new and re-planning, which also re-checks the
 * caller's own expectation against the new head; an `any` append tries again
 * until it lands or RACE_DEADLINE_MS has passed. Our event ids are passed
 * through as EventStoreDB's, so a retry racing its original is still
 * idempotent on the server.
 *
 * Appends to several streams are not atomic here: they are written one after
 * the other (capabilities.atomicMultiStreamAppend is false).
 */
export class EventStoreDbEventStore implements EventStore {
  readonly capabilities: EventStoreCapabilities = { atomicMultiStreamAppend: false };
  private readonly streams: StreamStates;
  private name?: Promise<string>;

  constructor(private readonly client: EventStoreDBClient) {
    this.streams = new StreamStates(client);
  }

  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(streamName: string, events: EventData[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    validateBatch(streamName, events);
    const deadline = Date.now() + RACE_DEADLINE_MS;
    for (let attempt = 1; ; attempt++) {
      const state = await this.streams.current(streamName);
      const plan = planAppend(streamName, events, expected, state.head, knownRevisions(state, events));
      if (plan.kind === 'retry') return this.originalResult(streamName, state, plan.lastRevision);
      try {
        const chained = chainEvents(events, state.head?.hash ?? GENESIS_HASH);
        const expectedRevision = exactRevisionAfter(state.head);
        const result = await this.client.appendToStream(streamName, chained.map(toEsdbEvent), { expectedRevision });
        // With throwOnAppendFailure=false in the connection string a conflict is returned, not thrown.
        if (!result.success) throw unthrownConflict(streamName, expectedRevision, result);
        const appended = await this.toAppendResult(streamName, result);
        const ids = events.map((event) => event.id);
        this.streams.appended(streamName, ids, plan.firstRevision, chained[chained.length - 1].metadata.hash, appended.position);
        return appended;
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        const conflict = toExpectedRevisionConflict(error as WrongExpectedVersionError, streamName, expected);
        this.streams.refuted(streamName, conflict.actual);
        if (Date.now() >= deadline) throw conflict;
        await sleep(retryDelay(attempt, 5, 200));
      }
    }
  }

  /** One stream after the other: EventStoreDB has no transaction across streams. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    validateStreamAppends(appends);
    const results: AppendResult[] = [];
    for (const { streamName, events, expectedRevision } of appends) results.push(await this.append(streamName, events, expectedRevision));
    return results;
  }

  private async originalResult(streamName: string, state: StreamState, lastRevision: number): Promise<AppendResult> {
    const position = state.positionByRevision.get(lastRevision);
    if (position !== undefined) return { nextExpectedRevision: lastRevision, position };
    const [last] = await readStreamWindow(this.client, streamName, { fromRevision: lastRevision, maxCount: 1 });
    return { nextExpectedRevision: lastRevision, position: last.position };
  }

  private async toAppendResult(streamName: string, result: EsdbAppendResult): Promise<AppendResult> {
    const nextExpectedRevision = toRevision(result.nextExpectedRevision);
    // The server reports the last event's position; older servers may omit it.
    if (result.position) return { nextExpectedRevision, position: toPortPosition(result.position) };
    const [last] = await readStreamWindow(this.client, streamName, { fromRevision: nextExpectedRevision, maxCount: 1 });
    if (!last) throw new Error(`appended to ${streamName} but cannot read revision ${nextExpectedRevision} back`);
    return { nextExpectedRevision, position: last.position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return readStreamWindow(this.client, streamName, options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllWindow(this.client, options);
  }

  readLogPages(options: LogPagesOptions): AsyncIterable<LoggedEvent[]> {
    return readAllPages(this, options);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    return new EsdbSubscription(this.client, options);
  }

  async headPosition(): Promise<number> {
    return headPosition(this.client);
  }

  /**
   * Kept as custom metadata of the stream `sagsgang-store`, which EventStoreDB
   * stores in its system stream `$$sagsgang-store`: outside the log that
   * reads, exports and subscriptions see. The first process to ask names the
   * store; one that loses that race reads the winner's name.
   */
  identity(): Promise<string> {
    this.name ??= this.readOrNameStore();
    this.name.catch(() => (this.name = undefined));
    return this.name;
  }

  private async readOrNameStore(): Promise<string> {
    for (;;) {
      const { metadata } = await this.client.getStreamMetadata<{ sagsgangStoreId?: string }>(IDENTITY_STREAM, { requiresLeader: true });
      if (typeof metadata?.sagsgangStoreId === 'string') return metadata.sagsgangStoreId;
      try {
        const named = randomUUID();
        await this.client.setStreamMetadata(IDENTITY_STREAM, { sagsgangStoreId: named }, { expectedRevision: NO_STREAM });
        return named;
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function knownRevisions(state: StreamState, events: EventData[]): Map<string, number> {
  const known = new Map<string, number>();
  for (const event of events) {
    const revision = state.revisionById.get(event.id);
    if (revision !== undefined) known.set(event.id, revision);
  }
  return known;
}

function unthrownConflict(streamName: string, expected: AppendExpectedRevision, result: EsdbAppendResult): WrongExpectedVersionError {
  const current = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision;
  return new WrongExpectedVersionError(undefined, { streamName, expected, current });
}
