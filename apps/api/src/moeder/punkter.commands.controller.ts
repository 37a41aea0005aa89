import { Body, Controller, Delete, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { ApiCommandErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { CommandResultDto } from '../sager/dto/command-result.dto';
import { ID, MoedeCommandApi, NR, withETag } from './command-api';
import { RegistrerBeslutningDto, TilfoejProtokoltilfoerselDto } from './dto/beslutning.dto';
import { ErklaerInhabilitetDto } from './dto/fremmoede.dto';
import { FjernPunktDto, FlytPunktDto, MarkerPunktDto, TilfoejPunktDto, TilfoejPunktResultDto } from './dto/punkt.dto';
import type { TilfoejPunktResult } from './moede-command.handler';
import { MoedeCommandData, MoedeCommandMessage } from './moede-commands';

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
  @ApiOperation({ operationId: 'tilfoejPunkt', summary: 'TilfoejPunkt: sætter en indstillet sag på dagsordenen som næste punkt' })
  @ApiCommandErrors(NOT_FOUND.moedeOgSag)
  async tilfoej(
    @Param('id', ID) id: string,
    @Body() body: TilfoejPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { moedeId: id, sagId: body.sagId, lukket: body.lukket ?? false, neutralTitel: body.neutralTitel ?? null };
    return (await this.send(reply, context, { type: 'TilfoejPunkt', data })) as TilfoejPunktResult;
  }

  @Post(':nr/flyt')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Reorders the agenda before it is sent' })
  @ApiOperation({ operationId: 'flytPunkt', summary: 'FlytPunkt: flytter et punkt, før dagsordenen er udsendt' })
  @ApiCommandErrors(NOT_FOUND.moede)
  flyt(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: FlytPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'FlytPunkt', data: { moedeId: id, nr, tilNr: body.tilNr } });
  }

  @Delete(':nr')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'Before sending the punkt is removed (the rest renumbered), after it is trukket (keeps its number)',
  })
  @ApiOperation({ operationId: 'fjernPunkt', summary: 'FjernPunkt: fjerner et punkt (før udsendelse) eller trækker det (efter)' })
  @ApiCommandErrors(NOT_FOUND.moede)
  fjern(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: FjernPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'FjernPunkt', data: { moedeId: id, nr, begrundelse: body.begrundelse ?? null } });
  }

  @Post(':nr/marker')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Marks the punkt åbent or lukket' })
  @ApiOperation({ operationId: 'markerPunkt', summary: 'MarkerPunkt: markerer punktet åbent eller lukket' })
  @ApiCommandErrors(NOT_FOUND.moede)
  marker(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: MarkerPunktDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, {
      type: 'MarkerPunkt',
      data: { moedeId: id, nr, lukket: body.lukket, neutralTitel: body.neutralTitel ?? null },
    });
  }

  @Post(':nr/inhabilitet')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The member declares inhabilitet and takes no part in the punkt' })
  @ApiOperation({ operationId: 'erklaerInhabilitet', summary: 'ErklaerInhabilitet: et medlem erklærer sig inhabil i punktet' })
  @ApiCommandErrors(NOT_FOUND.moede)
  inhabilitet(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: ErklaerInhabilitetDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, {
      type: 'ErklaerInhabilitet',
      data: { moedeId: id, nr, medlem: body.medlem, begrundelse: body.begrundelse },
    });
  }

  @Post(':nr/beslutning')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: "The udvalg's beslutning; the sag follows it (pass position as minPosition to read the sag after)",
  })
  @ApiOperation({
    operationId: 'registrerBeslutning',
    summary: 'RegistrerBeslutning: registrerer udvalgets beslutning på punktet; sagen følger den',
  })
  @ApiCommandErrors(NOT_FOUND.moede)
  beslutning(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: RegistrerBeslutningDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, {
      type: 'RegistrerBeslutning',
      data: { moedeId: id, nr, udfald: body.udfald, beslutningstekst: body.beslutningstekst, afstemning: body.afstemning ?? null },
    });
  }

  @Post(':nr/protokoltilfoersel')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'A dissent by an outvoted member, while the meeting is open' })
  @ApiOperation({
    operationId: 'tilfoejProtokoltilfoersel',
    summary: 'TilfoejProtokoltilfoersel: tilføjer et nedstemt medlems protokoltilførsel',
  })
  @ApiCommandErrors(NOT_FOUND.moede)
  protokoltilfoersel(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Body() body: TilfoejProtokoltilfoerselDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, {
      type: 'TilfoejProtokoltilfoersel',
      data: { moedeId: id, nr, medlem: body.medlem, tekst: body.tekst },
    });
  }

  private async send(reply: FastifyReply, context: CommandContext, command: MoedeCommandData): Promise<CommandResult> {
    return withETag(reply, await this.commandBus.execute<MoedeCommandMessage, CommandResult>(new MoedeCommandMessage(command, context)));
  }
}
