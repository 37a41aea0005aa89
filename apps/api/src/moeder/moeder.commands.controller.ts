import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { newAggregateId } from '../commands/event-ids';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { NoBody } from '../http/body-checks';
import { CommandResultDto } from '../sager/dto/command-result.dto';
import { BegrundelseDto } from '../sager/dto/tekst.dto';
import { ID, MoedeCommandApi, withETag } from './command-api';
import { GodkendReferatDto } from './dto/beslutning.dto';
import { AfgangDto, FravaerDto } from './dto/fremmoede.dto';
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
  @ApiCommandErrors()
  async indkald(@Body() body: IndkaldMoedeDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { udvalg, start, sted, sekretaer } = body;
    const medlemmer = body.medlemmer.map(({ navn, parti }) => ({ navn, parti: parti ?? null }));
    const data = { moedeId: newAggregateId(context, 'moede'), udvalg, start, sted, medlemmer, deltagere: body.deltagere ?? [], sekretaer };
    return this.send(reply, context, { type: 'IndkaldMoede', data });
  }

  @Post(':id/udsend')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The dagsorden is sent; from now on the punkt numbers never change' })
  @ApiCommandErrors()
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
  @ApiCommandErrors()
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
  @ApiCommandErrors()
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
  @ApiCommandErrors()
  fravaer(
    @Param('id', ID) id: string,
    @Body() body: FravaerDto,
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
  @ApiCommandErrors()
  afgang(
    @Param('id', ID) id: string,
    @Body() body: AfgangDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'RegistrerAfgang', data: { moedeId: id, medlem: body.medlem, efterPunkt: body.efterPunkt } });
  }

  @Post(':id/haev')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto, description: 'The meeting is closed; the referat content is fixed and awaits approval' })
  @ApiCommandErrors()
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
  @ApiCommandErrors()
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
  @ApiCommandErrors()
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
