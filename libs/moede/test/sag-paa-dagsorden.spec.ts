import { Forbidden, IllegalTransition, NotFound, ValidationFailed } from '@sagsgang/kernel';
import { moedeDecider } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { AGENDA, command, historyIn } from '../src/testing/fixtures';
import { indstilletSag, playSag, sagCommand, sagIdFor, SEED_001_SAGER, snapshot, snapshotOf } from '../src/testing/sager';

/** Only a sag the administration has finished, awaiting this udvalg, once per agenda. */
const spec = deciderSpecification(moedeDecider);
const { vaekstregnskab, madproduktion } = SEED_001_SAGER;

describe('which sag may go on the agenda', () => {
  const planlagt = historyIn('planlagt');
  const vaekstId = sagIdFor(vaekstregnskab.sagsnummer);
  const problemsFor = (sag: ReturnType<typeof snapshot>) => {
    let problems: unknown;
    spec
      .given(planlagt)
      .when(command('TilfoejPunkt', { sag }))
      .thenThrows(ValidationFailed, (error) => (problems = error.problems));
    return problems;
  };

  it('refuses a sag still under udarbejdelse: it has no indstilling', () => {
    const oprettet = playSag([
      sagCommand(
        'OpretSag',
        { ...vaekstregnskab, sagsgang: [...vaekstregnskab.sagsgang], journalnummer: '00.01.00', ansvarligEnhed: 'BYC' },
        vaekstId,
      ),
    ]);
    expect(problemsFor(snapshotOf(oprettet))).toEqual([
      {
        field: 'sag.status',
        reason: 'sag 14/26479 er under_udarbejdelse; kun en sag med en givet indstilling (indstillet) kan sættes på en dagsorden',
      },
      { field: 'sag.harIndstilling', reason: 'sag 14/26479 har ingen indstilling' },
    ]);
  });

  it('refuses a sag already on the agenda of another meeting', () => {
    const andetMoede = { moedeId: 'moede-direktionen-2019-12-09', udvalg: 'Direktionen', punktnummer: 4 };
    const paaDagsorden = playSag([sagCommand('SaetPaaDagsorden', andetMoede, vaekstId)], indstilletSag(vaekstregnskab));
    expect(problemsFor(snapshotOf(paaDagsorden))).toEqual([
      {
        field: 'sag.status',
        reason: 'sag 14/26479 er paa_dagsorden; kun en sag med en givet indstilling (indstillet) kan sættes på en dagsorden',
      },
    ]);
  });

  it('refuses a sag that awaits another udvalg', () => {
    const moede = { moedeId: 'moede-direktionen-2019-12-09', udvalg: 'Direktionen' };
    const anbefalet = playSag(
      [
        sagCommand('SaetPaaDagsorden', { ...moede, punktnummer: 4 }, vaekstId),
        sagCommand(
          'RegistrerBeslutning',
          { ...moede, moedeDato: '2019-12-09', udfald: 'anbefalet', beslutningstekst: 'Anbefales.' },
          vaekstId,
        ),
      ],
      indstilletSag(vaekstregnskab),
    );
    expect(problemsFor(snapshotOf(anbefalet))).toEqual([
      { field: 'sag.trin', reason: 'sag 14/26479 afventer en dagsorden for Økonomiudvalget, ikke for Direktionen' },
    ]);
  });

  it('refuses a sag whose snapshot says it has no indstilling', () => {
    expect(problemsFor(snapshot(vaekstregnskab, { harIndstilling: false }))).toEqual([
      { field: 'sag.harIndstilling', reason: 'sag 14/26479 har ingen indstilling' },
    ]);
  });

  it('refuses the same sag twice on one agenda', () => {
    expect(problemsFor(snapshot(AGENDA[1]))).toEqual([
      { field: 'sag.sagId', reason: 'sag 19/4767 er allerede punkt 2 på denne dagsorden' },
    ]);
  });

  it('refuses a malformed snapshot, naming each bad field', () => {
    const bad = { ...snapshot(madproduktion), sagstype: 'B', trin: 3, udfald: {} } as unknown as ReturnType<typeof snapshot>;
    expect(problemsFor(bad)).toEqual([
      { field: 'sag.sagstype', reason: 'skal være en af beslutning, orientering, droeftelse' },
      { field: 'sag.trin', reason: 'skal være indekset for et udvalg i sagsgangen' },
      { field: 'sag.udfald', reason: 'skal give mindst ét udfald med dets routing' },
    ]);
  });

  it('accepts a ready sag that awaits this udvalg', () => {
    spec
      .given(planlagt)
      .when(command('TilfoejPunkt', { sag: snapshot(madproduktion) }))
      .thenMatches([expect.objectContaining({ type: 'PunktTilfoejet', data: expect.objectContaining({ nr: 4, supplerende: false }) })]);
  });

  it("stores only the snapshot's own fields: nothing else the app sent reaches the stream", () => {
    const sag = { ...snapshot(madproduktion), indstilling: 'hele teksten', bilag: [] };
    spec
      .given(historyIn('planlagt'))
      .when(command('TilfoejPunkt', { sag }))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ sag: snapshot(madproduktion) }) })]);
  });
});

describe('a sag that does not exist (the app found no stream, so the snapshot is null)', () => {
  const ukendt = '6f1d1c3e-3b0e-4d8a-9a43-2f4b8c1e7a51';

  it('is a 404 naming the sag', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('TilfoejPunkt', { sagId: ukendt, sag: null }))
      .thenThrows(NotFound, (error) => expect([error.what, error.id]).toEqual(['sag', ukendt]));
  });

  it('is refused for the role first (403), so a caller who may not add punkter learns nothing about the sag', () => {
    spec
      .given(historyIn('planlagt'))
      .when(command('TilfoejPunkt', { sagId: ukendt, sag: null }, { role: 'sagsbehandler' }))
      .thenThrows(Forbidden);
  });

  it("is refused for the meeting's state before the sag is looked at (409)", () => {
    spec
      .given(historyIn('i_gang'))
      .when(command('TilfoejPunkt', { sagId: ukendt, sag: null }))
      .thenThrows(IllegalTransition);
  });
});
