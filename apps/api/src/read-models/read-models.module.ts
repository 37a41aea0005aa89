import { BeforeApplicationShutdown, Global, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { AppConfig } from '../config/app-config';
import { PROJECTIONS } from '@sagsgang/read-models';
import { MoederReadModel, SagerReadModel } from './read-model-views';

/**
 * The read models (SQLite under SAGSGANG_DATA whichever event store is used),
 * fed by the projection runner from the store's global log. The runner stops
 * before the event store closes.
 */
@Global()
@Module({
  providers: [
    SagerReadModel,
    MoederReadModel,
    {
      provide: ReadModelStore,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new ReadModelStore(readModelsFile(config.SAGSGANG_DATA), PROJECTIONS),
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, ReadModelStore],
      useFactory: (eventStore: EventStore, readModels: ReadModelStore) => {
        const logger = new Logger('Projections');
        return new ProjectionRunner({
          eventStore,
          readModels,
          logger: (level, message, context) =>
            logger[level === 'info' ? 'log' : level](`${message} ${context ? JSON.stringify(context) : ''}`),
        });
      },
    },
  ],
  exports: [ReadModelStore, ProjectionRunner, SagerReadModel, MoederReadModel],
})
export class ReadModelsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly readModels: ReadModelStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.readModels.close();
  }
}
