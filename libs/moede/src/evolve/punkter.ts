import { PunktTilfoejet } from '../events';
import { MoedeData, Punkt } from '../state';

/** Changes to the agenda; each returns a new list and leaves the old one alone. */

export function nytPunkt({ data }: PunktTilfoejet): Punkt {
  const { nr, sag, lukket, neutralTitel, supplerende } = data;
  return {
    nr,
    sag,
    lukket,
    neutralTitel,
    supplerende,
    trukket: null,
    beslutning: null,
    inhabilitet: [],
    fravaer: [],
    protokoltilfoersler: [],
  };
}

/** Only before sending, when the punkter are exactly 1..n: the numbers follow the order. */
export function flyttet(punkter: Punkt[], nr: number, tilNr: number): Punkt[] {
  const flyttes = punkter.find((punkt) => punkt.nr === nr);
  if (!flyttes) throw new Error(`PunktFlyttet names punkt ${nr}, which is not on the agenda`);
  const oevrige = punkter.filter((punkt) => punkt !== flyttes);
  return nummereret([...oevrige.slice(0, tilNr - 1), flyttes, ...oevrige.slice(tilNr - 1)]);
}

export function fjernet(punkter: Punkt[], nr: number): Punkt[] {
  return nummereret(punkter.filter((punkt) => punkt.nr !== nr));
}

function nummereret(punkter: Punkt[]): Punkt[] {
  return punkter.map((punkt, index) => (punkt.nr === index + 1 ? punkt : { ...punkt, nr: index + 1 }));
}

/** The meeting with punkt `nr` replaced by `update(punkt)`. */
export function medPunkt<M extends MoedeData>(moede: M, nr: number, update: (punkt: Punkt) => Punkt): M {
  if (!moede.punkter.some((punkt) => punkt.nr === nr)) throw new Error(`an event names punkt ${nr}, which is not on the agenda`);
  return { ...moede, punkter: moede.punkter.map((punkt) => (punkt.nr === nr ? update(punkt) : punkt)) };
}
