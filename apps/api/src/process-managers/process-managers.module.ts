import { BeforeApplicationShutdown, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '../config/app-config';
import { DataFolder } from '../infrastructure/data-folder';
import { ProcessManagerStore } from './process-manager-store';
import { SagOpfoelgningManager } from './sag-opfoelgning.manager';
import { ReadYourWrites } from './read-your-writes';

/**
 * Process managers driven by the event log. They start once the app is up
 * (unless SAGSGANG_PROCESS_MANAGERS=off) and stop before the event store
 * closes. CqrsModule is imported so its handlers are registered before the
 * first follow-up is sent.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    {
      provide: ProcessManagerStore,
      inject: [DataFolder],
      // Its tables share the read model file, checked (and set aside if damaged) by the DataFolder first.
      useFactory: (dataFolder: DataFolder) => new ProcessManagerStore(dataFolder.readModelsFile),
    },
    SagOpfoelgningManager,
    ReadYourWrites,
  ],
  exports: [SagOpfoelgningManager, ReadYourWrites],
})
export class ProcessManagersModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly manager: SagOpfoelgningManager,
    private readonly store: ProcessManagerStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SAGSGANG_PROCESS_MANAGERS === 'on') await this.manager.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.manager.stop();
    this.store.close();
  }
}
