import { fold, ValidationFailed } from '@sagsgang/kernel';
import { UDFALD_TEKST, parseJournalnummer, parseSagsnummer, SagCommand, sagDecider, SagState } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, play, SHA256 } from '../src/testing/fixtures';
import { SEED_000_PUNKT_1 as P1, SEED_001_PUNKT_2 as P2 } from './seeds.fixture';

const spec = deciderSpecification(sagDecider);
const splitIndstilling = (printed: string) => {
  const [indstiller, ...clauses] = printed.split('\n\n');
  return { indstiller, atPunkter: clauses.map((clause) => clause.replace(/^\d+\. /, '')) };
};
const render = ({ indstiller, atPunkter }: { indstiller: string; atPunkter: string[] }) =>
  [indstiller, atPunkter.map((clause, index) => `${index + 1}. ${clause}`).join('\n')].join('\n\n');

describe('seed 000, punkt 1: a droeftelse decided by the one udvalg in its sagsgang', () => {
  const moede = { moedeId: 'moede-innovation-2016-11-21', udvalg: P1.udvalg };
  const indstilling = splitIndstilling(P1.indstillingSomTrykt);
  // The referat prints no sagsnummer or file details; those below are made up.
  const sagen: SagCommand[] = [
    command('OpretSag', {
      sagsnummer: '16/20611',
      titel: P1.titel,
      journalnummer: P1.journalnummer,
      sagstype: 'droeftelse',
      sagsgang: [P1.udvalg],
      ansvarligEnhed: 'By, Kultur, Miljø & Beskæftigelse',
    }),
    command('BeskrivAnledning', { tekst: P1.anledning }),
    command('SkrivSagsfremstilling', { tekst: P1.sagsfremstilling }),
    ...P1.bilag.map((titel, index) =>
      command('VedhaeftBilag', { bilagId: `bilag-${index + 1}`, titel, filnavn: `bilag-${index + 1}.pdf`, sha256: SHA256 }),
    ),
    command('GivIndstilling', indstilling),
    command('SaetPaaDagsorden', { ...moede, punktnummer: 1 }),
  ];

  it('has a journalnummer that reads as KLE emne 00.01.10, handlingsfacet A21, løbenummer 3, year 15', () => {
    expect(parseJournalnummer(P1.journalnummer)).toMatchObject({ emne: '00.01.10', handlingsfacet: 'A21', loebenummer: 3, aar: 15 });
  });

  it('keeps the indstilling so it renders exactly as printed', () => {
    const state = fold(sagDecider, play(sagen));
    expect(state.status === 'paa_dagsorden' && render(state.indstilling)).toBe(P1.indstillingSomTrykt);
  });

  it('is decided as drøftet by the udvalg with kompetence', () => {
    spec
      .given(play(sagen))
      .when(command('RegistrerBeslutning', { ...moede, moedeDato: P1.moedeDato, udfald: 'droeftet', beslutningstekst: P1.beslutning }))
      .thenState((state: SagState) => {
        expect(state).toMatchObject({
          status: 'afgjort',
          afgoerelse: { udvalg: P1.udvalg, udfald: 'droeftet', beslutningstekst: P1.beslutning },
        });
        expect(state.status === 'afgjort' && UDFALD_TEKST[state.afgoerelse.udfald]).toBe('Drøftet');
      });
  });

  it('may not be recorded as godkendt: a drøftelse is not a beslutning', () => {
    spec
      .given(play(sagen))
      .when(command('RegistrerBeslutning', { ...moede, moedeDato: P1.moedeDato, udfald: 'godkendt', beslutningstekst: P1.beslutning }))
      .thenThrows(ValidationFailed);
  });
});

describe('seed 001, punkt 2: "Status sociale investeringer", 19/18529, sent on from Direktionen', () => {
  const moede = { moedeId: 'moede-direktionen-2019-12-16', udvalg: P2.udvalg };
  // The beslutning asks for a temadrøftelse in Økonomiudvalget, so the sagsgang continues there.
  const sagen: SagCommand[] = [
    command('OpretSag', {
      sagsnummer: P2.sagsnummer,
      titel: P2.titel,
      journalnummer: '00.01.00', // made up: the referat prints no journalnummer
      sagstype: 'beslutning',
      sagsgang: ['Direktionen', 'Økonomiudvalget'],
      ansvarligEnhed: 'BYC',
    }),
    command('BeskrivAnledning', { tekst: P2.anledning }),
    command('SkrivSagsfremstilling', { tekst: P2.sagsfremstilling }),
    command('VedhaeftBilag', {
      titel: P2.bilag,
      filnavn: P2.bilag,
      medietype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }),
    command('GivIndstilling', { indstiller: 'Det indstilles,', atPunkter: [P2.indstilling.slice('Det indstilles, '.length)] }),
    command('SaetPaaDagsorden', { ...moede, punktnummer: 2 }),
  ];
  const beslutning = command('RegistrerBeslutning', {
    ...moede,
    moedeDato: P2.moedeDato,
    udfald: 'anbefalet',
    beslutningstekst: P2.beslutning,
  });

  it('has the sagsnummer of year 19, løbenummer 18529', () => {
    expect(parseSagsnummer(P2.sagsnummer)).toEqual({ aar: 19, loebenummer: 18529 });
  });

  it('keeps a single unnumbered at-clause that reads back as printed', () => {
    const state = fold(sagDecider, play(sagen));
    const indstilling = state.status === 'paa_dagsorden' ? state.indstilling : null;
    expect(`${indstilling?.indstiller} ${indstilling?.atPunkter[0]}`).toBe(P2.indstilling);
  });

  it("records Direktionen's beslutning and sends the sag on to Økonomiudvalget", () => {
    spec
      .given(play(sagen))
      .when(beslutning)
      .then([
        {
          type: 'SagOversendt',
          data: {
            sagId: beslutning.data.sagId,
            udvalg: 'Direktionen',
            moedeId: moede.moedeId,
            moedeDato: '2019-12-16',
            udfald: 'anbefalet',
            beslutningstekst: P2.beslutning,
            tilUdvalg: 'Økonomiudvalget',
            tidspunkt: beslutning.metadata.now,
          },
        },
      ]);
  });

  it('then awaits an agenda of Økonomiudvalget with its treatment by Direktionen in its history', () => {
    spec
      .given(play(sagen))
      .when(beslutning)
      .thenState((state) => {
        expect(state).toMatchObject({
          status: 'indstillet',
          afventerUdvalg: 'Økonomiudvalget',
          behandlinger: [{ udvalg: 'Direktionen', moedeDato: '2019-12-16', udfald: 'anbefalet', beslutningstekst: P2.beslutning }],
        });
      });
  });
});
