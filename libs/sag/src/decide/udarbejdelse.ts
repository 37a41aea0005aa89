import { isSagstype, SAGSTYPER } from '../sagstype';
import { journalnummerProblems } from '../kle';
import { sagsnummerProblem } from '../sagsnummer';
import { BeskrivAnledning, GivIndstilling, OpretSag, ReviderIndstilling, SkrivSagsfremstilling, VedhaeftBilag } from '../commands';
import {
  AnledningBeskrevet,
  BilagVedhaeftet,
  IndstillingGivet,
  IndstillingRevideret,
  SagOprettet,
  SagsfremstillingSkrevet,
} from '../events';
import { ExistingSag } from '../state';
import { WorkflowDefinition } from '../workflow/definition';
import { Check, matching, noDuplicates, nonEmptyText, nonNegativeInteger, problem, textList, validate } from '@sagsgang/kernel';

/** Decisions while the administration prepares the sag. */

export function opretSag({ data, metadata }: OpretSag, workflowDefinition: WorkflowDefinition): SagOprettet[] {
  validate(
    nonEmptyText('sagId', data.sagId),
    typeof data.sagsnummer === 'string' ? sagsnummerProblem(data.sagsnummer) : problem('sagsnummer', 'skal være tekst'),
    nonEmptyText('titel', data.titel),
    typeof data.journalnummer === 'string' ? journalnummerProblems(data.journalnummer) : problem('journalnummer', 'skal være tekst'),
    isSagstype(data.sagstype) ? null : problem('sagstype', `"${data.sagstype}" er ikke en sagstype; de kendte er ${SAGSTYPER.join(', ')}`),
    sagsgangCheck(data.sagsgang),
    nonEmptyText('ansvarligEnhed', data.ansvarligEnhed),
  );
  const { sagId, sagsnummer, titel, journalnummer, sagstype, sagsgang, ansvarligEnhed } = data;
  const workflow = { name: workflowDefinition.name, version: workflowDefinition.version };
  return [
    {
      type: 'SagOprettet',
      data: {
        sagId,
        sagsnummer,
        titel,
        journalnummer,
        sagstype,
        sagsgang: [...sagsgang],
        ansvarligEnhed,
        workflow,
        tidspunkt: metadata.now,
      },
    },
  ];
}

export function beskrivAnledning({ data, metadata }: BeskrivAnledning): AnledningBeskrevet[] {
  validate(nonEmptyText('tekst', data.tekst));
  return [{ type: 'AnledningBeskrevet', data: { sagId: data.sagId, tekst: data.tekst, tidspunkt: metadata.now } }];
}

/** Each write is a new version; earlier versions stay readable. */
export function skrivSagsfremstilling({ data, metadata }: SkrivSagsfremstilling, sag: ExistingSag): SagsfremstillingSkrevet[] {
  validate(nonEmptyText('tekst', data.tekst));
  const version = sag.sagsfremstillinger.length + 1;
  return [{ type: 'SagsfremstillingSkrevet', data: { sagId: data.sagId, version, tekst: data.tekst, tidspunkt: metadata.now } }];
}

export function vedhaeftBilag({ data, metadata }: VedhaeftBilag, sag: ExistingSag): BilagVedhaeftet[] {
  const taken = sag.bilag.some((bilag) => bilag.bilagId === data.bilagId);
  validate(
    nonEmptyText('bilagId', data.bilagId) ?? (taken ? problem('bilagId', `bilag ${data.bilagId} er allerede vedhæftet`) : null),
    nonEmptyText('titel', data.titel),
    nonEmptyText('filnavn', data.filnavn) ?? matching('filnavn', data.filnavn, /^[^/\\]+$/, 'skal være et filnavn, ikke en sti'),
    matching('medietype', data.medietype, /^[\w.+-]+\/[\w.+-]+$/, 'skal være en medietype som application/pdf'),
    nonNegativeInteger('stoerrelse', data.stoerrelse),
    matching('sha256', data.sha256, /^[0-9a-fA-F]{64}$/, 'skal være 64 hexadecimale tegn'),
  );
  const { sagId, bilagId, titel, filnavn, medietype, stoerrelse } = data;
  // One spelling of a digest, so equal files compare equal.
  const sha256 = data.sha256.toLowerCase();
  return [{ type: 'BilagVedhaeftet', data: { sagId, bilagId, titel, filnavn, medietype, stoerrelse, sha256, tidspunkt: metadata.now } }];
}

export function givIndstilling({ data, metadata }: GivIndstilling, sag: ExistingSag): IndstillingGivet[] {
  validate(...indstillingChecks(data));
  const version = sag.indstillinger.length + 1;
  const { sagId, indstiller, atPunkter } = data;
  return [{ type: 'IndstillingGivet', data: { sagId, version, indstiller, atPunkter: [...atPunkter], tidspunkt: metadata.now } }];
}

export function reviderIndstilling({ data, metadata }: ReviderIndstilling, sag: ExistingSag): IndstillingRevideret[] {
  validate(...indstillingChecks(data));
  const version = sag.indstillinger.length + 1;
  const { sagId, indstiller, atPunkter } = data;
  return [{ type: 'IndstillingRevideret', data: { sagId, version, indstiller, atPunkter: [...atPunkter], tidspunkt: metadata.now } }];
}

/** At least one udvalg, none twice: a sag cannot be recommended on to the udvalg it is with. */
function sagsgangCheck(sagsgang: unknown): Check {
  const listProblems = [textList('sagsgang', sagsgang, 'udvalg')].flat().filter((p) => p !== null);
  return listProblems.length > 0 ? listProblems : noDuplicates('sagsgang', sagsgang as string[]);
}

/** Numbers are added when the indstilling is rendered; a typed-in "1." would be printed twice. */
const NUMBERED = /^\s*\d+\s*[.)]/;

function indstillingChecks(data: { indstiller: unknown; atPunkter: unknown }): Check[] {
  const atPunkter = Array.isArray(data.atPunkter) ? data.atPunkter : [];
  return [
    nonEmptyText('indstiller', data.indstiller),
    textList('atPunkter', data.atPunkter, 'at-punkter'),
    ...atPunkter.map((text, index) =>
      typeof text === 'string' && NUMBERED.test(text)
        ? problem(`atPunkter[${index}]`, 'angiv at-punktet uden nummer; nummereringen tilføjes, når indstillingen vises')
        : null,
    ),
  ];
}
