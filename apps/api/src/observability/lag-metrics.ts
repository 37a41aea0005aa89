import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { Gauge } from 'prom-client';
import { SagOpfoelgningManager } from '../process-managers/sag-opfoelgning.manager';
import { Metrics } from './metrics';

const LAG_UNIT = 'in store positions: events on SQLite, bytes on EventStoreDB';

/**
 * Projection and process manager lag, read on each scrape from the same
 * sources as /health, so a gauge is never staler than the scrape. A store
 * that does not answer leaves the gauges out of that scrape rather than
 * failing it: the default metrics still tell the operator the process is up.
 */
@Injectable()
export class LagMetrics implements OnModuleInit {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: Metrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly sagOpfoelgning: SagOpfoelgningManager,
  ) {}

  onModuleInit(): void {
    const projectionLag: Gauge<'projection' | 'state'> = new Gauge({
      name: 'sagsgang_projection_lag',
      help: `How far each read model is behind the head of the log (${LAG_UNIT})`,
      labelNames: ['projection', 'state'] as const,
      registers: [this.metrics.registry],
      collect: async () => {
        projectionLag.reset();
        for (const { name, state, lag } of await this.guarded(() => this.projections.lag(), []))
          projectionLag.set({ projection: name, state }, lag);
      },
    });
    const managerLag: Gauge<'manager' | 'state'> = new Gauge({
      name: 'sagsgang_process_manager_lag',
      help: `How far each process manager is behind the head of the log (${LAG_UNIT})`,
      labelNames: ['manager', 'state'] as const,
      registers: [this.metrics.registry],
      collect: async () => {
        managerLag.reset();
        const head = await this.guarded(() => this.store.headPosition(), undefined);
        if (head === undefined) return;
        const { name, state, checkpoint } = this.sagOpfoelgning.status();
        managerLag.set({ manager: name, state }, Math.max(0, head - checkpoint));
      },
    });
  }

  private async guarded<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.logger.warn(`lag not collected: ${String(error)}`);
      return fallback;
    }
  }
}
