import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, ExpectedRevisionConflict, JsonObject, RecordedEvent } from '@sagsgang/event-store';
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

const ATTEMPTS_WITHOUT_IF_MATCH = 5;

/**
 * Load, decide, append — the only thing a command handler does. Checks
 * If-Match, recognises idempotent retries, stamps metadata, and when the
 * client gave no If-Match, retries a lost race on the new state.
 */
@Injectable()
export class CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run<E extends DomainEvent>(streamName: string, context: CommandContext, decision: StreamDecision<E>): Promise<Appended> {
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
        const result = await this.store.append(
          streamName,
          events.map((event, index) => ({
            id: eventId(context, streamName, index),
            type: event.type,
            data: event.data as JsonObject,
            metadata: metadataFor(context),
          })),
          revision < 0 ? 'no_stream' : revision,
        );
        return { revision: result.nextExpectedRevision, position: result.position, replayed: false };
      } catch (error) {
        const raced = error instanceof ExpectedRevisionConflict && context.ifMatch === undefined;
        if (!raced || attempt === ATTEMPTS_WITHOUT_IF_MATCH) throw error;
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

export function metadataFor(context: CommandContext): JsonObject {
  return {
    actor: { userId: context.actor.userId, role: context.actor.role },
    correlationId: context.correlationId,
    causationId: context.causationId,
    recordedAt: context.now,
    ...(context.idempotencyKey ? { idempotencyKey: context.idempotencyKey } : {}),
  };
}
