import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { CommandContext } from './command-context';

/** Fixed namespace for deterministic ids; changing it would break idempotent retries of old keys. */
const NAMESPACE = '6f1d1c3e-3b0e-4d8a-9a43-2f4b8c1e7a51';

/**
 * The id of the index-th event a command appends to a stream. With an
 * idempotency key it is derived from (user, key, stream, index), so a retry
 * produces the very same ids and the store recognises it; without one it is random.
 */
export function eventId(context: Pick<CommandContext, 'actor' | 'idempotencyKey'>, streamName: string, index: number): string {
  if (!context.idempotencyKey) return randomUUID();
  return uuidv5([context.actor.userId, context.idempotencyKey, streamName, index].join('\n'), NAMESPACE);
}

/** A new aggregate id: derived from the idempotency key when there is one, so a retry addresses the same stream. */
export function newAggregateId(context: Pick<CommandContext, 'actor' | 'idempotencyKey'>, kind: string): string {
  if (!context.idempotencyKey) return randomUUID();
  return uuidv5([context.actor.userId, context.idempotencyKey, kind].join('\n'), NAMESPACE);
}
