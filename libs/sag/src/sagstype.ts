import { ValidationFailed } from '@sagsgang/kernel';

/**
 * The canonical sagstype is the full ASCII word; commands and events carry only
 * that. The B/O/D letters seen on printed agendas are accepted by `parseSagstype`
 * at the edge (API, import), so the domain never has two spellings of one fact.
 */
export const SAGSTYPER = ['beslutning', 'orientering', 'droeftelse'] as const;
export type Sagstype = (typeof SAGSTYPER)[number];

export const SAGSTYPE_FORKORTELSER: Readonly<Record<string, Sagstype>> = { B: 'beslutning', O: 'orientering', D: 'droeftelse' };

export function isSagstype(value: unknown): value is Sagstype {
  return typeof value === 'string' && (SAGSTYPER as readonly string[]).includes(value);
}

/** Accepts the canonical word or its letter (B/O/D, any case); returns the canonical word. */
export function parseSagstype(value: string): Sagstype {
  if (isSagstype(value)) return value;
  const fromLetter = SAGSTYPE_FORKORTELSER[value.toUpperCase()];
  if (fromLetter) return fromLetter;
  throw new ValidationFailed([
    { field: 'sagstype', reason: `"${value}" er ikke en sagstype; de kendte er ${SAGSTYPER.join(', ')} (eller B, O, D)` },
  ]);
}
