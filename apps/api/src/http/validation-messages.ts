import { ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldProblem } from '@sagsgang/kernel';

/**
 * class-validator's reasons in Danish, in one place, so the DTOs declare
 * only their rules. A field of the wrong type is told the type it must be
 * (and nothing else about it); the rest say what the rule wants.
 */

/** What the entries of a list field are called, for "skal være en liste af …". */
const LISTER: Readonly<Record<string, string>> = {
  sagsgang: 'udvalg',
  atPunkter: 'at-punkter',
  medlemmer: 'medlemmer ({ navn, parti })',
  deltagere: 'navne',
  punkter: 'punktnumre',
  for: 'medlemmers navne',
  imod: 'medlemmers navne',
  undlod: 'medlemmers navne',
};

/** Fields a client may think it should send, and why it may not. */
const TILDELT: Readonly<Record<string, string>> = {
  sagsnummer: 'sagsnummeret tildeles af systemet, når sagen oprettes',
  sagId: 'sagens id tildeles af systemet (eller afledes af Idempotency-Key) og står i adressen',
  moedeId: 'mødets id tildeles af systemet og står i adressen',
  id: 'id tildeles af systemet og står i adressen',
  nr: 'punktets nummer står i adressen',
  bilagId: 'bilagets id tildeles af systemet',
  sha256: 'bilagets sha256 beregnes af systemet ud fra indhold',
  stoerrelse: 'bilagets størrelse beregnes af systemet ud fra indhold',
  referatSha256: 'referatets sha256 beregnes af systemet ud fra referatet, som det gengives nu',
  actor: 'hvem der handler, tages fra tokenet',
  tidspunkt: 'tidspunktet sættes af systemet',
};

/** The reason an unknown field is refused. */
export function ukendtFelt(field: string): string {
  const key = field.split('.').at(-1) ?? field;
  const why = Object.hasOwn(TILDELT, key) ? TILDELT[key] : undefined;
  return why ? `feltet kan ikke sendes: ${why}` : 'feltet kendes ikke';
}

type Args = readonly unknown[];
const TYPE_CHECKS = new Set(['isString', 'isInt', 'isBoolean', 'isNumber', 'isArray']);

const REASONS: Readonly<Record<string, (args: Args, each: boolean) => string>> = {
  isString: (_args, each) => (each ? 'hvert element skal være tekst' : 'skal være tekst'),
  isInt: (_args, each) => (each ? 'hvert element skal være et heltal' : 'skal være et heltal'),
  isBoolean: () => 'skal være true eller false',
  isUuid: () => 'skal være et UUID',
  isBase64: () => 'skal være base64-kodet',
  isIso8601: () => 'skal være et ISO 8601-tidspunkt',
  isLength: ([min, max], each) => `${each ? 'hvert element skal' : 'skal'} være mellem ${String(min)} og ${String(max)} tegn`,
  isIn: ([values]) => `skal være en af ${(values as unknown[]).join(', ')}`,
  min: ([min], each) => `${each ? 'hvert element skal' : 'skal'} være mindst ${String(min)}`,
  max: ([max]) => `må højst være ${String(max)}`,
  arrayMinSize: ([min]) => (min === 1 ? 'må ikke være en tom liste' : `skal indeholde mindst ${String(min)}`),
  arrayMaxSize: ([max]) => `må højst indeholde ${String(max)}`,
  arrayUnique: () => 'må ikke nævne det samme to gange',
  nestedValidation: () => 'skal være et objekt',
  unknownValue: () => 'skal være et JSON-objekt',
};

const UDEN_ARGUMENTER: Readonly<Record<string, string>> = {
  isLength: 'har en ugyldig længde',
  isIn: 'er ikke en af de tilladte værdier',
  min: 'er for lille',
  max: 'er for stor',
  arrayMinSize: 'har for få elementer',
  arrayMaxSize: 'har for mange elementer',
};

/** Every problem of a failed validation, each field once, in Danish. */
export function danskeProblemer(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    return [...feltetsProblemer(error, field), ...danskeProblemer(error.children ?? [], field)];
  });
}

function feltetsProblemer(error: ValidationError, field: string): FieldProblem[] {
  const failed = Object.keys(error.constraints ?? {});
  if (failed.length === 0) return [];
  if (failed.includes('whitelistValidation')) return [{ field, reason: ukendtFelt(field) }];
  const rules = rulesOf(error);
  if (rules.some((rule) => rule.each || rule.name.startsWith('array')) && !Array.isArray(error.value)) {
    return [{ field, reason: `skal være en liste af ${LISTER[error.property] ?? 'værdier'}` }];
  }
  const typeFailed = failed.filter((name) => TYPE_CHECKS.has(name));
  return (typeFailed.length > 0 ? typeFailed : failed).map((name) => ({ field, reason: reason(name, error, rules) }));
}

interface Rule {
  name: string;
  each: boolean;
  args: Args;
  message: unknown;
}

/** The rules the DTO declares on this property, with their arguments. */
function rulesOf(error: ValidationError): Rule[] {
  const target = error.target?.constructor;
  if (!target) return [];
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((metadata) => metadata.propertyName === error.property)
    .map((metadata) => ({
      name: metadata.name ?? metadata.type,
      each: metadata.each ?? false,
      args: metadata.constraints ?? [],
      message: metadata.message,
    }));
}

function reason(name: string, error: ValidationError, rules: readonly Rule[]): string {
  const rule = rules.find((candidate) => candidate.name === name);
  // A rule with its own message (a Matches with the shape it wants) is already Danish.
  if (typeof rule?.message === 'string') return rule.message;
  const danish = REASONS[name];
  if (!danish) return 'er ugyldig';
  // Without the rule's arguments (a body that is not an object of the DTO's class), only the kind of rule is known.
  if (!rule && !TYPE_CHECKS.has(name)) return UDEN_ARGUMENTER[name] ?? 'er ugyldig';
  return danish(rule?.args ?? [], rule?.each ?? false);
}
