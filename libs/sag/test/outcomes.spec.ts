import { ValidationFailed } from '@sagsgang/kernel';
import { Outcome, OUTCOME_LABELS, OUTCOMES, parseSagstype, SAGSTYPER, Sagstype, sagDecider } from '../src';
import { deciderSpecification } from '../src/testing/decider-specification';
import { command, MOEDER, onAgendaOf } from '../src/testing/fixtures';

/** The oracle: which outcomes each sagstype allows, and the event each one leads to. */
const ALLOWED: Record<Sagstype, Outcome[]> = {
  beslutning: ['godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'anbefalet', 'udsat', 'tilbagesendt'],
  orientering: ['taget_til_efterretning', 'anbefalet', 'udsat', 'tilbagesendt'],
  droeftelse: ['droeftet', 'anbefalet', 'udsat', 'tilbagesendt'],
};
const EVENT: Record<Outcome, string> = {
  godkendt: 'SagAfgjort',
  godkendt_med_aendringer: 'SagAfgjort',
  ikke_godkendt: 'SagAfgjort',
  taget_til_efterretning: 'SagAfgjort',
  droeftet: 'SagAfgjort',
  anbefalet: 'SagOversendt',
  udsat: 'SagUdsat',
  tilbagesendt: 'SagTilbagesendt',
};

const spec = deciderSpecification(sagDecider);
/** Routing outcomes are tried at the first udvalg, decisions at the one with kompetence. */
const udvalgFor = (outcome: Outcome) => (EVENT[outcome] === 'SagAfgjort' ? 'Byrådet' : 'Direktionen');
const registrer = (udvalg: string, outcome: string) =>
  command('RegistrerBeslutning', { udvalg, ...MOEDER[udvalg], outcome: outcome as Outcome, beslutningstekst: 'Tekst' });

describe('outcomes per sagstype', () => {
  const cases = SAGSTYPER.flatMap((sagstype) => OUTCOMES.map((outcome) => [sagstype, outcome] as const));
  const allowed = cases.filter(([sagstype, outcome]) => ALLOWED[sagstype].includes(outcome));
  const disallowed = cases.filter(([sagstype, outcome]) => !ALLOWED[sagstype].includes(outcome));

  it.each(allowed)('a %s sag may be recorded as %s', (sagstype, outcome) => {
    const udvalg = udvalgFor(outcome);
    spec
      .given(onAgendaOf(udvalg, { sagstype }))
      .when(registrer(udvalg, outcome))
      .thenMatches([expect.objectContaining({ type: EVENT[outcome], data: expect.objectContaining({ outcome }) })]);
  });

  it.each(disallowed)('a %s sag may not be recorded as %s', (sagstype, outcome) => {
    const udvalg = udvalgFor(outcome);
    spec
      .given(onAgendaOf(udvalg, { sagstype }))
      .when(registrer(udvalg, outcome))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([
          { field: 'outcome', reason: `"${outcome}" is not an outcome for sagstype ${sagstype}; allowed: ${ALLOWED[sagstype].join(', ')}` },
        ]);
      });
  });

  it('rejects an outcome nobody knows', () => {
    spec
      .given(onAgendaOf('Byrådet'))
      .when(registrer('Byrådet', 'vedtaget'))
      .thenThrows(ValidationFailed, (error) =>
        expect(error.problems[0].reason).toMatch(/^"vedtaget" is not an outcome; known: godkendt, /),
      );
  });
});

describe('outcome labels', () => {
  it.each([
    ['godkendt_med_aendringer', 'Godkendt med ændringer'],
    ['taget_til_efterretning', 'Taget til efterretning'],
    ['droeftet', 'Drøftet'],
    ['ikke_godkendt', 'Ikke godkendt'],
  ] as const)('shows %s as "%s"', (outcome, label) => {
    expect(OUTCOME_LABELS[outcome]).toBe(label);
  });
});

describe('sagstype', () => {
  it.each([
    ['B', 'beslutning'],
    ['o', 'orientering'],
    ['D', 'droeftelse'],
    ['droeftelse', 'droeftelse'],
  ] as const)('reads %s as %s', (input, sagstype) => {
    expect(parseSagstype(input)).toBe(sagstype);
  });

  it('rejects anything else, naming the accepted forms', () => {
    expect(() => parseSagstype('drøftelse')).toThrow(
      '"drøftelse" is not a sagstype; expected beslutning, orientering, droeftelse (or B, O, D)',
    );
  });

  it('is stored only in its canonical form: a letter in OpretSag is rejected', () => {
    spec
      .given([])
      .when(command('OpretSag', { sagstype: 'B' as Sagstype }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems[0].field).toBe('sagstype'));
  });
});
