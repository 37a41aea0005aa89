import { Controller, Get, NotFoundException, Param, Query, Res, ServiceUnavailableException, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.guard';
import { ApiQueryErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { ID, NR } from '../http/path-params';
import { ReadYourWrites, READ_YOUR_WRITES_TIMEOUT_MS } from '../process-managers/read-your-writes';
import { MinPositionQuery } from '../sager/dto/sag-query.dto';
import { ForsideDto, OffentligMoedeListeDto, OffentligtMoedeDto, SoegeResultatDto } from './offentlig.dto';
import { OffentligMoedeListQuery, SoegeQuery } from './offentlig.query';
import { OffentligeMoeder } from './offentlige-moeder';
import { SoegeIndekser } from './soegning/soege-indekser';
import { Soegning } from './soegning/soegning';

/**
 * What anyone may read without a token: meetings whose dagsorden is sent,
 * in the public version (a lukket punkt by number and neutral title only),
 * the bilag of their open punkter, and a search over the public documents.
 * Everything else is a 404 that says no more than "not found".
 */
@ApiTags('offentlig')
@Public()
@Controller('offentlig')
export class OffentligController {
  constructor(
    private readonly moeder: OffentligeMoeder,
    private readonly soegning: Soegning,
    private readonly indekser: SoegeIndekser,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get('forside')
  @ApiOperation({ operationId: 'hentForside', summary: 'Forside: udvalgene og de kommende og seneste offentlige møder' })
  @ApiOkResponse({ type: ForsideDto, description: 'The udvalg, the coming and the recent public meetings' })
  @ApiQueryErrors()
  async forside(@Query() query: MinPositionQuery): Promise<ForsideDto> {
    await this.readYourWrites.waitFor(query.minPosition);
    return this.moeder.forside(new Date());
  }

  @Get('moeder')
  @ApiOperation({
    operationId: 'hentOffentligeMoeder',
    summary: 'Offentlige møder: en side af møderne med udsendt dagsorden, nyeste først',
  })
  @ApiOkResponse({ type: OffentligMoedeListeDto, description: 'Public meetings, newest first, optionally of one udvalg' })
  @ApiQueryErrors()
  async liste(@Query() query: OffentligMoedeListQuery): Promise<OffentligMoedeListeDto> {
    await this.readYourWrites.waitFor(query.minPosition);
    return this.moeder.liste(query);
  }

  @Get('moeder/:id')
  @ApiOperation({ operationId: 'hentOffentligtMoede', summary: 'Offentligt møde: mødet og dets punkter, som offentligheden ser dem' })
  @ApiOkResponse({
    type: OffentligtMoedeDto,
    description: 'A public meeting with its punkter as the public sees them and the open punkter’s bilag',
  })
  @ApiQueryErrors(NOT_FOUND.offentligtMoede)
  async moede(@Param('id', ID) id: string, @Query() query: MinPositionQuery): Promise<OffentligtMoedeDto> {
    await this.readYourWrites.waitFor(query.minPosition);
    const offentligt = await this.moeder.moede(id);
    if (!offentligt) throw ikkeFundet(`intet offentligt møde ${id}`);
    return offentligt.visning;
  }

  @Get('moeder/:id/punkter/:nr/bilag/:bilagId')
  @ApiOperation({ operationId: 'hentOffentligtBilag', summary: 'Offentligt bilag: filen til et åbent punkt på en udsendt dagsorden' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description:
      'The bilag file of an open punkt on a sent dagsorden, exactly the bytes attached, streamed (checked against its sha256 as it goes)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiQueryErrors(NOT_FOUND.offentligtBilag)
  async bilag(
    @Param('id', ID) id: string,
    @Param('nr', NR) nr: number,
    @Param('bilagId', ID) bilagId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const fundet = await this.moeder.bilag(id, nr, bilagId);
    if (!fundet) throw ikkeFundet(`intet offentligt bilag ${bilagId} på punkt ${nr} af møde ${id}`);
    void reply
      .header('content-type', fundet.bilag.medietype)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fundet.bilag.filnavn)}`);
    return new StreamableFile(fundet.fil.stream, { length: fundet.fil.size });
  }

  @Get('soeg')
  @ApiOperation({ operationId: 'soeg', summary: 'Søgning: punkter i udsendte dagsordener og offentliggjorte referater, bedste først' })
  @ApiOkResponse({
    type: SoegeResultatDto,
    description: 'Punkter of sent dagsordener and published referater matching every word, best first',
  })
  @ApiQueryErrors()
  async soeg(@Query() query: SoegeQuery): Promise<SoegeResultatDto> {
    await this.venPaaIndeks(query.minPosition);
    return this.soegning.soeg(query.q, query.limit, query.offset);
  }

  /** With minPosition: until the search index, too, reflects that position. */
  private async venPaaIndeks(position: number | undefined): Promise<void> {
    if (position === undefined) return;
    await this.readYourWrites.waitFor(position);
    await this.indekser.waitFor(position, READ_YOUR_WRITES_TIMEOUT_MS).catch(() => {
      throw new ServiceUnavailableException({
        title: 'Søgningen er bagud',
        detail: `Søgeindekset har ikke nået position ${position} inden for ${READ_YOUR_WRITES_TIMEOUT_MS} ms; prøv igen om lidt`,
      });
    });
  }
}

export function ikkeFundet(detail: string): NotFoundException {
  return new NotFoundException({ title: 'Findes ikke', detail });
}
