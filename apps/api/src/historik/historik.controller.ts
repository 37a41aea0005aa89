import { applyDecorators, Controller, Get, Header, Inject, NotFoundException, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ExistingMoede, foldMoede, moedeStreamName } from '@sagsgang/moede';
import { sagStreamName } from '@sagsgang/sag';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Roles } from '../audit/roles.guard';
import { ApiProblem, ApiQueryErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { ID } from '../http/path-params';
import { HistorikEntry, HistorikSide, moedeHistorik, sagHistorik, side } from './historik';
import { HistorikQuery, HistorikSideDto } from './historik.dto';
import { LukketLaesning } from './lukket-laesning';

const ApiHistorik = (operationId: string, summary: string, roles: string, notFound: string) =>
  applyDecorators(
    ApiOperation({
      operationId,
      summary,
      description:
        'Every event of the stream as a readable entry: when recorded and when it took effect, who (user and role), a Danish one-line summary, the data, and the correlation and causation ids. Paged; oldest or newest first.',
    }),
    ApiOkResponse({ type: HistorikSideDto }),
    ApiQueryErrors(notFound),
    ApiProblem(403, `Only ${roles} may read the historik`),
  );

/** The sag's full history: for its caseworkers and the auditors. */
@ApiTags('historik')
@ApiBearerAuth()
@Roles('sagsbehandler', 'revisor', 'admin')
@Controller('sager')
export class SagHistorikController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly lukket: LukketLaesning,
  ) {}

  @Get(':id/historik')
  @Header('cache-control', 'no-store')
  @ApiHistorik(
    'hentSagHistorik',
    'Sagens historik: hver hændelse med hvem, hvornår og hvad, på dansk',
    'sagsbehandler, revisor and admin',
    NOT_FOUND.sag,
  )
  async historik(@Param('id', ID) id: string, @Query() query: HistorikQuery, @Req() request: AuthenticatedRequest): Promise<HistorikSide> {
    const stream = sagStreamName(id);
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new NotFoundException({ title: 'Findes ikke', detail: `sag ${id} findes ikke` });
    const page = side(id, stream, sagHistorik(events), query);
    await this.lukket.sag(request, id, events);
    return page;
  }
}

/** The meeting's full history: for its secretaries and the auditors. */
@ApiTags('historik')
@ApiBearerAuth()
@Roles('sekretaer', 'revisor', 'admin')
@Controller('moeder')
export class MoedeHistorikController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly lukket: LukketLaesning,
  ) {}

  @Get(':id/historik')
  @Header('cache-control', 'no-store')
  @ApiHistorik(
    'hentMoedeHistorik',
    'Mødets historik: hver hændelse med hvem, hvornår og hvad, på dansk',
    'sekretaer, revisor and admin',
    NOT_FOUND.moede,
  )
  async historik(@Param('id', ID) id: string, @Query() query: HistorikQuery, @Req() request: AuthenticatedRequest): Promise<HistorikSide> {
    const stream = moedeStreamName(id);
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new NotFoundException({ title: 'Findes ikke', detail: `møde ${id} findes ikke` });
    const page = side(id, stream, moedeHistorik(events), query);
    // A page that names a lukket punkt's sag shows its content (title, beslutning, texts).
    await this.lukket.moedeSager(request, foldMoede(events) as ExistingMoede, sagerNaevnt(page.items));
    return page;
  }
}

/** The sager the entries concern: by `sagId`, or by the snapshot of PunktTilfoejet. */
function sagerNaevnt(items: readonly HistorikEntry[]): Set<string> {
  const sagIds = items.flatMap(({ data }) => [data.sagId, (data.sag as { sagId?: unknown } | null | undefined)?.sagId]);
  return new Set(sagIds.filter((sagId): sagId is string => typeof sagId === 'string'));
}
