import type { FastifyInstance } from 'fastify';
import { CORRELATION_ID_HEADER, correlationIdOf } from './correlation-id';
import { Metrics } from './metrics';

/** Requests no route matched (404s, scans) share one label instead of one per URL. */
const UNMATCHED = 'unmatched';

/**
 * Fastify hooks on the root instance, so they see every request — Nest's
 * routes, the OpenAPI UI, 404s and requests refused by a plugin (429):
 * the correlation id echoed on the response, and the request counted and
 * timed by its route pattern (`/sager/:id`, never the concrete URL).
 */
export function registerHttpObservability(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(CORRELATION_ID_HEADER, correlationIdOf(request.raw));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? UNMATCHED;
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
