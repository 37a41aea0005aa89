import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ProcessManagersModule } from '../process-managers/process-managers.module';
import { LagMetrics } from './lag-metrics';
import { loggingParams, LoggingOptions } from './logging';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';

/**
 * Structured logs (nestjs-pino) and Prometheus metrics. Global, so the event
 * store's provider can count appends with the same Metrics instance.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(logging: LoggingOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(loggingParams(logging)), ProcessManagersModule],
      controllers: [MetricsController],
      providers: [Metrics, LagMetrics],
      exports: [Metrics],
    };
  }
}
