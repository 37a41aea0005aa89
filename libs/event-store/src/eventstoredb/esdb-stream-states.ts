import { EventStoreDBClient, START } from '@eventstore/db-client';
import { StreamHead } from '../append-plan';
import { drain } from './esdb-reads';
import { toRecordedEvent } from './mapping';

/** What an append needs to know of a stream: its head for the hash chain, and every id in it for retries. */
export interface StreamState {
  head: StreamHead | undefined;
  revisionById: Map<string, number>;
  positionByRevision: Map<number, number>;
}

const MAX_STREAMS = 1000;

/**
 * The streams this process has appended to lately, as far as it has read
 * them. An append reads only the events after the state it has (none, when
 * nobody else wrote in between), from the leader, so a stream is read whole
 * only the first time this process appends to it: a retried batch must be
 * recognised by its ids wherever in the stream they are, and EventStoreDB
 * does not look ids up. A state that turns out to be ahead of the stream (a
 * server restored from an older backup) is dropped and read again.
 */
export class StreamStates {
  private readonly states = new Map<string, StreamState>();

  constructor(private readonly client: EventStoreDBClient) {}

  /** The stream as it is now on the leader. */
  async current(streamName: string): Promise<StreamState> {
    const known = this.states.get(streamName);
    const state: StreamState = known ?? { head: undefined, revisionById: new Map(), positionByRevision: new Map() };
    const fromRevision = state.head ? BigInt(state.head.revision + 1) : START;
    const newer = await drain(this.client.readStream(streamName, { fromRevision, requiresLeader: true }));
    for (const { event } of newer) {
      if (!event) continue;
      const recorded = toRecordedEvent(event);
      state.revisionById.set(recorded.id, recorded.revision);
      state.positionByRevision.set(recorded.revision, recorded.position);
      state.head = { revision: recorded.revision, hash: recorded.metadata.hash };
    }
    this.remember(streamName, state);
    return state;
  }

  /** After a successful append: the batch is the stream's new tail (only its last position is known). */
  appended(streamName: string, ids: string[], firstRevision: number, hash: string, lastPosition: number): void {
    const state = this.states.get(streamName);
    if (!state) return;
    ids.forEach((id, i) => state.revisionById.set(id, firstRevision + i));
    const revision = firstRevision + ids.length - 1;
    state.positionByRevision.set(revision, lastPosition);
    state.head = { revision, hash };
  }

  /** The server says the stream is at `actual`: a state ahead of that is no longer the stream. */
  refuted(streamName: string, actual: number | 'no_stream'): void {
    const head = this.states.get(streamName)?.head;
    if (head && (actual === 'no_stream' || actual < head.revision)) this.states.delete(streamName);
  }

  private remember(streamName: string, state: StreamState): void {
    this.states.delete(streamName);
    if (this.states.size >= MAX_STREAMS) this.states.delete(this.states.keys().next().value as string);
    this.states.set(streamName, state);
  }
}
