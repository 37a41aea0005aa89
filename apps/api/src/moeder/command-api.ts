import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandResult } from '../commands/command-context';

export { ID, NR } from '../http/path-params';

/** What every meeting command controller declares, as the sag API does. */
export function MoedeCommandApi() {
  return applyDecorators(
    ApiTags('moeder'),
    ApiBearerAuth(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retried request with the same key appends nothing and gets the first response',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision last seen (ETag); a stale one gives 412' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into every event this request appends' }),
  );
}

export function withETag<R extends CommandResult>(reply: FastifyReply, result: R): R {
  void reply.header('etag', `"${result.revision}"`);
  return result;
}
