import { Afstemning, deltagereIPunkt, MoedeData, Punkt, SagSnapshot, udvalgetHarKompetence } from '@sagsgang/moede';
import { Udfald } from '@sagsgang/sag';
import { Random } from './random';

/** How often each udfald is recorded: an udvalg before the last mostly recommends, the last mostly decides. */
const HYPPIGHED: Partial<Record<Udfald, number>> = {
  anbefalet: 86,
  godkendt: 72,
  godkendt_med_aendringer: 12,
  ikke_godkendt: 3,
  taget_til_efterretning: 90,
  droeftet: 90,
  udsat: 7,
  tilbagesendt: 5,
};

/** An udfald the sag's workflow allows here (the routing the snapshot carries), drawn by how common it is. */
export function trukketUdfald(random: Random, sag: SagSnapshot): Udfald {
  const kompetence = udvalgetHarKompetence(sag);
  const mulige = (Object.entries(sag.udfald) as Array<[Udfald, string]>).filter(([, routing]) =>
    kompetence ? routing !== 'naeste_udvalg' : routing !== 'afgjort',
  );
  return random.weighted(mulige.map(([udfald]) => [udfald, HYPPIGHED[udfald] ?? 1] as const));
}

/**
 * A recorded vote among the members taking part in the punkt: one or two
 * parties against, sometimes one abstaining, the rest for; a proposal that
 * is not approved falls. Null when the result could not match the udfald.
 */
export function afstemning(random: Random, moede: MoedeData, punkt: Punkt, udfald: Udfald): Afstemning | null {
  const deltagere = deltagereIPunkt(moede, punkt);
  const parti = new Map(moede.medlemmer.map(({ navn, parti }) => [navn, parti ?? '']));
  const partier = [...new Set(deltagere.map((navn) => parti.get(navn)!))].filter((p) => p !== 'A');
  const imodPartier = new Set(random.sample(partier, random.chance(0.7) ? 1 : 2));
  const rest = partier.filter((p) => !imodPartier.has(p));
  const undlodParti = random.chance(0.25) && rest.length > 0 ? random.pick(rest) : undefined;
  let afstemning: Afstemning = {
    for: deltagere.filter((navn) => !imodPartier.has(parti.get(navn)!) && parti.get(navn) !== undlodParti),
    imod: deltagere.filter((navn) => imodPartier.has(parti.get(navn)!)),
    undlod: deltagere.filter((navn) => parti.get(navn) === undlodParti),
  };
  if (udfald === 'ikke_godkendt') afstemning = { ...afstemning, for: afstemning.imod, imod: afstemning.for };
  const vedtaget = afstemning.for.length > afstemning.imod.length;
  if (vedtaget === (udfald === 'ikke_godkendt') || afstemning.for.length + afstemning.imod.length + afstemning.undlod.length === 0)
    return null;
  return afstemning;
}
