import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDagsorden, renderReferat } from '@sagsgang/referat';
import {
  fravaersSaetning,
  iReferatet,
  SEED_000_MOEDE,
  SEED_001_MOEDE,
  SEED_MOEDER,
  SeedMoede,
  tekststykker,
} from '../../../test/fixtures/seed-moeder';
import { seedDokument } from './seed-dokument';
import { expectInOrder, FORMATER } from './support';

/** Everything the seed prints for its punkter, in the seed's own layout (sagsfremstilling included). */
function iSeedensRaekkefoelge(moede: SeedMoede): string[] {
  const fravaer = fravaersSaetning(moede);
  return moede.punkter.flatMap((punkt) => {
    const beslutning = punkt.beslutning ? [...tekststykker(punkt.beslutning), ...(fravaer ? [fravaer] : [])] : [];
    const sagsfremstilling = punkt.sagsfremstilling ? tekststykker(punkt.sagsfremstilling) : [];
    const tidlig = moede.beslutningPlacering === 'efter_indstilling';
    return [
      `Punkt ${punkt.nr}: ${punkt.titel}`,
      punkt.sagsnummer ?? punkt.journalnummer ?? '',
      punkt.anledningOverskrift,
      ...tekststykker(punkt.anledning),
      ...(punkt.indstilling?.indstiller ? [punkt.indstilling.indstiller] : []),
      ...(punkt.indstilling?.atPunkter ?? []),
      ...(tidlig ? [...beslutning, ...sagsfremstilling] : [...sagsfremstilling, ...beslutning]),
      ...punkt.bilag,
    ];
  });
}

describe.each(SEED_MOEDER.map((moede) => [moede.udvalg, moede] as const))('the seed referat of %s', (_, moede) => {
  describe.each(FORMATER.map((f) => [f.format, f] as const))('rendered as %s', (format, { vis, laes }) => {
    it('shows every title, number, text, at-clause, beslutning, absence and bilag in the seed order', () => {
      const ud = laes(renderReferat(seedDokument(moede), format, 'intern'));

      expectInOrder(ud, iSeedensRaekkefoelge(moede).map(vis));
    });

    it('keeps that order when each beslutning opens with its udfald label', () => {
      const ud = laes(renderReferat(seedDokument(moede, { medUdfald: true }), format, 'intern'));

      expectInOrder(ud, iReferatet(moede).map(vis));
    });

    it('shows the same in the public version, the seed having no lukket punkt', () => {
      const ud = laes(renderReferat(seedDokument(moede), format, 'offentlig'));

      expectInOrder(ud, iReferatet(moede).map(vis));
    });
  });

  it('prints each indstilling in text exactly as the seed does', () => {
    const ud = renderReferat(seedDokument(moede), 'text', 'intern');

    const trykte = moede.punkter.flatMap((punkt) => (punkt.indstillingSomTrykt ? [`Indstilling\n\n${punkt.indstillingSomTrykt}\n\n`] : []));
    expectInOrder(ud, trykte);
  });

  it('lists the punkter in the Indholdsfortegnelse before the first punkt', () => {
    const ud = renderReferat(seedDokument(moede), 'text', 'intern');

    const indhold = ud.slice(ud.indexOf('Indholdsfortegnelse'), ud.indexOf('Punkt 1:'));
    expectInOrder(
      indhold,
      moede.punkter.map((punkt) => `${punkt.nr}. ${punkt.titel}\n`),
    );
  });
});

describe('the seed headers in text', () => {
  const linjer = (ud: string) => ud.split('\n').filter((linje) => linje !== '');

  it('reproduces seed 000 line for line, then names the absent', () => {
    const ud = renderReferat(seedDokument(SEED_000_MOEDE), 'text', 'intern');

    expect(linjer(ud).slice(0, 5)).toEqual([
      'REFERAT Innovation og velfærd (§17, stk.4) d. 21-11-2016',
      'Mødedato Mandag d. 21. november 2016 kl. 16:30',
      'Mødested Mødelokale 1 (forhal)',
      'Fraværende Helge Bo Jensen (Ø), Allan Høyer (O) og Sofie Amalie Blomsterberg (V)',
      'Indholdsfortegnelse',
    ]);
  });

  it('reproduces seed 001 with its Mødedeltagere and sekretær', () => {
    const ud = renderReferat(seedDokument(SEED_001_MOEDE), 'text', 'intern');

    expect(linjer(ud).slice(0, 5)).toEqual([
      'REFERAT Direktionen d. 16-12-2019',
      'Mødedato Mandag d. 16. december 2019 kl. 09:00',
      'Mødested Mødelokale B105',
      'Mødedeltagere Lars Holte, Jørgen Lerhard, Per Aalbæk Nielsen, Charlotte Markussen, Kathrine Seier Skaastrup (sekretær)',
      'Indholdsfortegnelse',
    ]);
  });

  it('heads the dagsorden DAGSORDEN', () => {
    const ud = renderDagsorden(seedDokument(SEED_001_MOEDE), 'text', 'intern');

    expect(linjer(ud)[0]).toBe('DAGSORDEN Direktionen d. 16-12-2019');
  });
});

describe('seed 000 punkt 1: the absence sentence', () => {
  it('closes the beslutning, right after its last paragraph', () => {
    const ud = renderReferat(seedDokument(SEED_000_MOEDE), 'text', 'intern');

    expect(ud).toContain(
      'deltog i drøftelsen af dagsordenspunktet.\n\nHelge Bo Jensen (Ø), Allan Høyer (O) og Sofie Amalie Blomsterberg (V) deltog ikke i mødet.\n\nBilag',
    );
  });
});

// The two real referater the engine must reproduce, kept as they were published.
const seedFil = (navn: string) => join(__dirname, '../../../test/fixtures/seeds', navn);

describe('the text rendering, from "Punkt 1:" on, compared with the seed file itself', () => {
  const fraPunkt1 = (tekst: string) => tekst.slice(tekst.indexOf('Punkt 1:')).trimEnd();

  it('is seed 001, byte for byte', () => {
    const seed = readFileSync(seedFil('001_27c7c63e2d2d9928.txt'), 'utf8');

    expect(fraPunkt1(renderReferat(seedDokument(SEED_001_MOEDE), 'text', 'intern'))).toBe(fraPunkt1(seed));
  });

  it('is seed 000, but for the beslutning heading, which names the udvalg and date as seed 001 does', () => {
    const seed = readFileSync(seedFil('000_a808c7298292bb96.txt'), 'utf8');
    const ud = renderReferat(seedDokument(SEED_000_MOEDE), 'text', 'intern');

    const somSeed = ud.replaceAll('\nBeslutning Innovation og velfærd (§17, stk.4) den 21-11-2016\n', '\nBeslutning\n');
    expect(fraPunkt1(somSeed)).toBe(fraPunkt1(seed));
  });
});
