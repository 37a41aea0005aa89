import { AabnMoede, AflysMoede, HaevMoede, IndkaldMoede } from '../commands';
import { tilstedevaerende } from '../deltagelse';
import { MoedeAabnet, MoedeAflyst, MoedeHaevet, MoedeIndkaldt } from '../events';
import { MoedeIn } from '../state';
import { Check, noDuplicates, nonEmptyText, optionalText, problem, textList, validate } from '@sagsgang/kernel';
import { isoTimestamp } from '../validation';
import { aktivePunkter } from './faelles';

/** Decisions that call, cancel, open and close a meeting. */

export function indkaldMoede({ data, metadata }: IndkaldMoede): MoedeIndkaldt[] {
  validate(
    nonEmptyText('moedeId', data.moedeId),
    nonEmptyText('udvalg', data.udvalg),
    isoTimestamp('start', data.start),
    nonEmptyText('sted', data.sted),
    medlemmerCheck(data.medlemmer),
    textList('deltagere', data.deltagere, 'deltagere', 0),
    nonEmptyText('sekretaer', data.sekretaer),
  );
  const { moedeId, udvalg, start, sted, sekretaer } = data;
  // An omitted parti is stored as null: one spelling of "no party" in the stream.
  const medlemmer = data.medlemmer.map(({ navn, parti }) => ({ navn, parti: parti ?? null }));
  return [
    {
      type: 'MoedeIndkaldt',
      data: { moedeId, udvalg, start, sted, medlemmer, deltagere: [...data.deltagere], sekretaer, tidspunkt: metadata.now },
    },
  ];
}

/** The sager still on the agenda go with the event, so each can be withdrawn from it. */
export function aflysMoede({ data, metadata }: AflysMoede, moede: MoedeIn<'planlagt' | 'dagsorden_udsendt'>): MoedeAflyst[] {
  validate(nonEmptyText('begrundelse', data.begrundelse));
  const { moedeId, begrundelse } = data;
  return [{ type: 'MoedeAflyst', data: { moedeId, begrundelse, punkter: aktivePunkter(moede), tidspunkt: metadata.now } }];
}

export function aabnMoede({ data, metadata }: AabnMoede): MoedeAabnet[] {
  return [{ type: 'MoedeAabnet', data: { moedeId: data.moedeId, tidspunkt: metadata.now } }];
}

/**
 * The referat must account for every punkt still on the agenda, and someone
 * present must be able to approve it. Who must approve is fixed here.
 */
export function haevMoede({ data, metadata }: HaevMoede, moede: MoedeIn<'i_gang'>): MoedeHaevet[] {
  const underskrivere = tilstedevaerende(moede);
  validate(
    ...moede.punkter
      .filter((punkt) => !punkt.trukket && !punkt.beslutning)
      .map((punkt) => problem(`punkter[${punkt.nr}]`, `punkt ${punkt.nr} (${punkt.sag.sagsnummer}) har ingen beslutning`)),
    underskrivere.length > 0 ? null : problem('medlemmer', 'intet medlem er til stede til at godkende referatet'),
  );
  return [{ type: 'MoedeHaevet', data: { moedeId: data.moedeId, underskrivere, tidspunkt: metadata.now } }];
}

function medlemmerCheck(medlemmer: unknown): Check {
  if (!Array.isArray(medlemmer) || medlemmer.length === 0) return problem('medlemmer', 'skal indeholde mindst ét medlem');
  const problems = medlemmer.flatMap((medlem: unknown, index) => {
    const field = `medlemmer[${index}]`;
    if (typeof medlem !== 'object' || medlem === null) return [problem(field, 'skal være { navn, parti }')];
    const { navn, parti } = medlem as { navn?: unknown; parti?: unknown };
    return [nonEmptyText(`${field}.navn`, navn), optionalText(`${field}.parti`, parti ?? null)].flatMap((check) => check ?? []);
  });
  return problems.length > 0
    ? problems
    : noDuplicates(
        'medlemmer',
        medlemmer.map(({ navn }) => navn as string),
      );
}
