import { IllegalTransition, ValidationFailed } from '@sagsgang/kernel';
import { Udfald, ALLE_UDFALD, SAGSTYPER, Sagstype } from '@sagsgang/sag';
import { MoedeEvent, moedeDecider, MoedeStatus } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { beslut, command, historyIn, play } from '../src/testing/fixtures';
import { snapshot } from '../src/testing/sager';

/** The oracle: which udfald each sagstype allows (workflow politisk v1), and which only the udvalg with kompetence may record. */
const ALLOWED: Record<Sagstype, Udfald[]> = {
  beslutning: ['godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'anbefalet', 'udsat', 'tilbagesendt'],
  orientering: ['taget_til_efterretning', 'anbefalet', 'udsat', 'tilbagesendt'],
  droeftelse: ['droeftet', 'anbefalet', 'udsat', 'tilbagesendt'],
};
const AFGOERENDE: Udfald[] = ['godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'taget_til_efterretning', 'droeftet'];

const spec = deciderSpecification(moedeDecider);

/**
 * An open Direktionen meeting with one punkt per sagstype: punkter 1–3 end
 * at Direktionen (kompetence), punkter 4–6 go on to Økonomiudvalget.
 */
const SAGER = [true, false].flatMap((kompetence) =>
  SAGSTYPER.map((sagstype) => ({
    sagsnummer: `19/${kompetence ? 100 : 200}${SAGSTYPER.indexOf(sagstype)}`,
    titel: `En ${sagstype}ssag`,
    sagstype,
    sagsgang: kompetence ? ['Direktionen'] : ['Direktionen', 'Økonomiudvalget'],
  })),
);
const aabent: MoedeEvent[] = play([
  command('IndkaldMoede'),
  ...SAGER.map((sag) => command('TilfoejPunkt', { sag: snapshot(sag) })),
  command('UdsendDagsorden'),
  command('AabnMoede'),
]);
const punktFor = (sagstype: Sagstype, kompetence: boolean) => SAGSTYPER.indexOf(sagstype) + (kompetence ? 1 : 4);
const registrer = (nr: number, udfald: string) => beslut(nr, { udfald: udfald as Udfald, beslutningstekst: 'Tekst', afstemning: null });

describe('udfald per sagstype', () => {
  const cases = SAGSTYPER.flatMap((sagstype) => ALLE_UDFALD.map((udfald) => [sagstype, udfald] as const));
  /** Each udfald is tried where its routing allows it: afgørende udfald at the udvalg with kompetence. */
  const nrFor = (sagstype: Sagstype, udfald: Udfald) => punktFor(sagstype, udfald !== 'anbefalet');

  it.each(cases.filter(([sagstype, udfald]) => ALLOWED[sagstype].includes(udfald)))('a %s punkt may be decided %s', (sagstype, udfald) => {
    spec
      .given(aabent)
      .when(registrer(nrFor(sagstype, udfald), udfald))
      .thenMatches([expect.objectContaining({ type: 'BeslutningRegistreret', data: expect.objectContaining({ udfald }) })]);
  });

  it.each(cases.filter(([sagstype, udfald]) => !ALLOWED[sagstype].includes(udfald)))(
    'a %s punkt may not be decided %s',
    (sagstype, udfald) => {
      spec
        .given(aabent)
        .when(registrer(nrFor(sagstype, udfald), udfald))
        .thenThrows(ValidationFailed, (error) => {
          expect(error.problems).toEqual([
            {
              field: 'udfald',
              reason: `"${udfald}" er ikke et udfald for sagstypen ${sagstype}; tilladt: ${ALLOWED[sagstype].join(', ')}`,
            },
          ]);
        });
    },
  );

  it('refuses what is no udfald at all', () => {
    spec
      .given(aabent)
      .when(registrer(1, 'vedtaget'))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([
          { field: 'udfald', reason: `"vedtaget" er ikke et udfald; de kendte er ${ALLE_UDFALD.join(', ')}` },
        ]);
      });
  });
});

describe('routing: who may decide and who may only recommend', () => {
  it.each(SAGSTYPER)('refuses anbefalet on a %s punkt at the udvalg with kompetence: there is no next udvalg', (sagstype) => {
    spec
      .given(aabent)
      .when(registrer(punktFor(sagstype, true), 'anbefalet'))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([{ field: 'udfald', reason: expect.stringContaining('Direktionen har kompetencen i sag 19/100') }]);
      });
  });

  it.each(AFGOERENDE.map((udfald) => [udfald, SAGSTYPER.find((type) => ALLOWED[type].includes(udfald))!] as const))(
    'refuses %s at an udvalg without kompetence',
    (udfald, sagstype) => {
      spec
        .given(aabent)
        .when(registrer(punktFor(sagstype, false), udfald))
        .thenThrows(ValidationFailed, (error) => {
          expect(error.problems[0].reason).toBe(
            `Direktionen har ikke kompetencen i sag 19/200${SAGSTYPER.indexOf(sagstype)} (det har Økonomiudvalget); udvalget kan registrere ` +
              `${ALLOWED[sagstype].filter((candidate) => !AFGOERENDE.includes(candidate)).join(', ')}`,
          );
        });
    },
  );

  it.each(['udsat', 'tilbagesendt'])('allows %s at either udvalg', (udfald) => {
    const events = play([registrer(1, udfald)], aabent);
    spec
      .given(events)
      .when(registrer(4, udfald))
      .thenMatches([expect.objectContaining({ type: 'BeslutningRegistreret' })]);
  });
});

describe('one beslutning per punkt', () => {
  it('refuses a second beslutning on a decided punkt', () => {
    spec
      .given(historyIn('i_gang'))
      .when(beslut(1, { udfald: 'udsat' }))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([
          { field: 'nr', reason: 'punkt 1 har allerede en beslutning (anbefalet); en registreret beslutning kan ikke ændres' },
        ]);
      });
  });

  it('refuses an empty beslutningstekst', () => {
    spec
      .given(historyIn('i_gang'))
      .when(beslut(2, { beslutningstekst: ' ' }))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([{ field: 'beslutningstekst', reason: 'må ikke være tom' }]);
      });
  });

  it('keeps the beslutning, its vote and when it was recorded on the punkt', () => {
    spec
      .given(historyIn('i_gang'))
      .when(beslut(2))
      .thenState((state) => {
        expect(state.status === 'i_gang' && state.punkter[1].beslutning).toEqual({
          udfald: 'taget_til_efterretning',
          beslutningstekst: expect.stringMatching(/^Taget til efterretning\./),
          afstemning: null,
          tidspunkt: '2019-12-16T09:30:00+01:00',
        });
      });
  });

  it('dates the beslutning by the meeting, not by when it was recorded', () => {
    spec
      .given(historyIn('i_gang'))
      .when(command('RegistrerBeslutning', {}, { now: '2019-12-17T08:00:00+01:00' }))
      .thenMatches([
        expect.objectContaining({ data: expect.objectContaining({ moedeDato: '2019-12-16', tidspunkt: '2019-12-17T08:00:00+01:00' }) }),
      ]);
  });
});

describe('a beslutning outside an open meeting', () => {
  it.each<MoedeStatus>(['planlagt', 'dagsorden_udsendt', 'haevet', 'referat_godkendt', 'offentliggjort', 'aflyst'])(
    'is refused in %s',
    (status) => {
      spec
        .given(historyIn(status))
        .when(beslut(2))
        .thenThrows(IllegalTransition, (error) => expect(error.currentState).toBe(status));
    },
  );
});
