import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandMetadata, ExistingSag, SagCommand } from '@sagsgang/sag';
import { BLOB_STORE, BlobStore, describeBlob } from '@sagsgang/blob-store';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { newAggregateId } from '../commands/event-ids';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { NoBody } from '../http/body-checks';
import { BilagDto } from './dto/bilag.dto';
import { CommandResultDto, OpretSagResultDto } from './dto/command-result.dto';
import { IndstillingDto } from './dto/indstilling.dto';
import { OpretSagDto } from './dto/opret-sag.dto';
import { BegrundelseDto, TekstDto } from './dto/tekst.dto';
import { ExecuteSagCommand, OpretSagCommand } from './sag-commands';
import type { OpretSagResult } from './sag-command.handlers';

// Ids are v4, or v5 when derived from an Idempotency-Key.
const ID = new ParseUUIDPipe();

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
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: OpretSagResultDto, description: 'The sag exists with its allocated sagsnummer' })
  @ApiCommandErrors()
  async opret(
    @Body() body: OpretSagDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpretSagResult> {
    return withETag(reply, await this.commandBus.execute<OpretSagCommand, OpretSagResult>(new OpretSagCommand(body, context)));
  }

  @Post(':id/anledning')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  anledning(
    @Param('id', ID) id: string,
    @Body() body: TekstDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({ type: 'BeskrivAnledning', data: { sagId: id, tekst: body.tekst }, metadata }));
  }

  @Post(':id/sagsfremstilling')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  sagsfremstilling(
    @Param('id', ID) id: string,
    @Body() body: TekstDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'SkrivSagsfremstilling',
      data: { sagId: id, tekst: body.tekst },
      metadata,
    }));
  }

  @Post(':id/bilag')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  async bilag(
    @Param('id', ID) id: string,
    @Body() body: BilagDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const content = Buffer.from(body.indhold, 'base64');
    const { sha256, size } = describeBlob(content);
    const bilagId = newAggregateId(context, `bilag-${id}`);
    // The bytes are stored once the command is accepted and before its event is appended,
    // so a refused command stores nothing and an event never names a missing file.
    return this.run(
      reply,
      id,
      context,
      (metadata) => ({
        type: 'VedhaeftBilag',
        data: { sagId: id, bilagId, titel: body.titel, filnavn: body.filnavn, medietype: body.medietype, stoerrelse: size, sha256 },
        metadata,
      }),
      async () => void (await this.blobs.put(content)),
    );
  }

  @Post(':id/indstilling')
  @HttpCode(200)
  @ApiOkResponse({
    type: CommandResultDto,
    description: 'Gives the indstilling, or revises it when one is already given and not yet decided',
  })
  @ApiCommandErrors()
  indstilling(
    @Param('id', ID) id: string,
    @Body() body: IndstillingDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // One route for both: a sag awaiting its agenda has its indstilling revised, otherwise one is given.
    return this.run(reply, id, context, (metadata, sag) => ({
      type: sag.status === 'indstillet' ? 'ReviderIndstilling' : 'GivIndstilling',
      data: { sagId: id, indstiller: body.indstiller, atPunkter: body.atPunkter },
      metadata,
    }));
  }

  @Post(':id/henlaeg')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  henlaeg(
    @Param('id', ID) id: string,
    @Body() body: BegrundelseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'HenlaegSag',
      data: { sagId: id, begrundelse: body.begrundelse },
      metadata,
    }));
  }

  @Post(':id/afslut')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  afslut(
    @Param('id', ID) id: string,
    @NoBody() _body: undefined,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({ type: 'AfslutSag', data: { sagId: id }, metadata }));
  }

  @Post(':id/genoptag')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  genoptag(
    @Param('id', ID) id: string,
    @Body() body: BegrundelseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(reply, id, context, (metadata) => ({
      type: 'GenoptagSag',
      data: { sagId: id, begrundelse: body.begrundelse },
      metadata,
    }));
  }

  private async run(
    reply: FastifyReply,
    sagId: string,
    context: CommandContext,
    toCommand: (metadata: CommandMetadata, sag: ExistingSag) => SagCommand,
    beforeAppend?: () => Promise<void>,
  ) {
    const command = new ExecuteSagCommand(sagId, context, toCommand, beforeAppend);
    return withETag(reply, await this.commandBus.execute<ExecuteSagCommand, CommandResult>(command));
  }
}

function withETag<R extends CommandResult>(reply: FastifyReply, result: R): R {
  void reply.header('etag', `"${result.revision}"`);
  return result;
}
