import { ExistingSag, Sagstype, SagStatus, TilladteUdfald, tilladteUdfald, WorkflowDefinition, WorkflowRef } from '@sagsgang/sag';

/**
 * What the meeting knows of a sag: the facts the app read from the sag's
 * stream when it put the sag on the agenda. The meeting stream keeps this copy
 * so that its agenda, its referat and its rules for a beslutning never depend
 * on reading another stream. None of it can change while the sag is on the
 * agenda (the sag's workflow fixes sagstype, sagsgang and udfald).
 */
export interface SagSnapshot {
  sagId: string;
  sagsnummer: string;
  titel: string;
  journalnummer: string;
  sagstype: Sagstype;
  /** The sag's status when it was checked: only `indstillet` may go on an agenda. */
  status: SagStatus;
  harIndstilling: boolean;
  /** Udvalg in order; the last holds kompetence. */
  sagsgang: string[];
  /** Index into sagsgang of the udvalg the sag awaits. */
  trin: number;
  /** The workflow version the sag is decided under. */
  workflow: WorkflowRef;
  /** The udfald that workflow allows for the sagstype, each with where it sends the sag. */
  udfald: TilladteUdfald;
}

/**
 * The snapshot of a sag as the app should pass it in TilfoejPunkt: `workflow`
 * is the definition the sag was created under.
 */
export function sagSnapshot(sag: ExistingSag, workflow: WorkflowDefinition): SagSnapshot {
  if (workflow.name !== sag.workflow.name || workflow.version !== sag.workflow.version) {
    // The app looked up the wrong version; going on would apply another version's udfald.
    throw new Error(
      `sag ${sag.id} follows workflow ${sag.workflow.name} version ${sag.workflow.version}, ` +
        `but was given ${workflow.name} version ${workflow.version}`,
    );
  }
  const { id, sagsnummer, titel, journalnummer, sagstype, status, sagsgang, trin } = sag;
  return {
    sagId: id,
    sagsnummer,
    titel,
    journalnummer,
    sagstype,
    status,
    harIndstilling: 'indstilling' in sag,
    sagsgang: [...sagsgang],
    trin,
    workflow: { name: workflow.name, version: workflow.version },
    udfald: tilladteUdfald(workflow, sagstype),
  };
}

/** The snapshot's own fields only, copied: whatever else a caller sent never reaches the stream. */
export function copySnapshot(sag: SagSnapshot): SagSnapshot {
  const { sagId, sagsnummer, titel, journalnummer, sagstype, status, harIndstilling, sagsgang, trin, workflow, udfald } = sag;
  return {
    sagId,
    sagsnummer,
    titel,
    journalnummer,
    sagstype,
    status,
    harIndstilling,
    sagsgang: [...sagsgang],
    trin,
    workflow: { name: workflow.name, version: workflow.version },
    udfald: { ...udfald },
  };
}

/** The udvalg the sag awaits: the one whose meeting may treat it. */
export function afventendeUdvalg(sag: SagSnapshot): string {
  return sag.sagsgang[sag.trin];
}

/** Only the last udvalg of the sagsgang may decide; the others may only recommend on. */
export function udvalgetHarKompetence(sag: SagSnapshot): boolean {
  return sag.trin === sag.sagsgang.length - 1;
}
