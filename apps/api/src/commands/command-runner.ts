import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventData, EventStore, ExpectedRevisionConflict, JsonObject, RecordedEvent, retryDelay } from '@sagsgang/event-store';
import { DomainEvent } from '@sagsgang/kernel';
import { CommandContext } from './command-context';
import { eventId } from './event-ids';

export interface StreamDecision<E extends DomainEvent> {
  /** The events the pure decider produced from the stream's current events. */
  decide(history: RecordedEvent[]): E[];
  /** Work the events depend on (e.g. storing a bilag's bytes), done only once the command was accepted. */
  beforeAppend?(): Promise<void>;
}

export interface Appended {
  revision: number;
  position: number;
  /** True when this was a retry of an earlier request with the same idempotency key. */
  replayed: boolean;
}

/** How long a command without If-Match goes on deciding again after losing races to other writers of its stream. */
const RACE_DEADLINE_MS = 10_000;

/**
 * Load, decide, append — the only thing a command handler does. Checks
 * If-Match, recognises idempotent retries, stamps metadata. A client that
 * sent If-Match gets 412 when the stream has moved; one that did not has the
 * command decided again on the new state after a short jittered back-off,
 * until it lands or the decider refuses it. Only a stream that keeps moving
 * for RACE_DEADLINE_MS gives up, with a 503 to retry later, never a 412 the
 * client did not ask for.
 */
@Injectable()
export class CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run<E extends DomainEvent>(streamName: string, context: CommandContext, decision: StreamDecision<E>): Promise<Appended> {
    const deadline = Date.now() + RACE_DEADLINE_MS;
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(streamName);
      const earlier = this.earlierResult(streamName, history, context);
      if (earlier) return earlier;
      const revision = history.length - 1;
      if (context.ifMatch !== undefined && context.ifMatch !== revision) {
        throw new ExpectedRevisionConflict(streamName, context.ifMatch, revision < 0 ? 'no_stream' : revision);
      }
      const events = decision.decide(history);
      await decision.beforeAppend?.();
      try {
        const result = await this.store.append(streamName, toEventData(context, streamName, events), revision < 0 ? 'no_stream' : revision);
        return { revision: result.nextExpectedRevision, position: result.position, replayed: false };
      } catch (error) {
        const raced = error instanceof ExpectedRevisionConflict && context.ifMatch === undefined;
        if (!raced) throw error;
        if (Date.now() >= deadline) throw tooBusy(streamName);
        await sleep(retryDelay(attempt, 2, 100));
      }
    }
  }

  /** The result of the first request with this idempotency key, if it already landed. */
  private earlierResult(streamName: string, history: RecordedEvent[], context: CommandContext): Appended | undefined {
    if (!context.idempotencyKey) return undefined;
    const start = history.findIndex((event) => event.id === eventId(context, streamName, 0));
    if (start < 0) return undefined;
    let last = start;
    while (history[last + 1]?.id === eventId(context, streamName, last + 1 - start)) last++;
    return { revision: history[last].revision, position: history[last].position, replayed: true };
  }
}

function tooBusy(streamName: string): ServiceUnavailableException {
  return new ServiceUnavailableException({
    title: 'For mange samtidige ændringer',
    detail: `${streamName} blev ændret af andre hele tiden i ${RACE_DEADLINE_MS / 1000} sekunder; intet er ændret, prøv igen om lidt.`,
  });
}

/** A decider's events as the store takes them: ids derived from the command's context, metadata stamped. */
export function toEventData(context: CommandContext, streamName: string, events: DomainEvent[]): EventData[] {
  return events.map((event, index) => ({
    id: eventId(context, streamName, index),
    type: event.type,
    data: event.data as JsonObject,
    metadata: metadataFor(context),
  }));
}

export function metadataFor(context: CommandContext): JsonObject {
  return {
    actor: { userId: context.actor.userId, role: context.actor.role },
    correlationId: context.correlationId,
    causationId: context.causationId,
    recordedAt: context.now,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}
