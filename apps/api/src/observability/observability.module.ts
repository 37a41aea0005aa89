import { DynamicModule, Global, Module } from '@nestjs/common';
import { ProcessManagersModule } from '../process-managers/process-managers.module';
import { LagMetrics } from './lag-metrics';
import type { Logger } from 'pino';
import { APP_LOGGER } from './logging';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/**
 * Structured logs (pino) and Prometheus metrics. Global, so the event
 * store's provider can count appends with the same Metrics instance.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [ProcessManagersModule],
      controllers: [MetricsController],
      providers: [Metrics, LagMetrics, { provide: APP_LOGGER, useValue: logger }],
      exports: [Metrics, APP_LOGGER],
    };
  }
}
