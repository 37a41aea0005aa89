import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { Roles } from '../audit/roles.guard';
import { ApiProblem, ApiQueryErrors } from '../http/api-errors.decorator';
import { adgangResume, adgangslogStreamName } from './adgangslog';
import { entry, HistorikSide, side } from './historik';
import { AdgangslogQuery, HistorikSideDto } from './historik.dto';

/** Who has read a meeting's lukkede punkter, and when: for the auditors. */
@ApiTags('revision')
@ApiBearerAuth()
@Roles('revisor', 'admin')
@Controller('audit')
export class AdgangslogController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('adgangslog')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    operationId: 'hentAdgangslog',
    summary: 'Adgangslog: hvem har læst et mødes lukkede punkter, hvornår og hvordan',
    description:
      'Every LukketPunktLaest recorded for the meeting (stream adgangslog-<moedeId>), as historik entries: who read which punkt (nr, sagId), when, through which route and URL. Empty when nobody has read a lukket punkt of it.',
  })
  @ApiOkResponse({ type: HistorikSideDto })
  @ApiQueryErrors()
  @ApiProblem(403, 'Only revisor and admin may read the adgangslog')
  async adgangslog(@Query() query: AdgangslogQuery): Promise<HistorikSide> {
    const stream = adgangslogStreamName(query.moedeId);
    const events = await this.store.readStream(stream);
    return side(
      query.moedeId,
      stream,
      events.map((event) => entry(event, adgangResume(event))),
      query,
    );
  }
}
