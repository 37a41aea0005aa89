import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MoedeCommand, MoedeCommandMetadata } from '@sagsgang/moede';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { CommandResultDto } from '../sager/dto/command-result.dto';
import { ID, MoedeCommandApi, NR, withETag } from './command-api';
import { BeslutningDto, ProtokoltilfoerselDto } from './dto/beslutning.dto';
import { InhabilitetDto } from './dto/fremmoede.dto';
import { FjernPunktDto, FlytPunktDto, MarkerPunktDto, TilfoejPunktDto, TilfoejPunktResultDto } from './dto/punkt.dto';
import { ExecuteMoedeCommand, TilfoejPunktCommand } from './moede-commands';
import type { TilfoejPunktResult } from './moede-command.handlers';

/** The agenda and what happens to each punkt at the meeting. */
@MoedeCommandApi()
@Controller('moeder/:id/punkter')
export class PunkterCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({
    type: TilfoejPunktResultDto,
    description: 'The sag is the next punkt, nr (supplerende once the dagsorden is sent); the sag is then put on this agenda',
  })
  @ApiCommandErrors()
  async tilfoej(
    @Param('id', ID) id: string,
    @Body() body: TilfoejPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return withETag(
      reply,
      await this.commandBus.execute<TilfoejPunktCommand, TilfoejPunktResult>(new TilfoejPunktCommand(id, body, context)),
    );
  }

  @Post(':nr/flyt')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Reorders the agenda before it is sent' })
  @ApiCommandErrors()
  flyt(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: FlytPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({ type: 'FlytPunkt', data: { moedeId: id, nr, tilNr: body.tilNr }, metadata }));
  }

  @Delete(':nr')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'Before sending the punkt is removed (the rest renumbered), after it is trukket (keeps its number)',
  })
  @ApiCommandErrors()
  fjern(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: FjernPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'FjernPunkt',
      data: { moedeId: id, nr, begrundelse: body.begrundelse ?? null },
      metadata,
    }));
  }

  @Post(':nr/marker')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Marks the punkt åbent or lukket' })
  @ApiCommandErrors()
  marker(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: MarkerPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'MarkerPunkt',
      data: { moedeId: id, nr, lukket: body.lukket, neutralTitel: body.neutralTitel ?? null },
      metadata,
    }));
  }

  @Post(':nr/inhabilitet')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The member declares inhabilitet and takes no part in the punkt' })
  @ApiCommandErrors()
  inhabilitet(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: InhabilitetDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'ErklaerInhabilitet',
      data: { moedeId: id, nr, medlem: body.medlem, begrundelse: body.begrundelse },
      metadata,
    }));
  }

  @Post(':nr/beslutning')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: "The udvalg's beslutning; the sag follows it (pass position as minPosition to read the sag after)",
  })
  @ApiCommandErrors()
  beslutning(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: BeslutningDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'RegistrerBeslutning',
      data: { moedeId: id, nr, outcome: body.outcome, beslutningstekst: body.beslutningstekst, afstemning: body.afstemning ?? null },
      metadata,
    }));
  }

  @Post(':nr/protokoltilfoersel')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'A dissent by an outvoted member, while the meeting is open' })
  @ApiCommandErrors()
  protokoltilfoersel(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: ProtokoltilfoerselDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'TilfoejProtokoltilfoersel',
      data: { moedeId: id, nr, medlem: body.medlem, tekst: body.tekst },
      metadata,
    }));
  }

  private async run(
    reply: FastifyReply,
    moedeId: string,
    context: CommandContext,
    toCommand: (metadata: MoedeCommandMetadata) => MoedeCommand,
  ) {
    return withETag(
      reply,
      await this.commandBus.execute<ExecuteMoedeCommand, CommandResult>(new ExecuteMoedeCommand(moedeId, context, toCommand)),
    );
  }
}
