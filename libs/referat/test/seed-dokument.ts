import { UDFALD_TEKST } from '@sagsgang/sag';
import { MoedeDokument, PunktDokument } from '@sagsgang/referat';
import { SeedMoede, SeedPunkt } from '../../../test/fixtures/seed-moeder';

/**
 * A seed meeting as the renderer's view model. Without udfald labels the
 * punkter read exactly as the seed prints them; `medUdfald` adds the label of
 * each punkt's udfald, as the engine's read model will.
 */
export function seedDokument(moede: SeedMoede, { medUdfald = false }: { medUdfald?: boolean } = {}): MoedeDokument {
  return {
    udvalg: moede.udvalg,
    start: moede.start,
    sted: moede.sted,
    medlemmer: moede.medlemmer,
    deltagere: moede.deltagere,
    sekretaer: moede.sekretaer ?? undefined,
    fravaerende: moede.fravaerende,
    beslutningPlacering: moede.beslutningPlacering,
    punkter: moede.punkter.map((punkt) => seedPunkt(moede, punkt, medUdfald)),
  };
}

function seedPunkt(moede: SeedMoede, punkt: SeedPunkt, medUdfald: boolean): PunktDokument {
  return {
    nr: punkt.nr,
    titel: punkt.titel,
    sagsnummer: punkt.sagsnummer ?? undefined,
    journalnummer: punkt.journalnummer ?? undefined,
    anledning: punkt.anledning,
    anledningOverskrift: punkt.anledningOverskrift,
    indstilling: punkt.indstilling
      ? {
          indstiller: punkt.indstilling.indstiller ?? undefined,
          atPunkter: punkt.indstilling.atPunkter,
          opstilling: punkt.indstilling.opstilling,
        }
      : undefined,
    sagsfremstilling: punkt.sagsfremstilling ?? undefined,
    beslutning:
      punkt.beslutning === null
        ? undefined
        : {
            udvalg: moede.udvalg,
            moedeDato: moede.start.slice(0, 10),
            udfaldTekst: medUdfald ? UDFALD_TEKST[punkt.engine.udfald] : undefined,
            beslutningstekst: punkt.beslutning,
          },
    bilag: punkt.bilag.map((titel) => ({ titel })),
  };
}
