import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/** The shape an X-Correlation-Id header must have to be taken over (anything else is replaced, and refused by commands). */
export const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const ASSIGNED = Symbol('sagsgang.correlationId');
type WithCorrelation = IncomingMessage & { [ASSIGNED]?: string };

/**
 * The request's correlation id, decided once per request and cached on the
 * raw request: a well-formed X-Correlation-Id, else a new UUID. Fastify's
 * request id, the request's log line and every event the request appends read
 * it from here, so all three carry the same value.
 */
export function correlationIdOf(raw: IncomingMessage): string {
  const request = raw as WithCorrelation;
  if (request[ASSIGNED] === undefined) {
    const given = raw.headers[CORRELATION_ID_HEADER];
    request[ASSIGNED] = typeof given === 'string' && CORRELATION_ID.test(given) ? given : randomUUID();
  }
  return request[ASSIGNED];
}
