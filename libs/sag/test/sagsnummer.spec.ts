import { ValidationFailed } from '@sagsgang/kernel';
import { formatSagsnummer, parseSagsnummer, sagsnummerYear, sagStreamName } from '../src';

describe('sagsnummer', () => {
  it('is formatted as YY/løbenummer', () => {
    expect(formatSagsnummer(19, 18529)).toBe('19/18529');
  });

  it('keeps the leading zero of the year', () => {
    expect(formatSagsnummer(5, 12)).toBe('05/12');
  });

  it('refuses a year that is not two digits', () => {
    expect(() => formatSagsnummer(2019, 1)).toThrow(RangeError);
  });

  it('refuses a løbenummer below 1', () => {
    expect(() => formatSagsnummer(19, 0)).toThrow(RangeError);
  });

  it('is parsed into year and løbenummer', () => {
    expect(parseSagsnummer('19/18529')).toEqual({ aar: 19, loebenummer: 18529 });
  });

  it.each(['2019/18529', '19-18529', '19/', '19/018529', ''])('rejects %p as a ValidationFailed on sagsnummer', (value) => {
    expect(() => parseSagsnummer(value)).toThrow(ValidationFailed);
  });

  it('takes its year from the timestamp as written', () => {
    expect(sagsnummerYear('2019-12-16T09:00:00+01:00')).toBe(19);
  });

  it('puts a sag made just after a Danish new year in the new year', () => {
    expect(sagsnummerYear('2020-01-01T00:30:00+01:00')).toBe(20);
  });

  it('refuses something that is not a timestamp', () => {
    expect(() => sagsnummerYear('16-12-2019')).toThrow(RangeError);
  });
});

describe('stream name', () => {
  it('is sag-<id>', () => {
    expect(sagStreamName('4d1c9a52')).toBe('sag-4d1c9a52');
  });
});
