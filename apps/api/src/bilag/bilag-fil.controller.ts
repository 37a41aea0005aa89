import {
  BadRequestException,
  Controller,
  HttpCode,
  HttpException,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BLOB_STORE, BlobStore } from '@sagsgang/blob-store';
import { AppConfig } from '../config/app-config';
import { CommandContext, CommandResult } from '../commands/command-context';
import { CommandCtx } from '../commands/command-context.decorator';
import { newAggregateId } from '../commands/event-ids';
import { ApiCommandErrors } from '../http/api-errors.decorator';
import { CommandResultDto } from '../sager/dto/command-result.dto';
import { ExecuteSagCommand } from '../sager/sag-commands';
import { BilagFilQuery, MEDIETYPE } from './bilag-fil.dto';
import { modtagBilag } from './bilag-modtagelse';
import { RawUploadRequest } from './raw-upload';

/**
 * A bilag as a file: the body is the file itself, streamed to disk as it
 * arrives (never held whole), its Content-Type the declared media type,
 * which its first bytes must bear out. The command is decided once the file
 * is in; a refused one, like any failure, leaves no file behind.
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
  @ApiConsumes(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'image/png',
    'text/plain',
    '*/*',
  )
  @ApiBody({ description: 'The file, as it is; Content-Type is its media type', schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiCommandErrors()
  @ApiResponse({ status: 415, description: 'The first bytes of the file are not of the declared media type' })
  async fil(
    @Param('id', new ParseUUIDPipe()) id: string,
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
      const command = new ExecuteSagCommand(
        id,
        context,
        (metadata) => ({
          type: 'VedhaeftBilag',
          data: { sagId: id, bilagId, titel, filnavn, medietype, stoerrelse: modtaget.size, sha256: modtaget.sha256 },
          metadata,
        }),
        () => modtaget.keep(),
      );
      const result = await this.commandBus.execute<ExecuteSagCommand, CommandResult>(command);
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
    throw new BadRequestException({
      title: 'Ugyldig forespørgsel',
      detail: 'Content-Type must be the media type of the file, e.g. application/pdf',
      errors: [{ field: 'Content-Type', reason: 'must be the media type of the file, e.g. application/pdf' }],
    });
  }
  return erklaeret;
}
