import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { dokumentblokke } from '@sagsgang/referat';
import { isUUID } from 'class-validator';
import { Dokumentart, sider } from '../../../web/src/pages';
import { Public } from '../auth/auth.guard';
import { PAGE_CSP } from '../http/security';
import { MoedeMedDokument } from '../moeder/moede-dokumenter';
import { OffentligeMoeder } from '../offentlig/offentlige-moeder';
import { Soegning } from '../offentlig/soegning/soegning';
import { loadAssets } from './assets';

const SIDE_STOERRELSE = 20;
const HOEJST_OFFSET = 10_000;

/**
 * The public's pages, rendered on the server from the same services as
 * /offentlig, so they read without JavaScript. A meeting's pages are kept
 * per document object: MoedeDokumenter hands out the same one for as long as
 * the meeting cannot change, so a published referat is rendered once.
 */
@ApiExcludeController()
@Public()
@Controller()
export class SiderController {
  private readonly assets = loadAssets();
  private readonly moedesider = new WeakMap<MoedeMedDokument, Map<string, string>>();

  constructor(
    private readonly moeder: OffentligeMoeder,
    private readonly soegning: Soegning,
  ) {}

  @Get()
  forside(@Res({ passthrough: true }) reply: FastifyReply): string {
    return side(reply, sider.forside(this.moeder.forside(new Date()), this.assets));
  }

  @Get('udvalg/:udvalg')
  udvalg(@Param('udvalg') udvalg: string, @Query('offset') offset: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    const liste = this.moeder.liste({ udvalg, limit: SIDE_STOERRELSE, offset: sidetal(offset) });
    if (liste.total === 0) return this.ikkeFundet(reply);
    return side(reply, sider.udvalg(udvalg, liste, this.assets));
  }

  @Get('moede/:id')
  moede(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.moedeside(id, 'moede', reply);
  }

  @Get('moede/:id/dagsorden')
  dagsorden(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.moedeside(id, 'dagsorden', reply);
  }

  @Get('moede/:id/referat')
  referat(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.moedeside(id, 'referat', reply);
  }

  @Get('soeg')
  soeg(@Query('q') q: unknown, @Query('offset') offset: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    if (q === undefined) return side(reply, sider.soeg({ q: '' }, this.assets));
    const tekst = typeof q === 'string' ? q.trim() : '';
    if (tekst === '' || tekst.length > 200) {
      const fejl = tekst === '' ? 'Skriv mindst ét ord at søge efter.' : 'Søgningen må højst være 200 tegn.';
      return side(reply.status(400), sider.soeg({ q: tekst, fejl }, this.assets));
    }
    const resultat = this.soegning.soeg(tekst, SIDE_STOERRELSE, sidetal(offset));
    return side(reply, sider.soeg({ q: tekst, resultat }, this.assets));
  }

  private async moedeside(id: string, art: 'moede' | Dokumentart, reply: FastifyReply): Promise<string> {
    const offentligt = isUUID(id) ? await this.moeder.moede(id) : null;
    if (!offentligt || (art === 'referat' && !offentligt.visning.referatOffentliggjort)) return this.ikkeFundet(reply);
    const { visning, bygget } = offentligt;
    let kendte = this.moedesider.get(bygget);
    if (!kendte) this.moedesider.set(bygget, (kendte = new Map()));
    let html = kendte.get(art);
    if (html === undefined) {
      html =
        art === 'moede'
          ? sider.moede(visning, this.assets)
          : sider.dokument(visning, art, dokumentblokke(bygget.offentligt, art, 'offentlig'), this.assets);
      kendte.set(art, html);
    }
    return side(reply, html);
  }

  private ikkeFundet(reply: FastifyReply): string {
    return side(reply.status(404), sider.fejl(this.assets));
  }
}

function side(reply: FastifyReply, html: string): string {
  void reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', PAGE_CSP);
  return html;
}

/** An offset from the address bar: a whole number, else the first page. */
function sidetal(offset: unknown): number {
  const tal = typeof offset === 'string' && /^\d{1,6}$/.test(offset) ? Number(offset) : 0;
  return Math.min(tal, HOEJST_OFFSET);
}
