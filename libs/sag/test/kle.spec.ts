import { ValidationFailed } from '@sagsgang/kernel';
import { journalnummerProblems, parseJournalnummer } from '../src';

const SHAPE = 'journalnummeret skal være HH.GG.EE-Fnn-løbenr-ÅÅ (fx 00.01.10-A21-3-15) eller emnet alene, HH.GG.EE';

function reasonFor(value: string): string {
  try {
    parseJournalnummer(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailed);
    const { problems } = error as ValidationFailed;
    expect(problems.every((p) => p.field === 'journalnummer')).toBe(true);
    return problems.map((p) => p.reason).join(' | ');
  }
  throw new Error(`${value} was accepted`);
}

describe('a valid KLE journalnummer', () => {
  it('is read into its parts', () => {
    expect(parseJournalnummer('00.01.10-A21-3-15')).toEqual({
      emne: '00.01.10',
      hovedgruppe: '00',
      gruppe: '01',
      emnenummer: '10',
      handlingsfacet: 'A21',
      loebenummer: 3,
      aar: 15,
    });
  });

  it('may have a handlingsfacet of a letter and no digits', () => {
    expect(parseJournalnummer('02.00.00-G-4-16').handlingsfacet).toBe('G');
  });

  it('may be the emne alone', () => {
    expect(parseJournalnummer('02.00.00')).toMatchObject({ emne: '02.00.00', handlingsfacet: null, loebenummer: null, aar: null });
  });

  it.each(['00.01.10-A21-3-15', '02.00.00-A00-4-16', '85.02.02-G01-127-19'])('accepts %s', (value) => {
    expect(journalnummerProblems(value)).toEqual([]);
  });
});

describe('an invalid KLE journalnummer', () => {
  it('names a wrong emne and shows the expected shape', () => {
    expect(reasonFor('0.01.10-A21-3-15')).toBe(`emnet "0.01.10" skal være HH.GG.EE, tre grupper af to cifre; ${SHAPE}`);
  });

  it('names a wrong handlingsfacet', () => {
    expect(reasonFor('00.01.10-A213-3-15')).toBe(`handlingsfacetten "A213" skal være et stort bogstav og 0–2 cifre, fx A21; ${SHAPE}`);
  });

  it('names a handlingsfacet without its letter', () => {
    expect(reasonFor('00.01.10-21-3-15')).toMatch(/^handlingsfacetten "21"/);
  });

  it('names a wrong løbenummer', () => {
    expect(reasonFor('00.01.10-A21-x-15')).toBe(`løbenummeret "x" skal være et positivt heltal; ${SHAPE}`);
  });

  it('names a wrong år', () => {
    expect(reasonFor('00.01.10-A21-3-2015')).toBe(`året "2015" skal være to cifre; ${SHAPE}`);
  });

  it('names every wrong part at once', () => {
    expect(
      reasonFor('00.01.1-a21-3-2015')
        .split(' | ')
        .map((reason) => reason.split(' ')[0]),
    ).toEqual(['emnet', 'handlingsfacetten', 'året']);
  });

  it('explains a journalnummer with parts missing', () => {
    expect(reasonFor('00.01.10-A21-3')).toBe(`"00.01.10-A21-3" har 3 dele adskilt af bindestreg; ${SHAPE}`);
  });

  it('rejects an empty value', () => {
    expect(reasonFor('')).toMatch(/^emnet ""/);
  });
});
