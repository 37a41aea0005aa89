import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';

/** Decodes strictly: a byte sequence that is not UTF-8 is an error, never U+FFFD in the hash-chained log. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * How request bodies are read: JSON only (the text parser is removed
 * elsewhere), as bytes decoded strictly as UTF-8 whatever the transfer
 * encoding, then parsed by Fastify's own JSON parser (which refuses
 * __proto__ and constructor poisoning); and each body within `timeoutMs` of
 * its first byte being awaited, or a 408 and the connection closed, so a
 * client that never sends its body does not hold a request open. A streamed
 * body (a bilag file of up to 100 MiB, which takes longer on a slow line)
 * must instead never fall silent for `timeoutMs`.
 */
export function registerRequestBodies(
  fastify: FastifyInstance,
  timeoutMs: number,
  streamed: (request: FastifyRequest) => boolean = () => false,
): void {
  fastify.removeContentTypeParser('application/json');
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = UTF8.decode(body as Buffer);
    } catch {
      return done(notUtf8(), undefined);
    }
    parseJson(request, text, done);
  });
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    if (!hasBody(request.raw)) return done(null, payload);
    done(
      null,
      withDeadline(payload, timeoutMs, streamed(request), reply.raw, () => void reply.header('connection', 'close')),
    );
  });
}

function hasBody(raw: IncomingMessage): boolean {
  return raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0;
}

/**
 * The body as it arrives, failing with a 408 if it has not all arrived
 * within `timeoutMs` (`idle`: if no byte arrived for `timeoutMs`). A request
 * answered without its body being read (a 415) stops the clock when its
 * response closes; a failure nobody reads any more is dropped rather than thrown.
 */
function withDeadline(payload: Readable, timeoutMs: number, idle: boolean, response: NodeJS.EventEmitter, onTimeout: () => void): Readable {
  const timed = new PassThrough();
  timed.on('error', () => undefined);
  const timer = setTimeout(() => {
    onTimeout();
    payload.unpipe(timed);
    timed.destroy(bodyTimeout(timeoutMs));
  }, timeoutMs);
  const stop = () => clearTimeout(timer);
  if (idle) payload.on('data', () => timer.refresh());
  payload.once('end', stop).once('error', (error) => (stop(), timed.destroy(error)));
  response.once('close', stop);
  return payload.pipe(timed);
}

function notUtf8(): HttpException {
  return new BadRequestException({
    title: 'Ugyldig forespørgsel',
    detail: 'Indholdet er ikke gyldig UTF-8: send JSON kodet som UTF-8.',
    errors: [{ field: 'body', reason: 'er ikke gyldig UTF-8' }],
  });
}

function bodyTimeout(timeoutMs: number): HttpException {
  const error = new HttpException(
    {
      title: 'Forespørgslen tog for lang tid',
      detail: `Indholdet kom ikke frem inden for ${timeoutMs / 1000} sekunder; forbindelsen lukkes. Send det igen.`,
    },
    HttpStatus.REQUEST_TIMEOUT,
  );
  // Fastify reads the status of a failed body from here.
  return Object.assign(error, { statusCode: HttpStatus.REQUEST_TIMEOUT });
}
