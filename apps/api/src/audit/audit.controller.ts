import { applyDecorators, BadRequestException, Controller, Get, Header, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { exportJsonLines, requireEventAt, UnknownPosition, verifyLog } from '@sagsgang/audit';
import { ApiProblem } from '../http/api-errors.decorator';
import { ExportQuery, SagsnummerJournalDto, SagsnummerJournalQuery, VerifyReportDto } from './audit.dto';
import { Roles } from './roles.guard';
import { SagsnummerJournal } from './sagsnummer-journal';

export const NDJSON = 'application/x-ndjson; charset=utf-8';

/** The problem+json answers of the audit routes. */
const ApiAuditErrors = () =>
  applyDecorators(
    ApiProblem(400, 'Invalid query parameter'),
    ApiProblem(401, 'Missing, expired or invalid bearer token'),
    ApiProblem(403, 'Only revisor and admin may read the audit log'),
  );

/** For auditors: is the log intact, and the log itself. Reads only; appends nothing. */
@ApiTags('revision')
@ApiBearerAuth()
@Roles('revisor', 'admin')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly journal: SagsnummerJournal,
  ) {}

  @Get('sagsnumre')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    operationId: 'hentSagsnummerjournal',
    summary: 'Sagsnummerjournalen: hvert tildelt sagsnummer i et år, i brug eller annulleret',
    description:
      'Every number granted in the year, in order, with its sag. A number is annulleret when it was granted but its sag never created: on EventStoreDB a crash between the two appends can leave one, and it is annulled a minute later; on the embedded store the number and its sag are one append.',
  })
  @ApiOkResponse({ type: SagsnummerJournalDto })
  @ApiAuditErrors()
  async sagsnumre(@Query() query: SagsnummerJournalQuery): Promise<SagsnummerJournalDto> {
    return { aar: query.aar, sagsnumre: await this.journal.entries(query.aar) };
  }

  @Get('verify')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    operationId: 'verificerLog',
    summary: 'Verificér loggen: revisioner, positioner og hashkæden i hver strøm',
    description:
      "Walks every stream: revisions contiguous from 0, global positions strictly increasing, and the hash chain (each event's hash recomputed, each prevHash linking to the previous event). Each failure names the stream and revision where it starts. 200 also when failures are found: the report is the answer.",
  })
  @ApiOkResponse({ type: VerifyReportDto })
  @ApiAuditErrors()
  verify(): Promise<VerifyReportDto> {
    return verifyLog(this.store);
  }

  @Get('export')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    operationId: 'eksporterLog',
    summary: 'Eksportér loggen som JSON Lines, én hændelse pr. linje',
    description:
      'One event per line, in log order: {position, stream, revision, id, type, data, metadata, hash}. Streamed, never held in memory. A broken download resumes with from=<position of the last line received>. `sagsgang import` loads it into an empty store.',
  })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'JSON Lines: one export record per line',
    content: {
      'application/x-ndjson': {
        schema: {
          type: 'string',
          example: '{"position":1,"stream":"sag-…","revision":0,"id":"…","type":"SagOprettet","data":{},"metadata":{},"hash":"…"}\n',
        },
      },
    },
  })
  @ApiAuditErrors()
  async export(@Query() query: ExportQuery): Promise<StreamableFile> {
    // Before the response starts: a position that names no event is a 400, not a broken download.
    if (query.from && !query.stream) await requireEventAt(this.store, query.from).catch(refuseUnknownPosition);
    const lines = exportJsonLines(this.store, { fromPosition: query.from, stream: query.stream, from: query.since, to: query.until });
    return new StreamableFile(Readable.from(lines), { type: NDJSON });
  }
}

function refuseUnknownPosition(error: unknown): never {
  if (!(error instanceof UnknownPosition)) throw error;
  throw new BadRequestException({
    title: 'Ugyldig forespørgsel',
    detail: `from: ${error.message}`,
    errors: [{ field: 'from', reason: error.message }],
  });
}
