import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import { correlationIdOf } from './correlation-id';

export interface LoggingOptions {
  level: LevelWithSilent;
  /** Where the JSON lines go; stdout when absent (a test passes a stream to read them). */
  destination?: DestinationStream;
}

/**
 * Never logged, wherever they turn up: the request line carries no headers at
 * all, and these paths are censored as a second line of defence should a
 * request, a response or a token ever be passed to the logger.
 */
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  'token',
  'secret',
  '*.authorization',
  '*.token',
  '*.secret',
];

type Request = IncomingMessage & { originalUrl?: string };

/**
 * nestjs-pino's parameters: one JSON line per request when its response is
 * sent — method, URL, status, duration in ms and the correlation id, which
 * every other line logged while handling the request carries as well.
 */
export function loggingParams({ level, destination }: LoggingOptions): Params {
  const options: Options<Request, ServerResponse> = {
    level,
    redact: { paths: REDACTED, censor: '[redacted]' },
    genReqId: (request) => correlationIdOf(request),
    customAttributeKeys: { reqId: 'correlationId' },
    // Only the correlation id is bound to the request's logger, not the whole request with its headers.
    quietReqLogger: true,
    quietResLogger: true,
    // A 503 (not ready, read models not yet at minPosition) is a warning; an unexpected failure an error.
    customLogLevel: (_request, response, error) => (error || response.statusCode === 500 ? 'error' : response.statusCode > 500 ? 'warn' : 'info'),
    customSuccessMessage: (request, response) => `${request.method} ${urlOf(request)} ${response.statusCode}`,
    customErrorMessage: (request, response) => `${request.method} ${urlOf(request)} ${response.statusCode}`,
    customSuccessObject: (request, response, value: { responseTime: number }) => requestLine(request, response, value.responseTime),
    // The cause, with its stack, is logged by the problem filter under the same correlation id.
    customErrorObject: (request, response, _error, value: { responseTime: number }) => requestLine(request, response, value.responseTime),
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

function requestLine(request: Request, response: ServerResponse, durationMs: number) {
  return { method: request.method, url: urlOf(request), status: response.statusCode, durationMs, remoteAddress: request.socket?.remoteAddress };
}

function urlOf(request: Request): string | undefined {
  return request.originalUrl ?? request.url;
}
