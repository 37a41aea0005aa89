import { fold, ValidationFailed } from '@sagsgang/kernel';
import { medlemMedParti, MoedeCommand, moedeDecider, MoedeEvent } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, DIREKTIONEN, historyIn, play } from '../src/testing/fixtures';

/** What a meeting must be called with. */
const spec = deciderSpecification(moedeDecider);
const refused = (history: MoedeEvent[], next: MoedeCommand, problems: unknown) =>
  spec
    .given(history)
    .when(next)
    .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual(problems));
const indkald = (data: Parameters<typeof command<'IndkaldMoede'>>[1]) => command('IndkaldMoede', data);

describe('calling a meeting', () => {
  it('keeps members with their party, as the referat prints them', () => {
    const medlemmer = [
      { navn: 'Helge Bo Jensen', parti: 'Ø' },
      { navn: 'Steen Christiansen', parti: null },
    ];
    spec
      .given([])
      .when(indkald({ medlemmer }))
      .thenState((state) => {
        expect(state.status === 'planlagt' && state.medlemmer.map(medlemMedParti)).toEqual(['Helge Bo Jensen (Ø)', 'Steen Christiansen']);
      });
  });

  it('stores an omitted party as null: one spelling of "no party"', () => {
    const medlemmer = [{ navn: 'Lars Holte' }] as { navn: string; parti: string | null }[];
    spec
      .given([])
      .when(indkald({ medlemmer }))
      .thenMatches([expect.objectContaining({ data: expect.objectContaining({ medlemmer: [{ navn: 'Lars Holte', parti: null }] }) })]);
  });

  it('starts the meeting planlagt with an empty agenda and nobody absent', () => {
    expect(fold(moedeDecider, historyIn('planlagt').slice(0, 1))).toMatchObject({
      status: 'planlagt',
      ...DIREKTIONEN,
      punkter: [],
      fravaer: [],
      afgange: [],
      indkaldt: '2019-12-16T09:30:00+01:00',
    });
  });

  it('refuses a start without its UTC offset: the meeting date would be ambiguous', () => {
    refused([], indkald({ start: '2019-12-16T09:00:00' }), [
      { field: 'start', reason: 'skal være et ISO 8601-tidspunkt med tidszone, fx 2019-12-16T09:00:00+01:00' },
    ]);
  });

  it('refuses a start that is no date', () => {
    refused([], indkald({ start: '2019-13-45T09:00:00+01:00' }), [
      { field: 'start', reason: 'skal være et ISO 8601-tidspunkt med tidszone, fx 2019-12-16T09:00:00+01:00' },
    ]);
  });

  it('refuses a meeting without members', () => {
    refused([], indkald({ medlemmer: [] }), [{ field: 'medlemmer', reason: 'skal indeholde mindst ét medlem' }]);
  });

  it('refuses two members of the same name: later commands name members by name', () => {
    const medlemmer = [...DIREKTIONEN.medlemmer, { navn: 'Lars Holte', parti: null }];
    refused([], indkald({ medlemmer }), [{ field: 'medlemmer[4]', reason: '"Lars Holte" står der mere end én gang' }]);
  });

  it('reports every bad field at once', () => {
    refused(
      [],
      indkald({
        udvalg: '',
        sted: ' ',
        medlemmer: [{ navn: '', parti: '' }],
        deltagere: ['Hans Henrik Agger (Gate 21)', ''],
        sekretaer: '',
      }),
      [
        { field: 'udvalg', reason: 'må ikke være tom' },
        { field: 'sted', reason: 'må ikke være tom' },
        { field: 'medlemmer[0].navn', reason: 'må ikke være tom' },
        { field: 'medlemmer[0].parti', reason: 'må ikke være tom' },
        { field: 'deltagere[1]', reason: 'må ikke være tom' },
        { field: 'sekretaer', reason: 'må ikke være tom' },
      ],
    );
  });
});

describe('cancelling a meeting', () => {
  it('needs a reason', () => {
    refused(historyIn('planlagt'), command('AflysMoede', { begrundelse: '' }), [{ field: 'begrundelse', reason: 'må ikke være tom' }]);
  });

  it('keeps whether the agenda had been sent', () => {
    expect(fold(moedeDecider, play([command('AflysMoede')], historyIn('planlagt')))).toMatchObject({ status: 'aflyst', udsendt: null });
  });
});
