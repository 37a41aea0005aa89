import { FjernPunkt, FlytPunkt, MarkerPunkt, TilfoejPunkt, UdsendDagsorden } from '../commands';
import { DagsordenUdsendt, PunktFjernet, PunktFlyttet, PunktMarkeret, PunktTilfoejet, PunktTrukket } from '../events';
import { afventendeUdvalg, copySnapshot, SagSnapshot } from '../snapshot';
import { MoedeData, MoedeIn } from '../state';
import { bool, Check, optionalText, positiveInteger, problem, refuse, validate } from '@sagsgang/kernel';
import { aktivePunkter, aktivtPunkt, findPunkt } from './faelles';
import { snapshotChecks } from './snapshot-checks';

/**
 * Decisions that build the agenda. Before it is sent the punkter are simply
 * 1..n in order; once sent the numbers are what members and the public refer
 * to, so they never change: a late punkt is supplerende and gets the next
 * number, a withdrawn punkt keeps its number and is marked trukket.
 */

export function tilfoejPunkt({ data, metadata }: TilfoejPunkt, moede: MoedeIn<'planlagt' | 'dagsorden_udsendt'>): PunktTilfoejet[] {
  const neutralTitel = data.neutralTitel ?? null;
  validate(snapshotChecks(data.sag), bool('lukket', data.lukket), neutralTitelCheck(data.lukket, neutralTitel));
  validate(...klarTilDagsorden(data.sag, moede));
  const nr = Math.max(0, ...moede.punkter.map((punkt) => punkt.nr)) + 1;
  const supplerende = moede.status === 'dagsorden_udsendt';
  const { moedeId, sag, lukket } = data;
  return [
    {
      type: 'PunktTilfoejet',
      data: { moedeId, nr, udvalg: moede.udvalg, sag: copySnapshot(sag), lukket, neutralTitel, supplerende, tidspunkt: metadata.now },
    },
  ];
}

export function flytPunkt({ data, metadata }: FlytPunkt, moede: MoedeIn<'planlagt'>): PunktFlyttet[] {
  const punkt = findPunkt(moede, data.nr);
  const antal = moede.punkter.length;
  validate(positiveInteger('tilNr', data.tilNr));
  if (data.tilNr > antal) refuse('tilNr', `the dagsorden has ${antal} punkter`);
  if (data.tilNr === punkt.nr) refuse('tilNr', `punkt ${punkt.nr} is already there`);
  const { moedeId, nr, tilNr } = data;
  return [{ type: 'PunktFlyttet', data: { moedeId, nr, sagId: punkt.sag.sagId, tilNr, tidspunkt: metadata.now } }];
}

/** A decided punkt stays: its beslutning has already gone to the sag. */
export function fjernPunkt(
  { data, metadata }: FjernPunkt,
  moede: MoedeIn<'planlagt' | 'dagsorden_udsendt' | 'i_gang'>,
): (PunktFjernet | PunktTrukket)[] {
  const punkt = aktivtPunkt(moede, data.nr);
  const begrundelse = data.begrundelse ?? null;
  validate(optionalText('begrundelse', begrundelse));
  if (punkt.beslutning) refuse('nr', `punkt ${punkt.nr} has a beslutning and can no longer be withdrawn`);
  const event = { moedeId: data.moedeId, nr: punkt.nr, sagId: punkt.sag.sagId, begrundelse, tidspunkt: metadata.now };
  return [moede.status === 'planlagt' ? { type: 'PunktFjernet', data: event } : { type: 'PunktTrukket', data: event }];
}

export function markerPunkt({ data, metadata }: MarkerPunkt, moede: MoedeIn<'planlagt' | 'dagsorden_udsendt'>): PunktMarkeret[] {
  const punkt = aktivtPunkt(moede, data.nr);
  const neutralTitel = data.neutralTitel ?? null;
  validate(bool('lukket', data.lukket), neutralTitelCheck(data.lukket, neutralTitel));
  const { moedeId, lukket } = data;
  return [
    { type: 'PunktMarkeret', data: { moedeId, nr: punkt.nr, sagId: punkt.sag.sagId, lukket, neutralTitel, tidspunkt: metadata.now } },
  ];
}

export function udsendDagsorden({ data, metadata }: UdsendDagsorden, moede: MoedeIn<'planlagt'>): DagsordenUdsendt[] {
  const punkter = aktivePunkter(moede);
  if (punkter.length === 0) refuse('punkter', 'the dagsorden has no punkter');
  return [{ type: 'DagsordenUdsendt', data: { moedeId: data.moedeId, punkter, tidspunkt: metadata.now } }];
}

/**
 * Only a sag the administration has finished (a given indstilling) and that
 * awaits this udvalg; and only once on an agenda, or the udvalg would decide
 * it twice.
 */
function klarTilDagsorden(sag: SagSnapshot, moede: MoedeData): Check[] {
  const hvem = `sag ${sag.sagsnummer}`;
  const udvalg = afventendeUdvalg(sag);
  const allerede = moede.punkter.find((punkt) => !punkt.trukket && punkt.sag.sagId === sag.sagId);
  return [
    sag.status === 'indstillet'
      ? null
      : problem('sag.status', `${hvem} is ${sag.status}; only a sag with a given indstilling (indstillet) can go on an agenda`),
    sag.harIndstilling ? null : problem('sag.harIndstilling', `${hvem} has no indstilling`),
    udvalg === moede.udvalg ? null : problem('sag.trin', `${hvem} awaits an agenda of ${udvalg}, not ${moede.udvalg}`),
    allerede ? problem('sag.sagId', `${hvem} is already punkt ${allerede.nr} on this agenda`) : null,
  ];
}

function neutralTitelCheck(lukket: boolean, neutralTitel: string | null): Check {
  if (lukket === true) return optionalText('neutralTitel', neutralTitel);
  return neutralTitel === null ? null : problem('neutralTitel', 'only a lukket punkt has a neutral title');
}
