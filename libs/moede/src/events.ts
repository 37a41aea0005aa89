import { DomainEvent, everyMember } from '@sagsgang/kernel';
import { Udfald } from '@sagsgang/sag';
import { SagSnapshot } from './snapshot';
import { Afstemning, Fravaersart, Medlem } from './state';

/** Every event names its meeting and carries `tidspunkt`, the command's `now`. */
interface Base {
  moedeId: string;
  tidspunkt: string;
}

/** A punkt by number and by sag, so a reader of one event alone knows which sag it concerns. */
interface PunktRef {
  nr: number;
  sagId: string;
}

export type MoedeIndkaldt = DomainEvent<
  'MoedeIndkaldt',
  Base & { udvalg: string; start: string; sted: string; medlemmer: Medlem[]; deltagere: string[]; sekretaer: string }
>;
/** `punkter` are those still on the agenda: their sager must be withdrawn from it. */
export type MoedeAflyst = DomainEvent<'MoedeAflyst', Base & { begrundelse: string; punkter: PunktRef[] }>;

/** `udvalg` is the meeting's, so the sag can be put on this udvalg's agenda from this event alone. */
export type PunktTilfoejet = DomainEvent<
  'PunktTilfoejet',
  Base & { nr: number; udvalg: string; sag: SagSnapshot; lukket: boolean; neutralTitel: string | null; supplerende: boolean }
>;
export type PunktFlyttet = DomainEvent<'PunktFlyttet', Base & PunktRef & { tilNr: number }>;
/** Removed before sending; the punkter after it move up one. */
export type PunktFjernet = DomainEvent<'PunktFjernet', Base & PunktRef & { begrundelse: string | null }>;
/** Withdrawn after sending; it keeps its number. */
export type PunktTrukket = DomainEvent<'PunktTrukket', Base & PunktRef & { begrundelse: string | null }>;
export type PunktMarkeret = DomainEvent<'PunktMarkeret', Base & PunktRef & { lukket: boolean; neutralTitel: string | null }>;
/** `punkter` is the agenda as sent; from here on the numbers never change. */
export type DagsordenUdsendt = DomainEvent<'DagsordenUdsendt', Base & { punkter: PunktRef[] }>;
export type MoedeAabnet = DomainEvent<'MoedeAabnet', Base>;

/** `punkter: null` is fravær for the whole meeting. */
export type FravaerRegistreret = DomainEvent<'FravaerRegistreret', Base & { medlem: string; art: Fravaersart; punkter: number[] | null }>;
export type AfgangRegistreret = DomainEvent<'AfgangRegistreret', Base & { medlem: string; efterPunkt: number }>;
export type InhabilitetErklaeret = DomainEvent<'InhabilitetErklaeret', Base & PunktRef & { medlem: string; begrundelse: string }>;

/**
 * An udvalg's beslutning on one punkt. `moedeDato` is when it took effect,
 * `tidspunkt` when it was recorded; with `udvalg` and `sagId` it is all the
 * sag needs (see `beslutningTilSag`).
 */
export type BeslutningRegistreret = DomainEvent<
  'BeslutningRegistreret',
  Base &
    PunktRef & {
      udvalg: string;
      moedeDato: string;
      udfald: Udfald;
      beslutningstekst: string;
      afstemning: Afstemning | null;
    }
>;
export type ProtokoltilfoerselTilfoejet = DomainEvent<'ProtokoltilfoerselTilfoejet', Base & PunktRef & { medlem: string; tekst: string }>;
/** `underskrivere` are the members present, recorded so replay never re-derives who must approve. */
export type MoedeHaevet = DomainEvent<'MoedeHaevet', Base & { underskrivere: string[] }>;
export type ReferatUnderskrevet = DomainEvent<'ReferatUnderskrevet', Base & { medlem: string; referatSha256: string }>;
/** After the last approval: the referat is frozen, and a printed copy can be checked against the digest. */
export type ReferatGodkendt = DomainEvent<'ReferatGodkendt', Base & { referatSha256: string; underskrivere: string[] }>;
export type ReferatOffentliggjort = DomainEvent<'ReferatOffentliggjort', Base>;

export type MoedeEvent =
  | MoedeIndkaldt
  | MoedeAflyst
  | PunktTilfoejet
  | PunktFlyttet
  | PunktFjernet
  | PunktTrukket
  | PunktMarkeret
  | DagsordenUdsendt
  | MoedeAabnet
  | FravaerRegistreret
  | AfgangRegistreret
  | InhabilitetErklaeret
  | BeslutningRegistreret
  | ProtokoltilfoerselTilfoejet
  | MoedeHaevet
  | ReferatUnderskrevet
  | ReferatGodkendt
  | ReferatOffentliggjort;

export type MoedeEventType = MoedeEvent['type'];

export const MOEDE_EVENT_TYPES = everyMember<MoedeEventType>()([
  'MoedeIndkaldt',
  'MoedeAflyst',
  'PunktTilfoejet',
  'PunktFlyttet',
  'PunktFjernet',
  'PunktTrukket',
  'PunktMarkeret',
  'DagsordenUdsendt',
  'MoedeAabnet',
  'FravaerRegistreret',
  'AfgangRegistreret',
  'InhabilitetErklaeret',
  'BeslutningRegistreret',
  'ProtokoltilfoerselTilfoejet',
  'MoedeHaevet',
  'ReferatUnderskrevet',
  'ReferatGodkendt',
  'ReferatOffentliggjort',
]);

/** For the app: does a stored event's type belong to a møde stream? */
export function isMoedeEventType(type: string): type is MoedeEventType {
  return (MOEDE_EVENT_TYPES as readonly string[]).includes(type);
}
