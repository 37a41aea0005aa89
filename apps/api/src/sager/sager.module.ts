import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BLOB_STORE, FilesystemBlobStore } from '@sagsgang/blob-store';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { CommandRunner } from '../commands/command-runner';
import { HistorikModule } from '../historik/historik.module';
import { DataFolder, watchBlobWrites } from '../infrastructure/data-folder';
import { ProcessManagersModule } from '../process-managers/process-managers.module';
import { SagCommandHandler } from './sag-command.handler';
import { SagerCommandsController } from './sager.commands.controller';
import { SagerQueriesController } from './sager.queries.controller';
import { SagsnummerAllocator } from './sagsnummer-allocator';

@Module({
  imports: [CqrsModule, HistorikModule, ProcessManagersModule],
  controllers: [SagerCommandsController, SagerQueriesController],
  providers: [
    CommandRunner,
    SagsnummerAllocator,
    SagCommandHandler,
    {
      provide: BLOB_STORE,
      inject: [AppConfig, DataFolder],
      useFactory: (config: AppConfig, dataFolder: DataFolder) =>
        watchBlobWrites(new FilesystemBlobStore(join(config.SAGSGANG_DATA, 'bilag')), dataFolder),
    },
  ],
  exports: [BLOB_STORE],
})
export class SagerModule {}
