import { fold } from '@sagsgang/kernel';
import { POLITISK_V1, sagDecider, SagState, WorkflowDefinition } from '@sagsgang/sag';
import { afventendeUdvalg, sagSnapshot, udvalgetHarKompetence } from '../src';
import { indstilletSag, sagIdFor, SEED_001_SAGER } from '../src/testing/sager';

/** The snapshot the app passes in TilfoejPunkt, built from the sag it loaded. */
const { socialeInvesteringer } = SEED_001_SAGER;
const sag = (): Exclude<SagState, { status: 'ny' }> => {
  const state = fold(sagDecider, indstilletSag(socialeInvesteringer));
  if (state.status === 'ny') throw new Error('expected a sag');
  return state;
};

describe('sagSnapshot', () => {
  it('copies what the agenda and the rules for a beslutning need', () => {
    expect(sagSnapshot(sag(), POLITISK_V1)).toEqual({
      sagId: sagIdFor('19/18529'),
      sagsnummer: '19/18529',
      titel: 'Status sociale investeringer - dec 2019',
      journalnummer: '00.01.00',
      sagstype: 'beslutning',
      status: 'indstillet',
      harIndstilling: true,
      sagsgang: ['Direktionen', 'Økonomiudvalget'],
      trin: 0,
      workflow: { name: 'politisk', version: 1 },
      udfald: {
        godkendt: 'afgjort',
        godkendt_med_aendringer: 'afgjort',
        ikke_godkendt: 'afgjort',
        anbefalet: 'naeste_udvalg',
        udsat: 'samme_udvalg',
        tilbagesendt: 'administration',
      },
    });
  });

  it('names the udvalg the sag awaits and whether it holds kompetence', () => {
    const snapshot = sagSnapshot(sag(), POLITISK_V1);
    expect([afventendeUdvalg(snapshot), udvalgetHarKompetence(snapshot)]).toEqual(['Direktionen', false]);
  });

  it('refuses a workflow other than the one the sag was created under: a bug in the app', () => {
    const other: WorkflowDefinition = { ...POLITISK_V1, version: 2 };
    expect(() => sagSnapshot(sag(), other)).toThrow('follows workflow politisk version 1, but was given politisk version 2');
  });

  it('shares no list with the sag', () => {
    const state = sag();
    expect(sagSnapshot(state, POLITISK_V1).sagsgang).not.toBe(state.sagsgang);
  });
});
