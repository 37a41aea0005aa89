import { ValidationFailed } from '@sagsgang/kernel';
import { journalnummerProblems, parseJournalnummer } from '../src';

const SHAPE = 'expected HH.GG.EE-Fnn-løbenr-YY (e.g. 00.01.10-A21-3-15) or the emne alone, HH.GG.EE';

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
    expect(reasonFor('0.01.10-A21-3-15')).toBe(`emne "0.01.10" must be HH.GG.EE, three two-digit groups; ${SHAPE}`);
  });

  it('names a wrong handlingsfacet', () => {
    expect(reasonFor('00.01.10-A213-3-15')).toBe(`handlingsfacet "A213" must be a capital letter and 0–2 digits, e.g. A21; ${SHAPE}`);
  });

  it('names a handlingsfacet without its letter', () => {
    expect(reasonFor('00.01.10-21-3-15')).toMatch(/^handlingsfacet "21"/);
  });

  it('names a wrong løbenummer', () => {
    expect(reasonFor('00.01.10-A21-x-15')).toBe(`løbenummer "x" must be a positive whole number; ${SHAPE}`);
  });

  it('names a wrong år', () => {
    expect(reasonFor('00.01.10-A21-3-2015')).toBe(`år "2015" must be two digits; ${SHAPE}`);
  });

  it('names every wrong part at once', () => {
    expect(
      reasonFor('00.01.1-a21-3-2015')
        .split(' | ')
        .map((reason) => reason.split(' ')[0]),
    ).toEqual(['emne', 'handlingsfacet', 'år']);
  });

  it('explains a journalnummer with parts missing', () => {
    expect(reasonFor('00.01.10-A21-3')).toBe(`"00.01.10-A21-3" has 3 dash-separated parts; ${SHAPE}`);
  });

  it('rejects an empty value', () => {
    expect(reasonFor('')).toMatch(/^emne ""/);
  });
});
