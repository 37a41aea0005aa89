/**
 * A small reader for untrusted JSON that collects every problem with the exact
 * path of the bad entry, e.g. `workflows[1].commands.GivIndstilling.roles[0]`,
 * so a municipality can fix its file from the message alone.
 */
export class JsonReader {
  readonly problems: string[] = [];

  report(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  object(path: string, value: unknown): Record<string, unknown> | null {
    if (isObject(value)) return value;
    this.report(path, `expected an object, got ${describe(value)}`);
    return null;
  }

  array(path: string, value: unknown): unknown[] | null {
    if (Array.isArray(value)) return value;
    this.report(path, `expected a list, got ${describe(value)}`);
    return null;
  }

  /** Reports keys outside `allowed`: a typo in a key would otherwise be silently ignored. */
  onlyKeys(path: string, value: Record<string, unknown>, allowed: readonly string[], what = 'key'): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.report(`${path}.${key}`, `unknown ${what}; expected one of ${allowed.join(', ')}`);
    }
  }

  /** Reports keys in `required` that are absent. */
  requiredKeys(path: string, value: Record<string, unknown>, required: readonly string[]): void {
    for (const key of required) {
      if (!(key in value)) this.report(`${path}.${key}`, 'missing');
    }
  }

  /** A list whose entries are all from `known`, without repeats; returns the good entries. */
  listOf<T extends string>(path: string, value: unknown, known: readonly T[], what: string): T[] {
    const list = this.array(path, value) ?? [];
    return list.filter((entry, index): entry is T => {
      if (!isOneOf(entry, known)) {
        this.report(`${path}[${index}]`, `unknown ${what} ${describe(entry)}; expected one of ${known.join(', ')}`);
        return false;
      }
      if (list.indexOf(entry) < index) {
        this.report(`${path}[${index}]`, `${what} "${entry}" appears more than once`);
        return false;
      }
      return true;
    });
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isOneOf<T extends string>(value: unknown, known: readonly T[]): value is T {
  return typeof value === 'string' && (known as readonly string[]).includes(value);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  return 'an object';
}
