import { FieldProblem, ValidationFailed } from '@sagsgang/kernel';

/** A sagsnummer `YY/løbenummer`, e.g. `19/18529`: løbenummer is unique within the year. */
export interface Sagsnummer {
  aar: number;
  loebenummer: number;
}

const SAGSNUMMER = /^(\d{2})\/([1-9]\d*)$/;

export function formatSagsnummer(yearTwoDigits: number, loebenummer: number): string {
  if (!Number.isInteger(yearTwoDigits) || yearTwoDigits < 0 || yearTwoDigits > 99) {
    throw new RangeError(`year must be an integer 0–99, got ${yearTwoDigits}`);
  }
  if (!Number.isInteger(loebenummer) || loebenummer < 1) {
    throw new RangeError(`løbenummer must be a positive integer, got ${loebenummer}`);
  }
  return `${String(yearTwoDigits).padStart(2, '0')}/${loebenummer}`;
}

export function sagsnummerProblem(value: string): FieldProblem | null {
  return SAGSNUMMER.test(value)
    ? null
    : { field: 'sagsnummer', reason: `"${value}" er ikke et sagsnummer; det skal være ÅÅ/løbenummer, fx 19/18529` };
}

export function parseSagsnummer(value: string): Sagsnummer {
  const problem = sagsnummerProblem(value);
  if (problem) throw new ValidationFailed([problem]);
  const [aar, loebenummer] = value.split('/');
  return { aar: Number(aar), loebenummer: Number(loebenummer) };
}

/**
 * The two-digit year a sagsnummer allocated at `nowIso` belongs to. The year is
 * read from the timestamp as written, not converted to UTC: a sag created at
 * 00:30 on 1 January Danish time (`…T00:30:00+01:00`) belongs to the new year.
 */
export function sagsnummerYear(nowIso: string): number {
  const match = /^(\d{4})-\d{2}-\d{2}/.exec(nowIso);
  if (!match) throw new RangeError(`not an ISO timestamp: "${nowIso}"`);
  return Number(match[1]) % 100;
}
