import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProjectionRunner, ReadModelStore } from '@sagsgang/projections';
import { ApiQueryErrors } from '../http/api-errors.decorator';
import { waitForPosition } from '../read-models/wait-for-position';
import { MinPositionQuery, SagListQuery } from './dto/sag-query.dto';
import { sagerProjection, SagView } from './sager.projection';

@ApiTags('sager')
@ApiBearerAuth()
@Controller('sager')
export class SagerQueriesController {
  constructor(
    private readonly readModels: ReadModelStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'A page of sager, newest first, with the total number of matches' })
  @ApiQueryErrors()
  async list(@Query() query: SagListQuery) {
    await waitForPosition(this.runner, query.minPosition);
    const { items, total } = this.readModels.find<SagView>(sagerProjection.name, {
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
    return { items, total, limit: query.limit, offset: query.offset };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The sag as it stands now; ETag is its revision' })
  @ApiQueryErrors()
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: MinPositionQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    await waitForPosition(this.runner, query.minPosition);
    const sag = this.readModels.get<SagView>(sagerProjection.name, id);
    if (!sag) throw new NotFoundException({ title: 'Findes ikke', detail: `sag ${id} not found` });
    void reply.header('etag', `"${sag.revision}"`);
    return sag;
  }
}
