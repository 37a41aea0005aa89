import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandRunner } from '../commands/command-runner';
import { HistorikModule } from '../historik/historik.module';
import { ProcessManagersModule } from '../process-managers/process-managers.module';
import { GodkendtReferatController } from './godkendt-referat.controller';
import { GodkendteReferater } from './godkendte-referater';
import { MoedeCommandHandler } from './moede-command.handler';
import { MoedeDokumenter } from './moede-dokumenter';
import { MoedeDokumenterController } from './moede-dokumenter.controller';
import { MoederCommandsController } from './moeder.commands.controller';
import { MoederQueriesController } from './moeder.queries.controller';
import { PunkterCommandsController } from './punkter.commands.controller';

/** Meetings: the secretary's commands, the list and detail queries, the dagsorden and referat. */
@Module({
  imports: [CqrsModule, HistorikModule, ProcessManagersModule],
  controllers: [
    MoederCommandsController,
    PunkterCommandsController,
    MoederQueriesController,
    MoedeDokumenterController,
    GodkendtReferatController,
  ],
  providers: [CommandRunner, MoedeDokumenter, GodkendteReferater, MoedeCommandHandler],
  exports: [MoedeDokumenter],
})
export class MoederModule {}
