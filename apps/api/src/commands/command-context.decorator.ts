import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { CORRELATION_ID, correlationIdOf } from '../observability/correlation-id';
import { CommandContext } from './command-context';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** An ETag as this API sends it ("3"), weak or bare forms tolerated. */
const REVISION_TAG = /^(?:W\/)?"?(\d{1,15})"?$/;

/**
 * Builds a command's context from the request: the actor from the verified
 * token, the clock, correlation, idempotency key and If-Match. Malformed
 * headers are a 400, never silently ignored.
 */
export const CommandCtx = createParamDecorator((_data: unknown, execution: ExecutionContext): CommandContext => {
  const request = execution.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) throw new Error('CommandCtx used on a route without authentication');
  const requestId = randomUUID();
  return {
    actor: request.actor,
    // The id the request's log line carries and its response echoes; a malformed header is still a 400.
    correlationId: header(request, 'x-correlation-id', CORRELATION_ID) ?? correlationIdOf(request.raw),
    causationId: requestId,
    now: new Date().toISOString(),
    idempotencyKey: header(request, 'idempotency-key', IDEMPOTENCY_KEY),
    ifMatch: revisionHeader(request),
  };
});

function header(request: AuthenticatedRequest, name: string, shape: RegExp): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !shape.test(value)) {
    throw badHeader(name, `skal have formen ${shape.source}`);
  }
  return value;
}

function revisionHeader(request: AuthenticatedRequest): number | undefined {
  const value = request.headers['if-match'];
  if (value === undefined) return undefined;
  const match = typeof value === 'string' ? REVISION_TAG.exec(value.trim()) : null;
  if (!match) throw badHeader('If-Match', 'skal være en revision, som ETag angiver den, fx "3"');
  return Number(match[1]);
}

function badHeader(name: string, reason: string): BadRequestException {
  return new BadRequestException({
    title: 'Ugyldig forespørgsel',
    detail: `${name}: ${reason}`,
    errors: [{ field: name, reason }],
  });
}
