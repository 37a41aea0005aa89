import { ErklaerInhabilitet, RegistrerAfgang, RegistrerFravaer } from '../commands';
import { punkterMedStemmeFra, stemmer } from '../deltagelse';
import { AfgangRegistreret, FravaerRegistreret, InhabilitetErklaeret } from '../events';
import { FRAVAERSARTER, MoedeData, MoedeIn, Punkt } from '../state';
import { Check, nonEmptyText, noDuplicates, problem, refuse, validate } from '@sagsgang/kernel';
import { aktivtPunkt, findPunkt, medlemCheck } from './faelles';

/**
 * Decisions about who takes part. Each is refused where it would contradict
 * what is already recorded: a member who voted on a punkt was there for it.
 */

type FoerEllerUnder = MoedeIn<'planlagt' | 'dagsorden_udsendt' | 'i_gang'>;

export function registrerFravaer({ data, metadata }: RegistrerFravaer, moede: FoerEllerUnder): FravaerRegistreret[] {
  validate(
    medlemCheck('medlem', moede, data.medlem),
    (FRAVAERSARTER as readonly unknown[]).includes(data.art) ? null : problem('art', `skal være en af ${FRAVAERSARTER.join(', ')}`),
    punkterCheck(data.punkter),
  );
  const { moedeId, medlem, art } = data;
  const helt = moede.fravaer.find((fravaer) => fravaer.medlem === medlem);
  if (helt) refuse('medlem', `${medlem} er allerede registreret fraværende fra mødet (${helt.art})`);
  const punkter = data.punkter === null ? null : [...data.punkter];
  if (punkter === null) assertMayBeAbsentAltogether(moede, medlem);
  else punkter.forEach((nr, index) => assertMayBeAbsentFrom(aktivtPunkt(moede, nr, `punkter[${index}]`), medlem, `punkter[${index}]`));
  return [{ type: 'FravaerRegistreret', data: { moedeId, medlem, art, punkter, tidspunkt: metadata.now } }];
}

export function registrerAfgang({ data, metadata }: RegistrerAfgang, moede: MoedeIn<'dagsorden_udsendt' | 'i_gang'>): AfgangRegistreret[] {
  validate(medlemCheck('medlem', moede, data.medlem));
  const punkt = findPunkt(moede, data.efterPunkt, 'efterPunkt');
  const { moedeId, medlem } = data;
  if (moede.fravaer.some((fravaer) => fravaer.medlem === medlem)) refuse('medlem', `${medlem} er fraværende fra hele mødet`);
  const tidligere = moede.afgange.find((afgang) => afgang.medlem === medlem);
  if (tidligere) refuse('medlem', `${medlem} forlod allerede mødet efter punkt ${tidligere.efterPunkt}`);
  const senere = punkterMedStemmeFra(moede, medlem).filter((nr) => nr > punkt.nr);
  if (senere.length > 0) refuse('efterPunkt', `${medlem} stemte om punkt ${senere.join(', ')}, efter punkt ${punkt.nr}`);
  return [{ type: 'AfgangRegistreret', data: { moedeId, medlem, efterPunkt: punkt.nr, tidspunkt: metadata.now } }];
}

/** Declared before the punkt is decided: an inhabil member must take no part in the decision. */
export function erklaerInhabilitet({ data, metadata }: ErklaerInhabilitet, moede: FoerEllerUnder): InhabilitetErklaeret[] {
  const punkt = aktivtPunkt(moede, data.nr);
  validate(medlemCheck('medlem', moede, data.medlem), nonEmptyText('begrundelse', data.begrundelse));
  const { moedeId, medlem, begrundelse } = data;
  if (punkt.inhabilitet.some((inhabil) => inhabil.medlem === medlem)) refuse('medlem', `${medlem} er allerede inhabil i punkt ${punkt.nr}`);
  if (punkt.beslutning) refuse('nr', `punkt ${punkt.nr} er allerede besluttet; inhabilitet skal erklæres før beslutningen`);
  return [
    { type: 'InhabilitetErklaeret', data: { moedeId, nr: punkt.nr, sagId: punkt.sag.sagId, medlem, begrundelse, tidspunkt: metadata.now } },
  ];
}

function punkterCheck(punkter: unknown): Check {
  if (punkter === null) return null;
  if (!Array.isArray(punkter) || punkter.length === 0) return problem('punkter', 'skal være null (hele mødet) eller nævne mindst ét punkt');
  const notNumbers = punkter.flatMap((nr, index) =>
    Number.isInteger(nr) && nr > 0 ? [] : [problem(`punkter[${index}]`, 'skal være et punktnummer')],
  );
  return notNumbers.length > 0 ? notNumbers : noDuplicates('punkter', punkter.map(String));
}

function assertMayBeAbsentAltogether(moede: MoedeData, medlem: string): void {
  const stemt = punkterMedStemmeFra(moede, medlem);
  if (stemt.length > 0) refuse('medlem', `${medlem} stemte om punkt ${stemt.join(', ')} og var altså til stede`);
  const afgang = moede.afgange.find((candidate) => candidate.medlem === medlem);
  if (afgang) refuse('medlem', `${medlem} er registreret til stede indtil efter punkt ${afgang.efterPunkt}`);
}

function assertMayBeAbsentFrom(punkt: Punkt, medlem: string, field: string): void {
  if (punkt.fravaer.some((fravaer) => fravaer.medlem === medlem)) refuse(field, `${medlem} er allerede fraværende fra punkt ${punkt.nr}`);
  const afstemning = punkt.beslutning?.afstemning;
  if (afstemning && stemmer(afstemning).includes(medlem)) refuse(field, `${medlem} stemte om punkt ${punkt.nr} og var altså til stede`);
}
