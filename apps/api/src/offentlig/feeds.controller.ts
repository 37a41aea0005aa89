import { applyDecorators, Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ExistingMoede } from '@sagsgang/moede';
import { Public } from '../auth/auth.guard';
import { Sider, kalender, referatFeed } from './feeds';
import { OffentligeMoeder } from './offentlige-moeder';

/** Subscriptions for the public: a calendar of the meetings (all, or one udvalg's) and a feed of published referater. */
@ApiTags('offentlig')
@Public()
@Controller('offentlig')
export class FeedsController {
  constructor(private readonly moeder: OffentligeMoeder) {}

  @Get('kalender.ics')
  @ApiFeed(
    'hentKalender',
    'Kalender: alle offentlige møder fra et år tilbage og frem',
    'text/calendar',
    'Every public meeting of the last year and ahead, as iCalendar',
  )
  alle(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    return this.kalender(this.moeder.kalender(), 'Udvalgenes møder', request, reply);
  }

  @Get('udvalg/:udvalg/kalender.ics')
  @ApiFeed(
    'hentUdvalgsKalender',
    'Udvalgets kalender: udvalgets offentlige møder fra et år tilbage og frem',
    'text/calendar',
    'The public meetings of one udvalg, the last year and ahead, as iCalendar',
  )
  udvalg(@Param('udvalg') udvalg: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    return this.kalender(this.moeder.kalender(udvalg), `Møder i ${udvalg}`, request, reply);
  }

  @Get('referater.rss')
  @ApiFeed(
    'hentReferaterRss',
    'Referater (RSS): de nyeste offentliggjorte referater',
    'application/rss+xml',
    'The newest published referater, as RSS 2.0',
  )
  rss(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.header('content-type', 'application/rss+xml; charset=utf-8');
    return referatFeed(this.moeder.offentliggjorte(), sider(request)).rss2();
  }

  @Get('referater.atom')
  @ApiFeed(
    'hentReferaterAtom',
    'Referater (Atom): de nyeste offentliggjorte referater',
    'application/atom+xml',
    'The newest published referater, as Atom',
  )
  atom(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.header('content-type', 'application/atom+xml; charset=utf-8');
    return referatFeed(this.moeder.offentliggjorte(), sider(request)).atom1();
  }

  private kalender(moeder: ExistingMoede[], navn: string, request: FastifyRequest, reply: FastifyReply): string {
    void reply.header('content-type', 'text/calendar; charset=utf-8');
    return kalender(moeder, navn, sider(request));
  }
}

/** The site as the client reached it (behind a proxy, as SAGSGANG_TRUST_PROXY lets Fastify tell). */
function sider(request: FastifyRequest): Sider {
  return { origin: `${request.protocol}://${request.host}` };
}

/** A feed in the OpenAPI document: its operation, and the text it answers in its own media type. */
function ApiFeed(operationId: string, summary: string, type: string, description: string) {
  return applyDecorators(
    ApiOperation({ operationId, summary }),
    ApiProduces(type),
    ApiOkResponse({ description, content: { [type]: { schema: { type: 'string' } } } }),
  );
}
