import { Check, problem } from '@sagsgang/kernel';

/** The digest of the rendered referat: one spelling, so equal texts compare equal. */
export function sha256Check(field: string, value: unknown): Check {
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value) ? null : problem(field, 'skal være 64 hexadecimale tegn');
}

/**
 * A meeting's start, with its UTC offset: without one the time is ambiguous,
 * and the meeting date (the date written, in local time) could not be read off.
 */
export function isoTimestamp(field: string, value: unknown): Check {
  const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value === 'string' && pattern.test(value) && !Number.isNaN(Date.parse(value))) return null;
  return problem(field, 'skal være et ISO 8601-tidspunkt med tidszone, fx 2019-12-16T09:00:00+01:00');
}
