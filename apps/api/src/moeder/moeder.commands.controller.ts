import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { newAggregateId } from '../commands/event-ids';
import { ApiCommandErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { NoBody } from '../http/body-checks';
import { CommandResultDto } from '../sager/dto/command-result.dto';
import { BegrundelseDto } from '../sager/dto/tekst.dto';
import { ID, MoedeCommandApi, withETag } from './command-api';
import { GodkendReferatDto } from './dto/beslutning.dto';
import { RegistrerAfgangDto, RegistrerFravaerDto } from './dto/fremmoede.dto';
import { IndkaldMoedeDto } from './dto/indkald-moede.dto';
import { MoedeCommandData, MoedeCommandMessage } from './moede-commands';

/** The meeting as a whole: calling, sending, opening, attendance, closing, approving, publishing. */
@MoedeCommandApi()
@Controller('moeder')
export class MoederCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResultDto, description: 'The meeting is called (planlagt); id is the new meeting' })
  @ApiOperation({ operationId: 'indkaldMoede', summary: 'IndkaldMoede: indkalder et møde i et udvalg' })
  @ApiCommandErrors(null)
  async indkald(@Body() body: IndkaldMoedeDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { udvalg, start, sted, sekretaer } = body;
    const medlemmer = body.medlemmer.map(({ navn, parti }) => ({ navn, parti: parti ?? null }));
    const data = { moedeId: newAggregateId(context, 'moede'), udvalg, start, sted, medlemmer, deltagere: body.deltagere ?? [], sekretaer };
    return this.send(reply, context, { type: 'IndkaldMoede', data });
  }

  @Post(':id/udsend')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The dagsorden is sent; from now on the punkt numbers never change' })
  @ApiOperation({ operationId: 'udsendDagsorden', summary: 'UdsendDagsorden: udsender dagsordenen; punkternes numre ligger fast herefter' })
  @ApiCommandErrors(NOT_FOUND.moede)
  udsend(
    @Param('id', ID) id: string,
    @NoBody() _body: undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'UdsendDagsorden', data: { moedeId: id } });
  }

  @Post(':id/aabn')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The meeting is open: beslutninger may be recorded' })
  @ApiOperation({ operationId: 'aabnMoede', summary: 'AabnMoede: åbner mødet, så beslutninger kan registreres' })
  @ApiCommandErrors(NOT_FOUND.moede)
  aabn(
    @Param('id', ID) id: string,
    @NoBody() _body: undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'AabnMoede', data: { moedeId: id } });
  }

  @Post(':id/aflys')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Cancelled before it opened; every sag on the agenda is withdrawn from it' })
  @ApiOperation({ operationId: 'aflysMoede', summary: 'AflysMoede: aflyser mødet; sagerne trækkes fra dagsordenen' })
  @ApiCommandErrors(NOT_FOUND.moede)
  aflys(
    @Param('id', ID) id: string,
    @Body() body: BegrundelseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'AflysMoede', data: { moedeId: id, begrundelse: body.begrundelse } });
  }

  @Post(':id/fravaer')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'Afbud or fravær, for the whole meeting or for named punkter' })
  @ApiOperation({
    operationId: 'registrerFravaer',
    summary: 'RegistrerFravaer: registrerer afbud eller fravær for hele mødet eller for punkter',
  })
  @ApiCommandErrors(NOT_FOUND.moede)
  fravaer(
    @Param('id', ID) id: string,
    @Body() body: RegistrerFravaerDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, {
      type: 'RegistrerFravaer',
      data: { moedeId: id, medlem: body.medlem, art: body.art, punkter: body.punkter ?? null },
    });
  }

  @Post(':id/afgang')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'A member left after punkt efterPunkt and takes no part in later punkter' })
  @ApiOperation({ operationId: 'registrerAfgang', summary: 'RegistrerAfgang: et medlem forlod mødet efter et punkt' })
  @ApiCommandErrors(NOT_FOUND.moede)
  afgang(
    @Param('id', ID) id: string,
    @Body() body: RegistrerAfgangDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'RegistrerAfgang', data: { moedeId: id, medlem: body.medlem, efterPunkt: body.efterPunkt } });
  }

  @Post(':id/haev')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The meeting is closed; the referat content is fixed and awaits approval' })
  @ApiOperation({ operationId: 'haevMoede', summary: 'HaevMoede: hæver mødet; referatets indhold ligger fast' })
  @ApiCommandErrors(NOT_FOUND.moede)
  haev(
    @Param('id', ID) id: string,
    @NoBody() _body: undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'HaevMoede', data: { moedeId: id } });
  }

  @Post(':id/referat/godkend')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: "One member's approval of the referat as rendered now (its sha256 is recorded); the last one approves it",
  })
  @ApiOperation({ operationId: 'godkendReferat', summary: 'GodkendReferat: et medlem godkender referatet, som det gengives nu' })
  @ApiCommandErrors(NOT_FOUND.moede)
  async godkend(
    @Param('id', ID) id: string,
    @Body() body: GodkendReferatDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'GodkendReferat', data: { moedeId: id, medlem: body.medlem } });
  }

  @Post(':id/referat/offentliggoer')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'The approved referat is published: the public may read it (lukkede punkter hidden)',
  })
  @ApiOperation({ operationId: 'offentliggoerReferat', summary: 'OffentliggoerReferat: offentliggør det godkendte referat' })
  @ApiCommandErrors(NOT_FOUND.moede)
  offentliggoer(
    @Param('id', ID) id: string,
    @NoBody() _body: undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'OffentliggoerReferat', data: { moedeId: id } });
  }

  private async send(reply: FastifyReply, context: CommandContext, command: MoedeCommandData): Promise<CommandResult> {
    return withETag(reply, await this.commandBus.execute<MoedeCommandMessage, CommandResult>(new MoedeCommandMessage(command, context)));
  }
}
