import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { BilagFilController } from '../bilag/bilag-fil.controller';
import { CommandRunner } from '../commands/command-runner';
import { HistorikModule } from '../historik/historik.module';
import { ProcessManagersModule } from '../process-managers/process-managers.module';
import { SagCommandHandler } from './sag-command.handler';
import { SagerCommandsController } from './sager.commands.controller';
import { SagerQueriesController } from './sager.queries.controller';
import { SagsnummerAllocator } from './sagsnummer-allocator';

@Module({
  imports: [CqrsModule, HistorikModule, ProcessManagersModule],
  controllers: [SagerCommandsController, SagerQueriesController, BilagFilController],
  providers: [CommandRunner, SagsnummerAllocator, SagCommandHandler],
})
export class SagerModule {}
