import { applyDecorators, Controller, Get, Headers, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ID } from '../http/path-params';
import { ExistingMoede } from '@sagsgang/moede';
import { MoedeDokument, Publikum, renderDagsorden, renderPdf, renderReferat } from '@sagsgang/referat';
import { AppConfig } from '../config/app-config';
import { AuthenticatedRequest, Public } from '../auth/auth.guard';
import { LukketLaesning } from '../historik/lukket-laesning';
import { Moment, momentFrom } from '../historik/point-in-time';
import { MomentQuery } from '../historik/point-in-time.query';
import { ApiProblem, ApiQueryErrors, NOT_FOUND } from '../http/api-errors.decorator';
import { Dokumentformat, DOKUMENT_MEDIETYPER, vaelgFormat } from './content-negotiation';
import { erOffentlig } from '@sagsgang/read-models';
import { MoedeDokumenter, MoedeMedDokument } from './moede-dokumenter';

type Art = 'dagsorden' | 'referat';

/**
 * The dagsorden and referat, rendered from the streams on each request in
 * the format `Accept` asks for. With a valid token (any role) the internal
 * version; without one the public version, and only what has been made
 * public: a dagsorden once sent, a referat once published. Anything else is
 * a 404 to the public, so an unpublished meeting does not reveal itself.
 * With asOf or revision, as it stood then: the agenda as sent, the referat
 * as approved. An internal document showing a lukket punkt is a recorded read.
 */
@ApiTags('moeder')
@ApiBearerAuth()
@Public()
@Controller('moeder/:id')
export class MoedeDokumenterController {
  constructor(
    private readonly dokumenter: MoedeDokumenter,
    private readonly lukket: LukketLaesning,
    private readonly config: AppConfig,
  ) {}

  @Get('dagsorden')
  @ApiDokument(
    'hentDagsorden',
    'Dagsorden: mødets dagsorden som tekst, Markdown, HTML eller PDF',
    'The dagsorden: internal with a token; without one, once sent, lukkede punkter by number and neutral title only',
  )
  dagsorden(
    @Param('id', ID) id: string,
    @Query() query: MomentQuery,
    @Headers('accept') accept: string | undefined,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.render('dagsorden', id, momentFrom(query), accept, request, reply);
  }

  @Get('referat')
  @ApiDokument(
    'hentReferat',
    'Referat: mødets referat som tekst, Markdown, HTML eller PDF',
    'The referat: internal with a token once the meeting has opened; without one only when published, lukkede punkter hidden',
  )
  referat(
    @Param('id', ID) id: string,
    @Query() query: MomentQuery,
    @Headers('accept') accept: string | undefined,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.render('referat', id, momentFrom(query), accept, request, reply);
  }

  private async render(
    art: Art,
    id: string,
    moment: Moment | undefined,
    accept: string | undefined,
    request: AuthenticatedRequest,
    reply: FastifyReply,
  ): Promise<string | Buffer> {
    const { type, format } = vaelgFormat(accept);
    const publikum: Publikum = request.actor ? 'intern' : 'offentlig';
    const bygget = await this.byg(id, moment, publikum);
    if (!bygget || !synlig(art, bygget.moede, publikum)) {
      throw new NotFoundException({
        title: 'Findes ikke',
        detail: `møde ${id} har ${art === 'dagsorden' ? 'ingen dagsorden' : 'intet referat'}, der kan vises`,
      });
    }
    if (publikum === 'intern') await this.lukket.moede(request, bygget.moede, bygget.nu);
    void reply.header('content-type', format === 'pdf' ? type : `${type}; charset=utf-8`).header('vary', 'Accept, Authorization');
    if (format === 'pdf') void reply.header('content-disposition', `inline; filename="${art}-${id}.pdf"`);
    const dokument = publikum === 'intern' ? bygget.dokument : bygget.offentligt;
    return rendered(dokument, art, format, publikum, () => renderPdf(dokument, art, publikum, { kommune: this.config.SAGSGANG_KOMMUNE }));
  }

  /** The public learns no more from a moment than without one: not when the meeting was created, nor its revisions. */
  private async byg(id: string, moment: Moment | undefined, publikum: Publikum): Promise<MoedeMedDokument | null> {
    try {
      return await this.dokumenter.byg(id, moment);
    } catch (error) {
      if (publikum === 'offentlig' && error instanceof NotFoundException) return null;
      throw error;
    }
  }
}

/**
 * A document is rendered once per art, format and audience: MoedeDokumenter
 * hands out the same document object for as long as it cannot change, and
 * rendering is pure. Held weakly, so it goes when the document does; a PDF
 * is kept as its promise, so requests arriving while it renders share it.
 */
const renderings = new WeakMap<MoedeDokument, Map<string, string | Promise<Buffer>>>();

function rendered(
  dokument: MoedeDokument,
  art: Art,
  format: Dokumentformat,
  publikum: Publikum,
  pdf: () => Promise<Buffer>,
): string | Promise<Buffer> {
  let cache = renderings.get(dokument);
  if (!cache) renderings.set(dokument, (cache = new Map()));
  const key = `${art} ${format} ${publikum}`;
  let rendering = cache.get(key);
  if (rendering === undefined) {
    rendering = format === 'pdf' ? pdf() : (art === 'dagsorden' ? renderDagsorden : renderReferat)(dokument, format, publikum);
    cache.set(key, rendering);
    // A failed rendering is not kept: the next request tries again.
    if (typeof rendering !== 'string') rendering.catch(() => cache.delete(key));
  }
  return rendering;
}

/** The rendered document in each format, and the 406 when Accept names none of them. */
function ApiDokument(operationId: string, summary: string, description: string) {
  const schema = (format: Dokumentformat) => ({ schema: format === 'pdf' ? { type: 'string', format: 'binary' } : { type: 'string' } });
  return applyDecorators(
    ApiOperation({ operationId, summary }),
    ApiResponse({
      status: 200,
      description,
      content: Object.fromEntries(DOKUMENT_MEDIETYPER.map(({ type, format }) => [type, schema(format)])),
    }),
    ApiProblem(406, `Accept names none of ${DOKUMENT_MEDIETYPER.map(({ type }) => type).join(', ')}`),
    ApiQueryErrors(NOT_FOUND.dokument),
  );
}

/** A referat exists from the opening of the meeting; the public sees only what was sent or published. */
function synlig(art: Art, moede: ExistingMoede, publikum: Publikum): boolean {
  if (art === 'dagsorden') return publikum === 'intern' || erOffentlig(moede);
  if (publikum === 'offentlig') return moede.status === 'offentliggjort';
  return ['i_gang', 'haevet', 'referat_godkendt', 'offentliggjort'].includes(moede.status);
}
