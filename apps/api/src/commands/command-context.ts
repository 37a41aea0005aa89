import { Actor } from '@sagsgang/kernel';

/** Everything about a command that does not come from its body. */
export interface CommandContext {
  actor: Actor;
  /** The request's correlation id (X-Correlation-Id, or generated); lands in every event's metadata. */
  correlationId: string;
  /** What caused this command: the request id, or the event a process manager reacted to. */
  causationId: string;
  /** When the command was received (ISO 8601); the domain never reads a clock. */
  now: string;
  /** A retried request with the same key appends nothing new and gets the first response. */
  idempotencyKey?: string;
  /** The revision the client last saw (If-Match); a stale one gives 412. */
  ifMatch?: number;
}

/** What every command answers. */
export interface CommandResult {
  id: string;
  revision: number;
  position: number;
}
