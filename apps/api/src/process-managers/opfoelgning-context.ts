import { Actor, DomainError, ROLES } from '@sagsgang/kernel';
import { InvalidAppend, PartialRetryConflict, RecordedEvent } from '@sagsgang/event-store';
import { CommandContext } from '../commands/command-context';

/**
 * The follow-up runs as the meeting event's actor, in its correlation, caused
 * by it. Its idempotency key names the event and the follow-up, so the sag's
 * new event ids (derived from actor, key, stream and index, see event-ids.ts)
 * are the same however often the event is handled.
 */
export function contextFor(event: RecordedEvent, index: number): CommandContext {
  const { actor, correlationId } = event.metadata as { actor?: Partial<Actor>; correlationId?: unknown };
  if (typeof actor?.userId !== 'string' || !ROLES.includes(actor.role as Actor['role'])) {
    throw new MissingActor(`event ${event.id} carries no actor to act as`);
  }
  return {
    actor: { userId: actor.userId, role: actor.role as Actor['role'] },
    correlationId: typeof correlationId === 'string' ? correlationId : event.id,
    causationId: event.id,
    now: new Date().toISOString(),
    idempotencyKey: `sag-opfoelgning/${event.id}/${index}`,
  };
}

class MissingActor extends Error {
  override readonly name = 'MissingActor';
}

/** Errors that will not go away by retrying: the sag refuses the command, or the event cannot be acted on. */
export function refused(error: unknown): error is Error {
  return (
    error instanceof DomainError || error instanceof PartialRetryConflict || error instanceof InvalidAppend || error instanceof MissingActor
  );
}
