import { applyDecorators, Controller, Get, Header, Inject, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { moedeStreamName } from '@sagsgang/moede';
import { sagStreamName } from '@sagsgang/sag';
import { Roles } from '../audit/roles.guard';
import { ApiQueryErrors } from '../http/api-errors.decorator';
import { Problem } from '../http/problem';
import { HistorikSide, moedeHistorik, sagHistorik, side } from './historik';
import { HistorikQuery, HistorikSideDto } from './historik.dto';

const ID = new ParseUUIDPipe();

export const ApiForbidden = (description: string) =>
  ApiResponse({ status: 403, description, type: Problem, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

const ApiHistorik = (summary: string, roles: string) =>
  applyDecorators(
    ApiOperation({
      summary,
      description:
        'Every event of the stream as a readable entry: when recorded and when it took effect, who (user and role), a Danish one-line summary, the data, and the correlation and causation ids. Paged; oldest or newest first.',
    }),
    ApiOkResponse({ type: HistorikSideDto }),
    ApiQueryErrors(),
    ApiForbidden(`Only ${roles} may read the historik`),
  );

/** The sag's full history: for its caseworkers and the auditors. */
@ApiTags('historik')
@ApiBearerAuth()
@Roles('sagsbehandler', 'revisor', 'admin')
@Controller('sager')
export class SagHistorikController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/historik')
  @Header('cache-control', 'no-store')
  @ApiHistorik("The sag's historik", 'sagsbehandler, revisor and admin')
  async historik(@Param('id', ID) id: string, @Query() query: HistorikQuery): Promise<HistorikSide> {
    const stream = sagStreamName(id);
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new NotFoundException({ title: 'Findes ikke', detail: `sag ${id} not found` });
    return side(id, stream, sagHistorik(events), query);
  }
}

/** The meeting's full history: for its secretaries and the auditors. */
@ApiTags('historik')
@ApiBearerAuth()
@Roles('sekretaer', 'revisor', 'admin')
@Controller('moeder')
export class MoedeHistorikController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':id/historik')
  @Header('cache-control', 'no-store')
  @ApiHistorik("The meeting's historik", 'sekretaer, revisor and admin')
  async historik(@Param('id', ID) id: string, @Query() query: HistorikQuery): Promise<HistorikSide> {
    const stream = moedeStreamName(id);
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new NotFoundException({ title: 'Findes ikke', detail: `møde ${id} not found` });
    return side(id, stream, moedeHistorik(events), query);
  }
}
