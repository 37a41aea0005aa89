import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, BlobStore } from '@sagsgang/blob-store';
import { FindQuery, ReadModelStore } from '@sagsgang/projections';
import { erOffentlig, moederProjection, MoedeView } from '@sagsgang/read-models';
import { MoedeDokumenter, MoedeMedDokument } from '../moeder/moede-dokumenter';
import { ForsideDto, OffentligMoedeListeDto, OffentligtMoedeDto } from './offentlig.dto';
import { offentligtBilagAf, offentligtMoede, offentligtResume } from './offentlig-visning';

/** Meetings shown on the front page, ahead and behind. */
const FORSIDE_ANTAL = 10;
/** Referater in the feed; meetings in a calendar (a year of an udvalg's is a few dozen). */
const FEED_ANTAL = 50;
const KALENDER_ANTAL = 1000;
const AAR_MS = 365 * 24 * 3600 * 1000;
const DANSK = new Intl.Collator('da-DK');

/** A public meeting with what its pages are built from. */
export interface OffentligtBygget {
  visning: OffentligtMoedeDto;
  bygget: MoedeMedDokument;
}

/**
 * What the public may see of the meetings, and only that: meetings whose
 * dagsorden is sent. Lists come from the moeder read model; one meeting is
 * built from the streams by MoedeDokumenter, as its dagsorden and referat
 * are, so the page, the documents and the bilag agree.
 */
@Injectable()
export class OffentligeMoeder {
  /** Keyed on the object MoedeDokumenter hands out, which stays the same while the meeting cannot change. */
  private readonly visninger = new WeakMap<MoedeMedDokument, OffentligtMoedeDto>();

  constructor(
    private readonly readModels: ReadModelStore,
    private readonly dokumenter: MoedeDokumenter,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  udvalg(): string[] {
    const navne = this.readModels.distinct(moederProjection.name, 'udvalg', { where: { offentlig: 1 } });
    return (navne as string[]).sort(DANSK.compare);
  }

  forside(nu: Date): ForsideDto {
    const idag = dagensStart(nu);
    return {
      udvalg: this.udvalg(),
      kommende: this.find({ from: idag, limit: FORSIDE_ANTAL }).items.map(offentligtResume),
      seneste: this.find({ before: idag, descending: true, limit: FORSIDE_ANTAL }).items.map(offentligtResume),
    };
  }

  /** Newest start first. */
  liste(query: { udvalg?: string; limit: number; offset: number }): OffentligMoedeListeDto {
    const { limit, offset } = query;
    const { items, total } = this.find({ descending: true, limit, offset }, query.udvalg);
    return { items: items.map(offentligtResume), total, limit, offset };
  }

  /** The public meetings from a year ago on, soonest first. */
  kalender(udvalg?: string): MoedeView[] {
    return this.find({ from: new Date(Date.now() - AAR_MS).toISOString(), limit: KALENDER_ANTAL }, udvalg).items;
  }

  /** The published referater, newest publication first. */
  offentliggjorte(): (MoedeView & { status: 'offentliggjort' })[] {
    const { items } = this.readModels.find<MoedeView & { status: 'offentliggjort' }>(moederProjection.name, {
      where: { status: 'offentliggjort' },
      orderBy: 'offentliggjort',
      descending: true,
      limit: FEED_ANTAL,
    });
    return items;
  }

  /** The meeting as the public sees it, or null when it does not exist or is not public. */
  async moede(id: string): Promise<OffentligtBygget | null> {
    const bygget = await this.dokumenter.byg(id);
    if (!bygget || !erOffentlig(bygget.moede)) return null;
    let visning = this.visninger.get(bygget);
    if (!visning) {
      visning = offentligtMoede(bygget);
      this.visninger.set(bygget, visning);
    }
    return { visning, bygget };
  }

  /** A bilag of an open punkt of a public meeting, opened as a checked stream; undefined when the public may not have it. */
  async bilag(id: string, nr: number, bilagId: string) {
    const offentligt = await this.moede(id);
    const bilag = offentligt && offentligtBilagAf(offentligt.bygget, nr, bilagId);
    const fil = bilag && (await this.blobs.open(bilag.sha256));
    return bilag && fil ? { bilag, fil } : undefined;
  }

  private find(query: Omit<FindQuery, 'where' | 'orderBy'>, udvalg?: string) {
    const where = { offentlig: 1, ...(udvalg ? { udvalg } : {}) };
    return this.readModels.find<MoedeView>(moederProjection.name, { ...query, where, orderBy: 'start_utc' });
  }
}

/** 'YYYY-MM-DD' in Danish time, and the offset Danish time has then ("GMT+01:00"). */
const DATO = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Copenhagen', timeZoneName: 'longOffset' });

/** Midnight of today in Denmark, as the UTC instant the read model sorts meetings by. */
export function dagensStart(nu: Date): string {
  const offset =
    OFFSET.formatToParts(nu)
      .find((del) => del.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return new Date(`${DATO.format(nu)}T00:00:00${offset}`).toISOString();
}
