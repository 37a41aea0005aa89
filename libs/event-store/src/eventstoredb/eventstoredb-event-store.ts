import { setTimeout as sleep } from 'node:timers/promises';
import {
  AppendExpectedRevision,
  AppendResult as EsdbAppendResult,
  EventStoreDBClient,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
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
import { planAppend, StreamHead, validateBatch } from '../append-plan';
import { chainEvents, GENESIS_HASH } from '../hash-chain';
import { drain, headPosition, readAllWindow, readStreamWindow } from './esdb-reads';
import { EsdbSubscription } from './esdb-subscription';
import {
  exactRevisionAfter,
  isWrongExpectedVersion,
  toEsdbEvent,
  toExpectedRevisionConflict,
  toPortPosition,
  toRecordedEvent,
  toRevision,
} from './mapping';

/** How often an append re-reads the head after losing a race before it gives up. */
const MAX_ATTEMPTS = 8;

interface StreamState {
  head: StreamHead | undefined;
  revisionById: Map<string, number>;
  positionByRevision: Map<number, number>;
}

/**
 * The port on EventStoreDB (gRPC client 6.x), with the same observable
 * behaviour as the memory and SQLite adapters.
 *
 * Every append reads the stream first: the hash chain must continue from the
 * head's hash, and a retried batch must report its original result, which
 * EventStoreDB's own idempotency does not give (it only recognises a retry at
 * the revision it was first written at, and not at all for a partial overlap).
 * The write then names the exact revision that was read, whatever the caller
 * expected, so no event can slip in between and break the chain; losing that
 * race means reading again and re-planning, which also re-checks the caller's
 * own expectation against the new head. Our event ids are passed through as
 * EventStoreDB's, so a retry racing its original is still idempotent on the server.
 */
export class EventStoreDbEventStore implements EventStore {
  constructor(private readonly client: EventStoreDBClient) {}

  static connect(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(streamName: string, events: EventData[], expected: ExpectedRevision = 'any'): Promise<AppendResult> {
    validateBatch(streamName, events);
    for (let attempt = 1; ; attempt++) {
      const state = await this.loadStream(streamName);
      const known = new Map(
        events.flatMap((event) => {
          const revision = state.revisionById.get(event.id);
          return revision === undefined ? [] : [[event.id, revision] as const];
        }),
      );
      const plan = planAppend(streamName, events, expected, state.head, known);
      if (plan.kind === 'retry') {
        return { nextExpectedRevision: plan.lastRevision, position: state.positionByRevision.get(plan.lastRevision)! };
      }
      try {
        const chained = chainEvents(events, state.head?.hash ?? GENESIS_HASH);
        const expectedRevision = exactRevisionAfter(state.head);
        const result = await this.client.appendToStream(streamName, chained.map(toEsdbEvent), { expectedRevision });
        // With throwOnAppendFailure=false in the connection string a conflict is returned, not thrown.
        if (!result.success) throw unthrownConflict(streamName, expectedRevision, result);
        return await this.toAppendResult(streamName, result);
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw toExpectedRevisionConflict(error as WrongExpectedVersionError, streamName, expected);
        await sleep(Math.random() * 10 * attempt);
      }
    }
  }

  /** The whole stream: its head for the chain, and every id for retry detection. */
  private async loadStream(streamName: string): Promise<StreamState> {
    const state: StreamState = { head: undefined, revisionById: new Map(), positionByRevision: new Map() };
    for (const { event } of await drain(this.client.readStream(streamName))) {
      if (!event) continue;
      const recorded = toRecordedEvent(event);
      state.revisionById.set(recorded.id, recorded.revision);
      state.positionByRevision.set(recorded.revision, recorded.position);
      state.head = { revision: recorded.revision, hash: recorded.metadata.hash };
    }
    return state;
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

  async close(): Promise<void> {
    await this.client.dispose();
  }
}

function unthrownConflict(streamName: string, expected: AppendExpectedRevision, result: EsdbAppendResult): WrongExpectedVersionError {
  const current = result.nextExpectedRevision < 0n ? 'no_stream' : result.nextExpectedRevision;
  return new WrongExpectedVersionError(undefined, { streamName, expected, current });
}
