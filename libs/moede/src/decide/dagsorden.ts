import { FjernPunkt, FlytPunkt, MarkerPunkt, TilfoejPunkt, UdsendDagsorden } from '../commands';
import { DagsordenUdsendt, PunktFjernet, PunktFlyttet, PunktMarkeret, PunktTilfoejet, PunktTrukket } from '../events';
import { afventendeUdvalg, copySnapshot, SagSnapshot } from '../snapshot';
import { MoedeData, MoedeIn } from '../state';
import { bool, Check, NotFound, optionalText, positiveInteger, problem, refuse, validate } from '@sagsgang/kernel';
import { aktivePunkter, aktivtPunkt, findPunkt } from './faelles';
import { snapshotChecks } from './snapshot-checks';

/**
 * Decisions that build the agenda. Before it is sent the punkter are simply
 * 1..n in order; once sent the numbers are what members and the public refer
 * to, so they never change: a late punkt is supplerende and gets the next
 * number, a withdrawn punkt keeps its number and is marked trukket.
 */

export function tilfoejPunkt({ data, metadata }: TilfoejPunkt, moede: MoedeIn<'planlagt' | 'dagsorden_udsendt'>): PunktTilfoejet[] {
  const { moedeId, sag, lukket } = data;
  if (sag === null) throw new NotFound('sag', data.sagId);
  const neutralTitel = data.neutralTitel ?? null;
  validate(snapshotChecks(sag), bool('lukket', lukket), neutralTitelCheck(lukket, neutralTitel));
  if (sag.sagId !== data.sagId) throw new Error(`TilfoejPunkt for sag ${data.sagId} carries the snapshot of sag ${sag.sagId}`);
  validate(...klarTilDagsorden(sag, moede));
  const nr = Math.max(0, ...moede.punkter.map((punkt) => punkt.nr)) + 1;
  const supplerende = moede.status === 'dagsorden_udsendt';
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
  if (data.tilNr > antal) refuse('tilNr', `dagsordenen har ${antal} punkter`);
  if (data.tilNr === punkt.nr) refuse('tilNr', `punkt ${punkt.nr} står der allerede`);
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
  if (punkt.beslutning) refuse('nr', `punkt ${punkt.nr} har en beslutning og kan ikke længere trækkes`);
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
  if (punkter.length === 0) refuse('punkter', 'dagsordenen har ingen punkter');
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
      : problem('sag.status', `${hvem} er ${sag.status}; kun en sag med en givet indstilling (indstillet) kan sættes på en dagsorden`),
    sag.harIndstilling ? null : problem('sag.harIndstilling', `${hvem} har ingen indstilling`),
    udvalg === moede.udvalg ? null : problem('sag.trin', `${hvem} afventer en dagsorden for ${udvalg}, ikke for ${moede.udvalg}`),
    allerede ? problem('sag.sagId', `${hvem} er allerede punkt ${allerede.nr} på denne dagsorden`) : null,
  ];
}

function neutralTitelCheck(lukket: boolean, neutralTitel: string | null): Check {
  if (lukket === true) return optionalText('neutralTitel', neutralTitel);
  return neutralTitel === null ? null : problem('neutralTitel', 'kun et lukket punkt har en neutral titel');
}
