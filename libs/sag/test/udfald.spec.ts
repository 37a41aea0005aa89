import { ValidationFailed } from '@sagsgang/kernel';
import { Udfald, UDFALD_TEKST, ALLE_UDFALD, parseSagstype, SAGSTYPER, Sagstype, sagDecider } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, MOEDER, onAgendaOf } from '../src/testing/fixtures';

/** The oracle: which udfald each sagstype allows, and the event each one leads to. */
const ALLOWED: Record<Sagstype, Udfald[]> = {
  beslutning: ['godkendt', 'godkendt_med_aendringer', 'ikke_godkendt', 'anbefalet', 'udsat', 'tilbagesendt'],
  orientering: ['taget_til_efterretning', 'anbefalet', 'udsat', 'tilbagesendt'],
  droeftelse: ['droeftet', 'anbefalet', 'udsat', 'tilbagesendt'],
};
const EVENT: Record<Udfald, string> = {
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
/** Routing udfald are tried at the first udvalg, decisions at the one with kompetence. */
const udvalgFor = (udfald: Udfald) => (EVENT[udfald] === 'SagAfgjort' ? 'Byrådet' : 'Direktionen');
const registrer = (udvalg: string, udfald: string) =>
  command('RegistrerBeslutning', { udvalg, ...MOEDER[udvalg], udfald: udfald as Udfald, beslutningstekst: 'Tekst' });

describe('udfald per sagstype', () => {
  const cases = SAGSTYPER.flatMap((sagstype) => ALLE_UDFALD.map((udfald) => [sagstype, udfald] as const));
  const allowed = cases.filter(([sagstype, udfald]) => ALLOWED[sagstype].includes(udfald));
  const disallowed = cases.filter(([sagstype, udfald]) => !ALLOWED[sagstype].includes(udfald));

  it.each(allowed)('a %s sag may be recorded as %s', (sagstype, udfald) => {
    const udvalg = udvalgFor(udfald);
    spec
      .given(onAgendaOf(udvalg, { sagstype }))
      .when(registrer(udvalg, udfald))
      .thenMatches([expect.objectContaining({ type: EVENT[udfald], data: expect.objectContaining({ udfald }) })]);
  });

  it.each(disallowed)('a %s sag may not be recorded as %s', (sagstype, udfald) => {
    const udvalg = udvalgFor(udfald);
    spec
      .given(onAgendaOf(udvalg, { sagstype }))
      .when(registrer(udvalg, udfald))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([
          { field: 'udfald', reason: `"${udfald}" er ikke et udfald for sagstypen ${sagstype}; tilladt: ${ALLOWED[sagstype].join(', ')}` },
        ]);
      });
  });

  it('rejects an udfald nobody knows', () => {
    spec
      .given(onAgendaOf('Byrådet'))
      .when(registrer('Byrådet', 'vedtaget'))
      .thenThrows(ValidationFailed, (error) =>
        expect(error.problems[0].reason).toMatch(/^"vedtaget" er ikke et udfald; de kendte er godkendt, /),
      );
  });
});

describe('udfald labels', () => {
  it.each([
    ['godkendt_med_aendringer', 'Godkendt med ændringer'],
    ['taget_til_efterretning', 'Taget til efterretning'],
    ['droeftet', 'Drøftet'],
    ['ikke_godkendt', 'Ikke godkendt'],
  ] as const)('shows %s as "%s"', (udfald, label) => {
    expect(UDFALD_TEKST[udfald]).toBe(label);
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
      '"drøftelse" er ikke en sagstype; de kendte er beslutning, orientering, droeftelse (eller B, O, D)',
    );
  });

  it('is stored only in its canonical form: a letter in OpretSag is rejected', () => {
    spec
      .given([])
      .when(command('OpretSag', { sagstype: 'B' as Sagstype }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems[0].field).toBe('sagstype'));
  });
});
