import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { SagOpfoelgningManager } from '../process-managers/sag-opfoelgning.manager';
import { RequestsInFlight } from './requests-in-flight';

/** Requests in flight get this long to be answered before their connections are cut. */
export const HTTP_GRACE_MS = 10_000;
/** Handlers whose connection was cut get this much longer to finish their work. */
export const HANDLER_GRACE_MS = 10_000;
/** The read models get this long to apply the log up to its head before they stop. */
export const CATCH_UP_MS = 5_000;
/** How often connections that have turned idle (a keep-alive after its last answer) are closed. */
const REAP_EVERY_MS = 25;

/**
 * The first step of app.close() (onModuleDestroy runs before every module's
 * beforeApplicationShutdown and onApplicationShutdown):
 *
 * 1. HTTP: no new connections; a request arriving on an open keep-alive
 *    connection is answered 503 with `Connection: close` (Fastify while
 *    closing); requests in flight are answered, and each connection is
 *    closed as soon as it is idle. After HTTP_GRACE_MS the rest are cut.
 * 2. Every route handler has finished, so no command stops between its
 *    appends (a sagsnummer allocated but its sag not created).
 * 3. The process manager stops after the event in hand (its follow-ups
 *    appended, its checkpoint saved): it is the last writer.
 * 4. The read models apply the log up to its head, then the runner stops.
 *
 * Then the modules' own hooks close the read models, the process manager's
 * checkpoints and, last, the event store, which first waits for its pending
 * group commit to be fsynced.
 */
@Injectable()
export class GracefulShutdown implements OnModuleDestroy {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly inFlight: RequestsInFlight,
    private readonly manager: SagOpfoelgningManager,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.closeHttp();
    if (!(await this.inFlight.idle(HANDLER_GRACE_MS))) {
      this.logger.error(`${this.inFlight.count} request handlers still running after ${HANDLER_GRACE_MS} ms; closing anyway`);
    }
    await this.manager.stop();
    await this.catchUp();
    await this.runner.stop();
  }

  private async closeHttp(): Promise<void> {
    const adapter = this.http.httpAdapter;
    const server = adapter?.getHttpServer() as Server | undefined;
    if (!adapter || !server?.listening) return;
    const reaper = setInterval(() => this.guarded(() => server.closeIdleConnections()), REAP_EVERY_MS);
    const cut = setTimeout(() => {
      this.logger.warn(`requests still unanswered after ${HTTP_GRACE_MS} ms: closing their connections`);
      this.guarded(() => server.closeAllConnections());
    }, HTTP_GRACE_MS);
    try {
      await adapter.close();
    } finally {
      clearInterval(reaper);
      clearTimeout(cut);
    }
  }

  /** For the timers of a shutdown: closing a connection that is already gone must not end the process mid-shutdown. */
  private guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.logger.warn(`closing connections: ${String(error)}`);
    }
  }

  private async catchUp(): Promise<void> {
    // A runner that is stopped or failed would only make us wait for the timeout.
    if (!this.runner.status().every((projection) => projection.state === 'running')) return;
    try {
      await this.runner.waitForPosition(await this.store.headPosition(), CATCH_UP_MS);
    } catch (error) {
      // Not fatal: the runner carries on from its checkpoints at the next start.
      this.logger.warn(`read models not at the head of the log before stopping: ${String(error)}`);
    }
  }
}

/**
 * SIGTERM or SIGINT closes the app gracefully (see GracefulShutdown) and
 * exits 0, or 1 if closing failed. A second signal while closing is ignored:
 * SIGKILL remains for an operator who cannot wait.
 */
export function exitGracefullyOnSignals(close: () => Promise<void>, log: (message: string) => void): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return log(`${signal} ignored: already shutting down`);
    closing = true;
    log(`${signal}: shutting down`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
