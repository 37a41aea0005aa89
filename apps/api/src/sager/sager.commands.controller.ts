import { Body, Controller, HttpCode, Param, Post, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ID } from '../http/path-params';
import { describeBlob } from '@sagsgang/blob-store';
import { HOVED_BYTES, medietypeFejl } from '../bilag/medietype';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { newAggregateId } from '../commands/event-ids';
import { ApiCommandErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { NoBody } from '../http/body-checks';
import { VedhaeftBilagDto } from './dto/vedhaeft-bilag.dto';
import { CommandResultDto, OpretSagResultDto } from './dto/command-result.dto';
import { GivIndstillingDto } from './dto/giv-indstilling.dto';
import { OpretSagDto } from './dto/opret-sag.dto';
import { BegrundelseDto, TekstDto } from './dto/tekst.dto';
import type { OpretSagResult } from './sag-command.handler';
import { SagCommandData, SagCommandMessage } from './sag-commands';

@ApiTags('sager')
@ApiBearerAuth()
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retried request with the same key appends nothing and gets the first response',
})
@ApiHeader({ name: 'If-Match', required: false, description: 'The revision last seen (ETag); a stale one gives 412' })
@ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into every event this request appends' })
@Controller('sager')
export class SagerCommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OpretSagResultDto, description: 'The sag exists with its allocated sagsnummer' })
  @ApiOperation({ operationId: 'opretSag', summary: 'OpretSag: opretter en sag og tildeler den et sagsnummer' })
  @ApiCommandErrors(null)
  async opret(
    @Body() body: OpretSagDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpretSagResult> {
    const { titel, journalnummer, sagstype, sagsgang, ansvarligEnhed, workflow = 'politisk' } = body;
    const data = { sagId: newAggregateId(context, 'sag'), titel, journalnummer, sagstype, sagsgang, ansvarligEnhed, workflow };
    return (await this.send(reply, context, { type: 'OpretSag', data })) as OpretSagResult;
  }

  @Post(':id/anledning')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiOperation({ operationId: 'beskrivAnledning', summary: 'BeskrivAnledning: beskriver sagens anledning' })
  @ApiCommandErrors(NOT_FOUND.sag)
  anledning(
    @Param('id', ID) id: string,
    @Body() body: TekstDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'BeskrivAnledning', data: { sagId: id, tekst: body.tekst } });
  }

  @Post(':id/sagsfremstilling')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiOperation({ operationId: 'skrivSagsfremstilling', summary: 'SkrivSagsfremstilling: skriver en ny version af sagsfremstillingen' })
  @ApiCommandErrors(NOT_FOUND.sag)
  sagsfremstilling(
    @Param('id', ID) id: string,
    @Body() body: TekstDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'SkrivSagsfremstilling', data: { sagId: id, tekst: body.tekst } });
  }

  @Post(':id/bilag')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiOperation({ operationId: 'vedhaeftBilag', summary: 'VedhaeftBilag: vedhæfter et bilag (filen sendes base64-kodet)' })
  @ApiCommandErrors(NOT_FOUND.sag)
  bilag(
    @Param('id', ID) id: string,
    @Body() body: VedhaeftBilagDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const content = Buffer.from(body.indhold, 'base64');
    const fejl = medietypeFejl(body.medietype, content.subarray(0, HOVED_BYTES));
    if (fejl) throw new UnsupportedMediaTypeException({ title: 'Filtypen passer ikke', detail: fejl });
    const { sha256, size } = describeBlob(content);
    const bilagId = newAggregateId(context, `bilag-${id}`);
    const { titel, filnavn, medietype } = body;
    return this.send(
      reply,
      context,
      { type: 'VedhaeftBilag', data: { sagId: id, bilagId, titel, filnavn, medietype, stoerrelse: size, sha256 } },
      content,
    );
  }

  @Post(':id/indstilling')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'Gives the indstilling, or revises it when one is already given and not yet decided',
  })
  @ApiOperation({
    operationId: 'givIndstilling',
    summary: 'GivIndstilling: giver sagens indstilling, eller reviderer den givne (ReviderIndstilling)',
  })
  @ApiCommandErrors(NOT_FOUND.sag)
  indstilling(
    @Param('id', ID) id: string,
    @Body() body: GivIndstillingDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, {
      type: 'GivIndstilling',
      data: { sagId: id, indstiller: body.indstiller, atPunkter: body.atPunkter },
    });
  }

  @Post(':id/henlaeg')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiOperation({ operationId: 'henlaegSag', summary: 'HenlaegSag: henlægger sagen med en begrundelse' })
  @ApiCommandErrors(NOT_FOUND.sag)
  henlaeg(
    @Param('id', ID) id: string,
    @Body() body: BegrundelseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'HenlaegSag', data: { sagId: id, begrundelse: body.begrundelse } });
  }

  @Post(':id/afslut')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiOperation({ operationId: 'afslutSag', summary: 'AfslutSag: afslutter en afgjort sag' })
  @ApiCommandErrors(NOT_FOUND.sag)
  afslut(
    @Param('id', ID) id: string,
    @NoBody() _body: undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'AfslutSag', data: { sagId: id } });
  }

  @Post(':id/genoptag')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiOperation({ operationId: 'genoptagSag', summary: 'GenoptagSag: genoptager en henlagt eller afsluttet sag' })
  @ApiCommandErrors(NOT_FOUND.sag)
  genoptag(
    @Param('id', ID) id: string,
    @Body() body: BegrundelseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.send(reply, context, { type: 'GenoptagSag', data: { sagId: id, begrundelse: body.begrundelse } });
  }

  private async send(reply: FastifyReply, context: CommandContext, command: SagCommandData, bilag?: Buffer): Promise<CommandResult> {
    return withETag(reply, await this.commandBus.execute<SagCommandMessage, CommandResult>(new SagCommandMessage(command, context, bilag)));
  }
}

function withETag<R extends CommandResult>(reply: FastifyReply, result: R): R {
  void reply.header('etag', `"${result.revision}"`);
  return result;
}
