import { BeforeApplicationShutdown, Global, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { DataFolder } from '../infrastructure/data-folder';
import { MoederReadModel, SagerReadModel } from './read-model-views';

/**
 * The read models (SQLite under SAGSGANG_DATA whichever event store is used),
 * fed by the projection runner from the store's global log. The runner stops
 * before the event store closes; its failures for lack of space mark the
 * data folder full.
 */
@Global()
@Module({
  providers: [
    SagerReadModel,
    MoederReadModel,
    {
      provide: ReadModelStore,
      inject: [DataFolder],
      // The file was checked (and set aside if damaged) by the DataFolder.
      useFactory: (dataFolder: DataFolder) => new ReadModelStore(dataFolder.readModelsFile, PROJECTIONS),
    },
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, ReadModelStore, DataFolder],
      useFactory: (eventStore: EventStore, readModels: ReadModelStore, dataFolder: DataFolder) => {
        const logger = new Logger('Projections');
        return new ProjectionRunner({
          eventStore,
          readModels,
          logger: (level, message, context) =>
            logger[level === 'info' ? 'log' : level](`${message} ${context ? JSON.stringify(context) : ''}`),
          onInterrupted: (error) => dataFolder.writeFailed('the read models', error),
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
