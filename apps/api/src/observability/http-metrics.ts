import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { CORRELATION_ID_HEADER } from './correlation-id';
import { Metrics } from './metrics';

/** Requests no route matched (404s, scans) share one label instead of one per URL. */
const UNMATCHED = 'unmatched';

/**
 * Fastify hooks on the root instance, so they see every request — Nest's
 * routes, the OpenAPI UI, 404s and requests refused by a plugin (429):
 * the correlation id (Fastify's request id) echoed on the response; when the
 * response is sent, the request counted and timed by its route pattern
 * (`/sager/:id`, never the concrete URL) and one log line with its method,
 * URL, status, duration and correlation id — `info`, a 503 `warn`, a 500
 * `error` (the problem filter logs its cause under the same correlation id).
 */
export function registerHttpObservability(fastify: FastifyInstance, metrics: Metrics, logger: Logger): void {
  // The line is built field by field and holds nothing to censor: redaction would halve the cost of writing it for nothing.
  const requestLog = logger.child({}, { redact: [] });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const { method, url } = request;
    const status = reply.statusCode;
    const route = request.routeOptions.url ?? UNMATCHED;
    metrics.httpRequests.inc({ method, route, status: String(status) });
    metrics.httpDuration.observe({ method, route }, reply.elapsedTime / 1000);
    const level = status === 500 ? 'error' : status > 500 ? 'warn' : 'info';
    const line = {
      correlationId: request.id,
      method,
      url,
      status,
      durationMs: reply.elapsedTime,
      remoteAddress: request.socket.remoteAddress,
    };
    requestLog[level](line, `${method} ${url} ${status}`);
    done();
  });
}
