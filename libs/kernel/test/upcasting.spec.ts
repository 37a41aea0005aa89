import { StoredData, upcasting, Upcaster } from '../src';

const renamed = (type: string, version: number, from: string, to: string): Upcaster => ({
  type,
  version,
  reads: (data) => from in data,
  upcast: ({ [from]: value, ...data }: StoredData) => ({ ...data, [to]: value }),
});

describe('upcasting a stored event to the current shape of its type', () => {
  const upcast = upcasting([
    renamed('BeslutningRegistreret', 2, 'resultat', 'udfald'),
    renamed('BeslutningRegistreret', 1, 'outcome', 'resultat'),
  ]);

  it('returns an event no upcaster reads as the very same object', () => {
    const current = { type: 'BeslutningRegistreret', data: { udfald: 'godkendt' }, position: 7 };
    const other = { type: 'MoedeAabnet', data: { outcome: 'x' } };
    expect(upcast(current)).toBe(current);
    expect(upcast(other)).toBe(other);
  });

  it('runs every step from the stored version on, in version order, keeping the rest of the event', () => {
    expect(upcast({ type: 'BeslutningRegistreret', data: { outcome: 'godkendt', nr: 1 }, position: 7 })).toEqual({
      type: 'BeslutningRegistreret',
      data: { udfald: 'godkendt', nr: 1 },
      position: 7,
    });
  });

  it('leaves the stored event as it was', () => {
    const stored = { type: 'BeslutningRegistreret', data: { outcome: 'godkendt' } };
    upcast(stored);
    expect(stored).toEqual({ type: 'BeslutningRegistreret', data: { outcome: 'godkendt' } });
  });
});
