import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner } from '@sagsgang/projections';
import { Counter, Gauge } from 'prom-client';
import { DataFolder, DiskReport } from '../infrastructure/data-folder';
import { SagOpfoelgningManager } from '../process-managers/sag-opfoelgning.manager';
import { Metrics } from './metrics';

const LAG_UNIT = 'in store positions: events on SQLite, bytes on EventStoreDB';

/**
 * Projection and process manager lag, how often each subscribed to the log
 * again, and the data folder's free space, read on each scrape from the same
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
    private readonly dataFolder: DataFolder,
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
    this.registerResilience();
  }

  private registerResilience(): void {
    const runner = this.projections;
    const manager = this.sagOpfoelgning;
    const reconnects: Counter<'subscriber'> = new Counter({
      name: 'sagsgang_log_reconnects_total',
      help: 'How often the projection runner and the process manager subscribed to the log again after losing it (a store restart, a leader change, a full disk)',
      labelNames: ['subscriber'] as const,
      registers: [this.metrics.registry],
      collect() {
        reconnects.reset();
        reconnects.inc({ subscriber: 'projections' }, runner.incidents().reconnects);
        reconnects.inc({ subscriber: manager.status().name }, manager.status().reconnects);
      },
    });
    const readDisk = (use: (disk: DiskReport) => void) => this.guarded(async () => use(this.dataFolder.report()), undefined);
    const free: Gauge = new Gauge({
      name: 'sagsgang_data_free_bytes',
      help: 'Free bytes in SAGSGANG_DATA (event store, read models, bilag)',
      registers: [this.metrics.registry],
      collect: () => readDisk((disk) => free.set(disk.freeBytes)),
    });
    const full: Gauge = new Gauge({
      name: 'sagsgang_data_full',
      help: '1 while a write to SAGSGANG_DATA has failed for lack of space and none has succeeded since (commands are answered 507)',
      registers: [this.metrics.registry],
      collect: () => readDisk((disk) => full.set(disk.full ? 1 : 0)),
    });
  }

  private async guarded<T>(read: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await read();
    } catch (error) {
      this.logger.warn(`metric not collected: ${String(error)}`);
      return fallback;
    }
  }
}
