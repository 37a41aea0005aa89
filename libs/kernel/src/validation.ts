import { FieldProblem, ValidationFailed } from './domain-errors';

/**
 * Small checks for the deciders: each yields nothing when the value is fine,
 * else the problem(s), so `validate` can report every bad field at once.
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

/** A list of at least `min` non-empty texts, each problem naming its index. */
export function textList(field: string, values: unknown, what: string, min = 1): Check {
  if (!Array.isArray(values)) return problem(field, 'must be a list');
  if (values.length < min) return problem(field, `must hold at least ${min === 1 ? 'one' : min} ${what}`);
  return values.flatMap((value, index) => nonEmptyText(`${field}[${index}]`, value) ?? []);
}

export function positiveInteger(field: string, value: unknown): Check {
  return Number.isInteger(value) && (value as number) > 0 ? null : problem(field, 'must be a positive whole number');
}

export function nonNegativeInteger(field: string, value: unknown): Check {
  return Number.isInteger(value) && (value as number) >= 0 ? null : problem(field, 'must be a whole number ≥ 0');
}

export function matching(field: string, value: unknown, pattern: RegExp, reason: string): Check {
  return typeof value === 'string' && pattern.test(value) ? null : problem(field, reason);
}

export function noDuplicates(field: string, values: readonly string[]): Check {
  return values.flatMap((value, index) =>
    values.indexOf(value) < index ? [problem(`${field}[${index}]`, `"${value}" appears more than once`)] : [],
  );
}
