import { Injectable } from '@nestjs/common';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/**
 * How many route handlers are running. A handler's work (a command's
 * appends) goes on even when its connection is gone, so shutting down waits
 * for this to reach zero, not only for the connections to close.
 */
@Injectable()
export class RequestsInFlight {
  private running = 0;
  private idleWaiters: Array<() => void> = [];

  get count(): number {
    return this.running;
  }

  started(): void {
    this.running++;
  }

  finished(): void {
    this.running--;
    if (this.running > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  /** Resolves true once no handler runs, false if some still do after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => (clearTimeout(timer), resolve(true)));
    });
  }
}

/**
 * Counts every route handler from the moment it is entered until its result
 * (or error) is settled, by wrapping each route's handler as it is
 * registered: a Fastify hook, so the per-request path holds no Nest
 * interceptor (each costs an rxjs pipeline and an AsyncResource per request).
 */
export function countHandlersInFlight(fastify: FastifyInstance, inFlight: RequestsInFlight): void {
  fastify.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, request, reply) {
      inFlight.started();
      let result: unknown;
      try {
        result = handler.call(this, request, reply);
      } catch (error) {
        inFlight.finished();
        throw error;
      }
      if (!(result instanceof Promise)) {
        inFlight.finished();
        return result;
      }
      return result.finally(() => inFlight.finished());
    } as RouteHandlerMethod;
  });
}
