import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { JwtSecret } from './auth/jwt-secret.provider';
import { AppConfig } from './config/app-config';
import { EventStoreModule } from './infrastructure/event-store.module';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [EventStoreModule],
      controllers: [HealthController],
      providers: [{ provide: AppConfig, useValue: config }, JwtSecret, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [AppConfig, JwtSecret],
    };
  }
}
