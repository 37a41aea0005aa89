import { FieldProblem, ValidationFailed } from '@sagsgang/kernel';

/** A check yields nothing when the value is fine, else the problem(s). */
export type Check = FieldProblem | FieldProblem[] | null;

/** Runs every check so the caller hears about all bad fields at once. */
export function validate(...checks: Check[]): void {
  const problems = checks.flatMap((check) => (check === null ? [] : check));
  if (problems.length > 0) throw new ValidationFailed(problems);
}

export function problem(field: string, reason: string): FieldProblem {
  return { field, reason };
}

export function nonEmptyText(field: string, value: unknown): Check {
  if (typeof value !== 'string') return problem(field, 'must be text');
  return value.trim() === '' ? problem(field, 'must not be empty') : null;
}

export function optionalText(field: string, value: unknown): Check {
  return value === null ? null : nonEmptyText(field, value);
}

/** A non-empty list of non-empty texts, each problem naming its index. */
export function textList(field: string, values: unknown, what: string): Check {
  if (!Array.isArray(values) || values.length === 0) return problem(field, `must hold at least one ${what}`);
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
