/**
 * RFC 8785 JSON canonicalisation, the `canonicalize` package's serialisation
 * step for step, with loops in place of `reduce` and template strings: the
 * chain hash of every appended event goes through it, and this form takes
 * about a quarter less time. The spec beside this file compares the two on
 * generated values, edge cases included (holes, undefined, toJSON, key order).
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new Error('NaN is not allowed');
    if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (toJSON instanceof Function) return canonicalJson(toJSON.call(value));
  if (Array.isArray(value)) return canonicalArray(value);
  return canonicalObject(value as Record<string, unknown>);
}

/** Like Array.prototype.reduce, skips holes; the comma depends on the index, as there. */
function canonicalArray(array: unknown[]): string {
  let out = '';
  for (let i = 0; i < array.length; i++) {
    if (!(i in array)) continue;
    const item = array[i];
    const comma = i === 0 ? '' : ',';
    out += comma + canonicalJson(item === undefined || typeof item === 'symbol' ? null : item);
  }
  return '[' + out + ']';
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object).sort();
  let out = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = object[key];
    if (item === undefined || typeof item === 'symbol') continue;
    const comma = out.length === 0 ? '' : ',';
    out += comma + JSON.stringify(key) + ':' + canonicalJson(item);
  }
  return '{' + out + '}';
}
