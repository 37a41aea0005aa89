import { FieldProblem, ValidationFailed } from '@sagsgang/kernel';

/**
 * The same small checks as libs/sag's: each yields nothing when the value is
 * fine, else the problem(s), so `validate` can report every bad field at once.
 */
export type Check = FieldProblem | FieldProblem[] | null;

export function validate(...checks: Check[]): void {
  const problems = checks.flatMap((check) => (check === null ? [] : check));
  if (problems.length > 0) throw new ValidationFailed(problems);
}

export function problem(field: string, reason: string): FieldProblem {
  return { field, reason };
}

/** Throws one problem at once: for a rule that makes the other checks meaningless. */
export function refuse(field: string, reason: string): never {
  throw new ValidationFailed([problem(field, reason)]);
}

export function nonEmptyText(field: string, value: unknown): Check {
  if (typeof value !== 'string') return problem(field, 'must be text');
  return value.trim() === '' ? problem(field, 'must not be empty') : null;
}

export function optionalText(field: string, value: unknown): Check {
  return value === null ? null : nonEmptyText(field, value);
}

export function bool(field: string, value: unknown): Check {
  return typeof value === 'boolean' ? null : problem(field, 'must be true or false');
}

/** A list of non-empty texts, each problem naming its index; `min` is the least length allowed. */
export function textList(field: string, values: unknown, min: number, what: string): Check {
  if (!Array.isArray(values)) return problem(field, 'must be a list');
  if (values.length < min) return problem(field, `must hold at least ${min} ${what}`);
  return values.flatMap((value, index) => nonEmptyText(`${field}[${index}]`, value) ?? []);
}

export function positiveInteger(field: string, value: unknown): Check {
  return Number.isInteger(value) && (value as number) > 0 ? null : problem(field, 'must be a positive whole number');
}

export function noDuplicates(field: string, values: readonly string[]): Check {
  return values.flatMap((value, index) =>
    values.indexOf(value) < index ? [problem(`${field}[${index}]`, `"${value}" appears more than once`)] : [],
  );
}

/** The digest of the rendered referat: one spelling, so equal texts compare equal. */
export function sha256Check(field: string, value: unknown): Check {
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value) ? null : problem(field, 'must be 64 hexadecimal characters');
}

/**
 * A meeting's start, with its UTC offset: without one the time is ambiguous,
 * and the meeting date (the date written, in local time) could not be read off.
 */
export function isoTimestamp(field: string, value: unknown): Check {
  const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value === 'string' && pattern.test(value) && !Number.isNaN(Date.parse(value))) return null;
  return problem(field, 'must be an ISO 8601 timestamp with its offset, e.g. 2019-12-16T09:00:00+01:00');
}
