import { BadRequestException, Controller, HttpCode, HttpException, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BLOB_STORE, BlobStore } from '@sagsgang/blob-store';
import { AppConfig } from '../config/app-config';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { newAggregateId } from '../commands/event-ids';
import { ApiCommandErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { ID } from '../http/path-params';
import { CommandResultDto } from '../sager/dto/command-result.dto';
import { SagCommandMessage } from '../sager/sag-commands';
import { BilagFilQuery, MEDIETYPE } from './bilag-fil.dto';
import { modtagBilag } from './bilag-modtagelse';
import { RawUploadRequest } from './raw-upload';

/**
 * A bilag as a file: the body is the file itself, streamed to a temporary
 * file as it arrives (never held whole), its Content-Type the declared media
 * type, which its first bytes must bear out. The received file travels with
 * the plain command and is moved into the store only once the command is
 * accepted; a refused one, like any failure, leaves no file behind.
 */
@ApiTags('sager')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried upload with the same key appends nothing' })
@ApiHeader({ name: 'If-Match', required: false, description: 'The revision last seen (ETag); a stale one gives 412' })
@Controller('sager')
export class BilagFilController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly config: AppConfig,
  ) {}

  @Post(':id/bilag/fil')
  @HttpCode(200)
  @ApiOperation({ operationId: 'vedhaeftBilagFil', summary: 'VedhaeftBilag: vedhæfter et bilag sendt som selve filen' })
  @ApiConsumes(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'image/png',
    'text/plain',
    '*/*',
  )
  @ApiBody({ description: 'The file, as it is; Content-Type is its media type', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors(NOT_FOUND.sag, {
    413: 'The file is over SAGSGANG_BILAG_MAX_BYTES (the detail states the limit)',
    415: 'The first bytes of the file are not of the declared media type',
  })
  async fil(
    @Param('id', ID) id: string,
    @Query() query: BilagFilQuery,
    @Req() request: RawUploadRequest,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult> {
    const medietype = medietypeOf(request);
    const laengde = request.headers['content-length'] === undefined ? undefined : Number(request.headers['content-length']);
    const indhold = (request.body ?? []) as AsyncIterable<Uint8Array>;
    const modtaget = await modtagBilag(this.blobs, { indhold, medietype, laengde, maksBytes: this.config.SAGSGANG_BILAG_MAX_BYTES }).catch(
      (error: unknown) => {
        // The rest of a refused file is not read: the connection closes after the answer.
        if (error instanceof HttpException) void reply.header('connection', 'close');
        throw error;
      },
    );
    try {
      const bilagId = newAggregateId(context, `bilag-${id}`);
      const { titel, filnavn } = query;
      const data = { sagId: id, bilagId, titel, filnavn, medietype, stoerrelse: modtaget.size, sha256: modtaget.sha256 };
      const message = new SagCommandMessage({ type: 'VedhaeftBilag', data }, context, modtaget);
      const result = await this.commandBus.execute<SagCommandMessage, CommandResult>(message);
      void reply.header('etag', `"${result.revision}"`);
      return result;
    } finally {
      // A no-op once kept; otherwise (refused, retried, failed) the file goes.
      await modtaget.discard();
    }
  }
}

function medietypeOf(request: RawUploadRequest): string {
  const erklaeret = request.declaredContentType?.split(';')[0].trim().toLowerCase();
  if (!erklaeret || !MEDIETYPE.test(erklaeret)) {
    const reason = 'skal være filens medietype, fx application/pdf';
    throw new BadRequestException({
      title: 'Ugyldig forespørgsel',
      detail: `Content-Type: ${reason}`,
      errors: [{ field: 'Content-Type', reason }],
    });
  }
  return erklaeret;
}
