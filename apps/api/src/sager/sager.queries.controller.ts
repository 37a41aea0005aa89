import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ID } from '../http/path-params';
import { BLOB_STORE, BlobStore } from '@sagsgang/blob-store';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { LukketLaesning } from '../historik/lukket-laesning';
import { momentFrom } from '../historik/point-in-time';
import { PointInTimeQuery } from '../historik/point-in-time.query';
import { PointInTimeReader } from '../historik/point-in-time.reader';
import { ApiQueryErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { JSON_CONTENT_TYPE, pageJson } from '../http/page-json';
import { ReadYourWrites } from '../process-managers/read-your-writes';
import { SagListQuery } from './dto/sag-query.dto';
import { SagDto, SagListeDto } from './dto/sag.dto';
import { SagerReadModel, SagView } from '../read-models/read-model-views';

@ApiTags('sager')
@ApiBearerAuth()
@Controller('sager')
export class SagerQueriesController {
  constructor(
    private readonly sager: SagerReadModel,
    private readonly readYourWrites: ReadYourWrites,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    private readonly pointInTime: PointInTimeReader,
    private readonly lukket: LukketLaesning,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'hentSager', summary: 'Sager: en side af sagerne, nyeste først, filtreret og søgt' })
  @ApiOkResponse({ type: SagListeDto, description: 'A page of sager, newest first, with the total number of matches' })
  @ApiQueryErrors()
  async list(@Query() query: SagListQuery, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.readYourWrites.waitFor(query.minPosition);
    const { items, total } = this.sager.findJson({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.udvalg ? { udvalg: query.udvalg } : {}),
        ...(query.kle ? { [query.kle.length > 8 ? 'journalnummer' : 'kle']: query.kle } : {}),
      },
      contains: query.q ? { titel: query.q } : undefined,
      orderBy: 'oprettet',
      descending: true,
      limit: query.limit,
      offset: query.offset,
    });
    // The items are whole sager: any of them on a lukket punkt is a read of its content.
    await this.lukket.sager(
      request,
      items.map((sag) => sag.id),
    );
    void reply.type(JSON_CONTENT_TYPE);
    return pageJson(items, total, query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'hentSag', summary: 'Sag: sagen nu, eller som den stod på et tidspunkt (asOf) eller en revision' })
  @ApiOkResponse({
    type: SagDto,
    description:
      'The sag as it stands now (read model), or with asOf/revision as it stood then (folded from its stream); ETag is that revision. A moment before the sag existed, or a revision beyond its last, is a 404',
  })
  @ApiQueryErrors(NOT_FOUND.sag)
  async get(
    @Param('id', ID) id: string,
    @Query() query: PointInTimeQuery,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const moment = momentFrom(query);
    await this.readYourWrites.waitFor(query.minPosition);
    const { sag, stream } = moment ? await this.pointInTime.sag(id, moment) : { sag: this.findSag(id), stream: undefined };
    await this.lukket.sag(request, id, stream);
    void reply.header('etag', `"${sag.revision}"`);
    return sag;
  }

  @Get(':id/bilag/:bilagId')
  @ApiOperation({ operationId: 'hentBilag', summary: 'Bilag: filen, præcis som den blev vedhæftet' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The bilag file, exactly the bytes that were attached, streamed (checked against its sha256 as it goes), with its own media type',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiQueryErrors(NOT_FOUND.bilag)
  async bilag(
    @Param('id', ID) id: string,
    @Param('bilagId', ID) bilagId: string,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const bilag = this.findSag(id).bilag.find((candidate) => candidate.bilagId === bilagId);
    const fil = bilag && (await this.blobs.open(bilag.sha256));
    if (!bilag || !fil) throw new NotFoundException({ title: 'Findes ikke', detail: `bilag ${bilagId} findes ikke på sag ${id}` });
    await this.lukket.sag(request, id).catch((error: unknown) => {
      fil.stream.destroy();
      throw error;
    });
    void reply
      .header('content-type', bilag.medietype)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(bilag.filnavn)}`);
    // Streamed from disk; a file that no longer hashes to its name breaks off at the end instead of arriving whole.
    return new StreamableFile(fil.stream, { length: fil.size });
  }

  private findSag(id: string): SagView {
    const sag = this.sager.get(id);
    if (!sag) throw new NotFoundException({ title: 'Findes ikke', detail: `sag ${id} findes ikke` });
    return sag;
  }
}
