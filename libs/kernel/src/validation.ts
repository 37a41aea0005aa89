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
  if (typeof value !== 'string') return problem(field, 'skal være tekst');
  return value.trim() === '' ? problem(field, 'må ikke være tom') : null;
}

export function optionalText(field: string, value: unknown): Check {
  return value === null ? null : nonEmptyText(field, value);
}

export function bool(field: string, value: unknown): Check {
  return typeof value === 'boolean' ? null : problem(field, 'skal være true eller false');
}

/** A list of at least `min` non-empty texts, each problem naming its index; `what` names the entries in plural, e.g. "udvalg". */
export function textList(field: string, values: unknown, what: string, min = 1): Check {
  if (!Array.isArray(values)) return problem(field, `skal være en liste af ${what}`);
  if (values.length < min) return problem(field, min === 1 ? 'må ikke være en tom liste' : `skal indeholde mindst ${min} ${what}`);
  return values.flatMap((value, index) => nonEmptyText(`${field}[${index}]`, value) ?? []);
}

export function positiveInteger(field: string, value: unknown): Check {
  return Number.isInteger(value) && (value as number) > 0 ? null : problem(field, 'skal være et positivt heltal');
}

export function nonNegativeInteger(field: string, value: unknown): Check {
  return Number.isInteger(value) && (value as number) >= 0 ? null : problem(field, 'skal være et heltal ≥ 0');
}

export function matching(field: string, value: unknown, pattern: RegExp, reason: string): Check {
  return typeof value === 'string' && pattern.test(value) ? null : problem(field, reason);
}

export function noDuplicates(field: string, values: readonly string[]): Check {
  return values.flatMap((value, index) =>
    values.indexOf(value) < index ? [problem(`${field}[${index}]`, `"${value}" står der mere end én gang`)] : [],
  );
}
