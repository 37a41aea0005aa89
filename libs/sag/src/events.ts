import { DomainEvent, everyMember } from '@sagsgang/kernel';
import { Udfald } from './udfald';
import { Sagstype } from './sagstype';
import { WorkflowRef } from './state';

/** Every event names its sag and carries `tidspunkt`, the command's `now`. */
interface Base {
  sagId: string;
  tidspunkt: string;
}

export type SagOprettet = DomainEvent<
  'SagOprettet',
  Base & {
    sagsnummer: string;
    titel: string;
    journalnummer: string;
    sagstype: Sagstype;
    sagsgang: string[];
    ansvarligEnhed: string;
    workflow: WorkflowRef;
  }
>;
export type AnledningBeskrevet = DomainEvent<'AnledningBeskrevet', Base & { tekst: string }>;
export type SagsfremstillingSkrevet = DomainEvent<'SagsfremstillingSkrevet', Base & { version: number; tekst: string }>;
/** The file itself lives elsewhere; the event pins it by size and sha256. */
export type BilagVedhaeftet = DomainEvent<
  'BilagVedhaeftet',
  Base & { bilagId: string; titel: string; filnavn: string; medietype: string; stoerrelse: number; sha256: string }
>;
type IndstillingData = Base & { version: number; indstiller: string; atPunkter: string[] };
export type IndstillingGivet = DomainEvent<'IndstillingGivet', IndstillingData>;
export type IndstillingRevideret = DomainEvent<'IndstillingRevideret', IndstillingData>;
export type SagHenlagt = DomainEvent<'SagHenlagt', Base & { begrundelse: string }>;
export type SagAfsluttet = DomainEvent<'SagAfsluttet', Base>;
/** `trin` is where the sag resumes in its sagsgang, recorded so replay never re-derives it. */
export type SagGenoptaget = DomainEvent<'SagGenoptaget', Base & { begrundelse: string; trin: number }>;

export type SagSatPaaDagsorden = DomainEvent<'SagSatPaaDagsorden', Base & { moedeId: string; udvalg: string; punktnummer: number }>;
export type SagTrukketFraDagsorden = DomainEvent<
  'SagTrukketFraDagsorden',
  Base & { moedeId: string; udvalg: string; begrundelse: string | null }
>;

/**
 * An udvalg's treatment at a meeting. `moedeDato` is when it took effect,
 * `tidspunkt` when it was recorded. The event type says where the sag went.
 */
export type Behandlingsdata = Base & {
  udvalg: string;
  moedeId: string;
  moedeDato: string;
  udfald: Udfald;
  beslutningstekst: string;
};
/** On to the next udvalg in the sagsgang, awaiting its agenda. */
export type SagOversendt = DomainEvent<'SagOversendt', Behandlingsdata & { tilUdvalg: string }>;
/** Awaits another agenda of the same udvalg. */
export type SagUdsat = DomainEvent<'SagUdsat', Behandlingsdata>;
/** Back to the administration for a new indstilling. */
export type SagTilbagesendt = DomainEvent<'SagTilbagesendt', Behandlingsdata>;
/** Decided by the udvalg with kompetence. */
export type SagAfgjort = DomainEvent<'SagAfgjort', Behandlingsdata>;

export type SagEvent =
  | SagOprettet
  | AnledningBeskrevet
  | SagsfremstillingSkrevet
  | BilagVedhaeftet
  | IndstillingGivet
  | IndstillingRevideret
  | SagHenlagt
  | SagAfsluttet
  | SagGenoptaget
  | SagSatPaaDagsorden
  | SagTrukketFraDagsorden
  | SagOversendt
  | SagUdsat
  | SagTilbagesendt
  | SagAfgjort;

export type SagEventType = SagEvent['type'];

export const SAG_EVENT_TYPES = everyMember<SagEventType>()([
  'SagOprettet',
  'AnledningBeskrevet',
  'SagsfremstillingSkrevet',
  'BilagVedhaeftet',
  'IndstillingGivet',
  'IndstillingRevideret',
  'SagHenlagt',
  'SagAfsluttet',
  'SagGenoptaget',
  'SagSatPaaDagsorden',
  'SagTrukketFraDagsorden',
  'SagOversendt',
  'SagUdsat',
  'SagTilbagesendt',
  'SagAfgjort',
]);

/** For the app: does a stored event's type belong to a sag stream? */
export function isSagEventType(type: string): type is SagEventType {
  return (SAG_EVENT_TYPES as readonly string[]).includes(type);
}
