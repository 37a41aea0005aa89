import { kortDato, moedetidspunkt, opremsning, renderReferat } from '@sagsgang/referat';
import { eksempelMoede } from './eksempel';

describe('moedetidspunkt', () => {
  it('reads as in the seeds', () => {
    expect(moedetidspunkt('2016-11-21T16:30:00+01:00')).toBe('Mandag d. 21. november 2016 kl. 16:30');
  });

  it('pads the hour', () => {
    expect(moedetidspunkt('2019-12-16T09:00:00+01:00')).toBe('Mandag d. 16. december 2019 kl. 09:00');
  });

  it('shows a UTC time in Danish winter time', () => {
    expect(moedetidspunkt('2019-12-16T08:00:00Z')).toBe('Mandag d. 16. december 2019 kl. 09:00');
  });

  it('shows a UTC time in Danish summer time, across midnight', () => {
    expect(moedetidspunkt('2024-06-30T22:30:00Z')).toBe('Mandag d. 1. juli 2024 kl. 00:30');
  });

  it.each([
    ['2020-01-04T10:00:00+01:00', 'Lørdag d. 4. januar 2020 kl. 10:00'],
    ['2020-01-05T10:00:00+01:00', 'Søndag d. 5. januar 2020 kl. 10:00'],
    ['2020-01-07T10:00:00+01:00', 'Tirsdag d. 7. januar 2020 kl. 10:00'],
    ['2020-01-08T10:00:00+01:00', 'Onsdag d. 8. januar 2020 kl. 10:00'],
    ['2020-01-09T10:00:00+01:00', 'Torsdag d. 9. januar 2020 kl. 10:00'],
    ['2020-01-10T10:00:00+01:00', 'Fredag d. 10. januar 2020 kl. 10:00'],
  ])('capitalises the weekday: %s', (iso, vist) => {
    expect(moedetidspunkt(iso)).toBe(vist);
  });

  it('refuses what is not a date', () => {
    expect(() => moedetidspunkt('i morgen')).toThrow(RangeError);
  });
});

describe('kortDato', () => {
  it('turns a bare date around', () => {
    expect(kortDato('2019-12-16')).toBe('16-12-2019');
  });

  it('takes a timestamp’s Danish date', () => {
    expect(kortDato('2024-06-30T22:30:00Z')).toBe('01-07-2024');
  });

  it('dates the heading by the Danish date of the start', () => {
    const ud = renderReferat(eksempelMoede({ start: '2025-02-02T23:30:00Z' }), 'text', 'intern');

    expect(ud.startsWith('REFERAT Økonomiudvalget d. 03-02-2025\n\nMødedato Mandag d. 3. februar 2025 kl. 00:30\n')).toBe(true);
  });
});

describe('opremsning', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A og B'],
    [['A', 'B', 'C'], 'A, B og C'],
  ])('joins %j as %j', (led, vist) => {
    expect(opremsning(led)).toBe(vist);
  });
});
