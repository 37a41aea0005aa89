import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { JwtSecret } from './auth/jwt-secret.provider';
import { AuditModule } from './audit/audit.module';
import { AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { BlobStoreModule } from './infrastructure/blob-store.module';
import { EventStoreModule } from './infrastructure/event-store.module';
import { workflowsProvider } from './infrastructure/workflows.provider';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';
import { RequestsInFlight } from './lifecycle/requests-in-flight';
import { MoederModule } from './moeder/moeder.module';
import { OffentligModule } from './offentlig/offentlig.module';
import type { Logger } from 'pino';
import { createLogger } from './observability/logging';
import { ObservabilityModule } from './observability/observability.module';
import { ProcessManagersModule } from './process-managers/process-managers.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { SagerModule } from './sager/sager.module';
import { WebModule } from './web/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger = createLogger({ level: config.SAGSGANG_LOG_LEVEL })): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot(logger),
        EventStoreModule,
        BlobStoreModule,
        ReadModelsModule,
        SagerModule,
        MoederModule,
        ProcessManagersModule,
        AuditModule,
        OffentligModule,
        WebModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: AppConfig, useValue: config },
        JwtSecret,
        workflowsProvider,
        { provide: APP_GUARD, useClass: AuthGuard },
        RequestsInFlight,
        GracefulShutdown,
      ],
      exports: [AppConfig, JwtSecret, workflowsProvider],
    };
  }
}
