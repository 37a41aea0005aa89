import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ID } from '../http/path-params';
import { moedeDato } from '@sagsgang/moede';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { LukketLaesning } from '../historik/lukket-laesning';
import { momentFrom } from '../historik/point-in-time';
import { PointInTimeQuery } from '../historik/point-in-time.query';
import { PointInTimeReader } from '../historik/point-in-time.reader';
import { ApiQueryErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { ReadYourWrites } from '../process-managers/read-your-writes';
import { MoedeListQuery } from './dto/moede-query.dto';
import { MoedeListeDto, MoedeResumeDto } from './dto/moede-result.dto';
import { MoedeDto } from './dto/moede.dto';
import { MoederReadModel, MoedeView } from '../read-models/read-model-views';

@ApiTags('moeder')
@ApiBearerAuth()
@Controller('moeder')
export class MoederQueriesController {
  constructor(
    private readonly moeder: MoederReadModel,
    private readonly readYourWrites: ReadYourWrites,
    private readonly pointInTime: PointInTimeReader,
    private readonly lukket: LukketLaesning,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'hentMoeder',
    summary: 'Møder: en side af møderne i rækkefølge efter start, filtreret på udvalg, status og periode',
  })
  @ApiOkResponse({ type: MoedeListeDto, description: 'A page of meetings in order of their start, with the total number of matches' })
  @ApiQueryErrors()
  async list(@Query() query: MoedeListQuery): Promise<MoedeListeDto> {
    await this.readYourWrites.waitFor(query.minPosition);
    const where = { ...(query.udvalg ? { udvalg: query.udvalg } : {}), ...(query.status ? { status: query.status } : {}) };
    const paging = { limit: query.limit, offset: query.offset };
    const find = (page: { limit?: number; offset?: number }) => this.moeder.find({ where, orderBy: 'start_utc', ...page });
    if (!query.fra && !query.til) {
      const { items, total } = find(paging);
      return { items: items.map(resume), total, ...paging };
    }
    // The read model's find has equality filters only; a period is filtered here. An
    // udvalg holds a few dozen meetings a year, so reading its list whole is cheap.
    const inPeriod = find({ limit: Number.MAX_SAFE_INTEGER }).items.filter(
      (moede) => (!query.fra || moedeDato(moede) >= query.fra) && (!query.til || moedeDato(moede) <= query.til),
    );
    return { items: inPeriod.slice(query.offset, query.offset + query.limit).map(resume), total: inPeriod.length, ...paging };
  }

  @Get(':id')
  @ApiOperation({ operationId: 'hentMoede', summary: 'Møde: mødet nu, eller som det stod på et tidspunkt (asOf) eller en revision' })
  @ApiOkResponse({
    type: MoedeDto,
    description:
      'The meeting as it stands now: agenda, attendance, beslutninger, approvals (read model); with asOf/revision as it stood then (folded from its stream). ETag is that revision',
  })
  @ApiQueryErrors(NOT_FOUND.moede)
  async get(
    @Param('id', ID) id: string,
    @Query() query: PointInTimeQuery,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const moment = momentFrom(query);
    await this.readYourWrites.waitFor(query.minPosition);
    const { moede, nu } = moment ? await this.pointInTime.moede(id, moment) : { moede: this.findMoede(id), nu: undefined };
    // Each punkt carries its sag's title and numbers: a lukket one's are its content.
    await this.lukket.moede(request, moede, nu);
    void reply.header('etag', `"${moede.revision}"`);
    return moede;
  }

  private findMoede(id: string): MoedeView {
    const moede = this.moeder.get(id);
    if (!moede) throw new NotFoundException({ title: 'Findes ikke', detail: `møde ${id} findes ikke` });
    return moede;
  }
}

function resume(moede: MoedeView): MoedeResumeDto {
  const { id, udvalg, start, sted, status, punkter, revision } = moede;
  return { id, udvalg, start, sted, status, antalPunkter: punkter.length, revision };
}
