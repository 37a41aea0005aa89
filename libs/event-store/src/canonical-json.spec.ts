import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';
import { randomJson, seededRandom } from './testing/random-json';

describe('canonicalJson', () => {
  it('gives the canonicalize package’s text for generated JSON values', () => {
    const random = seededRandom(20250106);
    for (let i = 0; i < 2_000; i++) {
      const value = randomJson(random, 4);
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }
  });

  it.each<[string, unknown]>([
    ['integer-like keys, sorted as strings', { '10': 1, '9': 2, b: 3, a: 4, A: 5, '': 6 }],
    ['keys outside the basic plane', { '🙂': 1, ﬀ: 2, z: 3, æ: 4, ø: 5, å: 6 }],
    ['undefined and symbol members', { a: undefined, b: Symbol('x'), c: [undefined, Symbol('y'), 1] }],
    ['holes in arrays', [, 1, , 2]], // eslint-disable-line no-sparse-arrays
    ['toJSON', { when: new Date(Date.UTC(2025, 0, 6)), custom: { toJSON: () => ({ b: 1, a: 2 }) } }],
    ['numbers', [0, -0, 1e21, 1e-7, 0.1 + 0.2, -5.5, Number.MAX_SAFE_INTEGER, 2 ** 70]],
    ['strings needing escapes', ['"', '\\', '\n', '\u0000', '\u2028', '\ud800', 'æøå']],
    ['empty containers', { a: {}, b: [], c: [{}], d: [[]] }],
    ['null-prototype objects', Object.assign(Object.create(null), { b: 1, a: 2 })],
    ['a function member', { f: () => 1, a: 1 }],
  ])('matches canonicalize for %s', (_name, value) => {
    expect(canonicalJson(value)).toBe(canonicalize(value));
  });

  it('refuses NaN and Infinity, as canonicalize does', () => {
    expect(() => canonicalJson({ a: NaN })).toThrow('NaN is not allowed');
    expect(() => canonicalJson([Infinity])).toThrow('Infinity is not allowed');
  });
});
