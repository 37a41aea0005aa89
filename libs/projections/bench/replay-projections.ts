/**
 * Read models shaped like the real ones (sager, møder, a per-udvalg overview),
 * for measuring replay speed before the domain libraries exist.
 */
import type { JsonObject, LoggedEvent } from '../../event-store/src/event-store.port';
import { defineProjection } from '../src/projection';

interface Sag {
  id: string;
  sagsnummer: string;
  titel: string;
  kle: string;
  udvalg: string;
  status: string;
  revision: number;
  beslutninger: JsonObject[];
}

interface Moede {
  id: string;
  udvalg: string;
  start: string;
  status: string;
  punkter: string[];
}

type Overview = Record<string, number>;

const id = (event: LoggedEvent) => event.streamName.slice(event.streamName.indexOf('-') + 1);
const text = (event: LoggedEvent, field: string) => String(event.data[field]);

export const sager = defineProjection<Sag>({
  name: 'sager',
  version: 1,
  filter: { streamPrefixes: ['sag-'] },
  documentIds: (event) => [id(event)],
  evolve(sag, event) {
    if (event.type === 'SagOprettet') {
      const [sagsnummer, titel, kle, udvalg] = ['sagsnummer', 'titel', 'kle', 'udvalg'].map((f) => text(event, f));
      return { id: id(event), sagsnummer, titel, kle, udvalg, status: 'oprettet', revision: 0, beslutninger: [] };
    }
    if (!sag) return sag;
    const revision = event.revision;
    if (event.type === 'BeslutningTruffet') {
      return { ...sag, revision, status: text(event, 'udfald'), beslutninger: [...sag.beslutninger, event.data] };
    }
    if (event.type === 'IndstillingGivet') return { ...sag, revision, status: 'indstillet' };
    return { ...sag, revision };
  },
  columns: {
    sagsnummer: (sag) => sag.sagsnummer,
    titel: (sag) => sag.titel,
    kle: (sag) => sag.kle,
    udvalg: (sag) => sag.udvalg,
    status: (sag) => sag.status,
  },
});

export const moeder = defineProjection<Moede>({
  name: 'moeder',
  version: 1,
  filter: { streamPrefixes: ['moede-'] },
  documentIds: (event) => [id(event)],
  evolve(moede, event) {
    if (event.type === 'MoedeIndkaldt') {
      const [udvalg, start] = [text(event, 'udvalg'), text(event, 'start')];
      return { id: id(event), udvalg, start, status: 'indkaldt', punkter: [] };
    }
    if (!moede) return moede;
    if (event.type === 'PunktTilfoejet') return { ...moede, punkter: [...moede.punkter, text(event, 'sagId')] };
    if (event.type === 'MoedeLukket') return { ...moede, status: 'lukket' };
    return moede;
  },
  columns: { udvalg: (moede) => moede.udvalg, start: (moede) => moede.start, status: (moede) => moede.status },
});

/** One hot document touched by every sag event: the worst case for the per-batch cache to absorb. */
export const overview = defineProjection<Overview>({
  name: 'oversigt',
  version: 1,
  filter: { eventTypes: ['SagOprettet', 'BeslutningTruffet'] },
  documentIds: () => ['alle'],
  evolve(counts, event) {
    const key = event.type === 'SagOprettet' ? `oprettet:${text(event, 'udvalg')}` : `afgjort:${text(event, 'udfald')}`;
    return { ...counts, [key]: (counts?.[key] ?? 0) + 1 };
  },
});
