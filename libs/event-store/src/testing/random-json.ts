import { Json, JsonObject } from '../event-store.port';

/** A small deterministic generator (mulberry32), so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['a', 'b', 'B', '_', '', '0', '1', '10', '9', '01', 'æ', 'ø', 'å', 'é', '🙂', 'key with space', 'prevHash', 'hash', 'type'];
const STRINGS = ['', 'x', 'Børn og unge: æøå ÆØÅ § 17', '“citat”', '🙂', '"quoted"', 'back\\slash', 'line\nbreak', '\u0000', '\u2028'];
const NUMBERS = [0, -0, 1, -1, 1.5, 0.1 + 0.2, 1e21, 1e-7, 123456789012, -(2 ** 53), 2 ** 70];

/** JSON values of every kind, for comparing serialisers (test support). */
export function randomJson(random: () => number, depth: number): Json {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const kind = Math.floor(random() * (depth > 0 ? 7 : 5));
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return pick(NUMBERS);
    case 3:
      return random() < 0.5 ? pick(STRINGS) : random().toString(36);
    case 4:
      return Math.floor(random() * 1e6) / 100;
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomJson(random, depth - 1));
    default:
      return randomObject(random, depth - 1);
  }
}

export function randomObject(random: () => number, depth: number): JsonObject {
  const object: JsonObject = {};
  const size = Math.floor(random() * 6);
  for (let i = 0; i < size; i++) object[KEYS[Math.floor(random() * KEYS.length)]] = randomJson(random, depth);
  return object;
}
