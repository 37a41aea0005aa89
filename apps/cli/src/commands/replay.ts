import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EventStore } from '@sagsgang/event-store';
import {
  FoldThreads,
  moveAside,
  readModelsFile,
  replayReadModels as replayLog,
  ReplayWriter,
  SetAside,
  setAsideIfDamaged,
} from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { Command } from '../command';
import { withEventStore } from '../store';

/**
 * A fold allocates about 1 KB of short-lived objects per event (the parsed
 * event, each document's next version); a young generation of 512 MB per
 * fold thread (V8's default semi-spaces are 16 MB each) lets more of them die
 * before a scavenge: folding 1,000,000 events took 5.8 s instead of 6.4 s
 * with 192 MB.
 */
const YOUNG_GENERATION_MB = 512;

export interface ReplayReport {
  /** The read models rebuilt. */
  readModels: string[];
  /** Events read from the log, and the head position replayed up to. */
  events: number;
  position: number;
  /** The rebuild alone: reading the log, folding and writing the read models, not opening or the digest. */
  seconds: number;
  eventsPerSecond: number;
  /** sha256 over every rebuilt read model (ReadModelStore.digest). */
  digest: string;
  /** The file the rebuild replaced, when it was damaged or --fresh was asked for. */
  setAside?: SetAside;
}

export const replay: Command = {
  usage: `replay [--fresh] [--json]
        drops every read model in SAGSGANG_DATA/readmodels.sqlite and rebuilds
        it from the log; prints the events replayed, the seconds, events per
        second and the digest of the rebuilt read models (--json: as JSON).
        Refuses to start while another process (the API) has the read models
        open, and the API cannot open them until the replay is done. The
        process managers' checkpoints in the same file are left as they are.
        A damaged file is moved aside (readmodels.sqlite.damaged-<time>; with
        --fresh any file: .replaced-<time>) and rebuilt into a new one; the
        process manager then handles the log again from its start, which
        appends nothing twice`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false }, fresh: { type: 'boolean', default: false } },
    });
    const dataDir = process.env.SAGSGANG_DATA || './data';
    const report = await withEventStore({ readonly: true }, (store) => replayReadModels(store, dataDir, { fresh: values.fresh }));
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : describe(report));
    return 0;
  },
};

/**
 * Rebuilds every read model under `dataDir` from the log, in place, holding
 * the read model file exclusively (in the replay's writer thread), over the
 * same PROJECTIONS as the API's runner. The documents are written at the end
 * in one transaction with their checkpoints, so a replay cut short leaves the
 * read models as they were. One fold thread per core folds a share of the
 * streams each (replay-fold-thread.ts opens the store the same way), or one
 * the whole log if a projection's documents span streams; they are started,
 * like the writer, before the clock.
 */
export async function replayReadModels(eventStore: EventStore, dataDir: string, options: { fresh?: boolean } = {}): Promise<ReplayReport> {
  const file = readModelsFile(dataDir);
  const setAside = options.fresh ? setAsideUnused(file) : setAsideIfDamaged(file, { ifUnused: true });
  const writer = await ReplayWriter.open(file, PROJECTIONS, { exclusive: true });
  let threads: FoldThreads | undefined;
  try {
    const count = PROJECTIONS.every((projection) => projection.documentsPerStream) ? availableParallelism() : 1;
    threads = await FoldThreads.start(join(__dirname, 'replay-fold-thread'), { count, youngGenerationMb: YOUNG_GENERATION_MB });
    const started = process.hrtime.bigint();
    const { events, position } = await replayLog(eventStore, writer, threads);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      readModels: PROJECTIONS.map((projection) => projection.name),
      events,
      position,
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
      digest: await writer.digest(),
      ...(setAside ? { setAside } : {}),
    };
  } finally {
    await threads?.close();
    await writer.close();
  }
}

/** --fresh: whatever the file holds is set aside, but only while no other process has it open. */
function setAsideUnused(file: string): SetAside | undefined {
  const damaged = setAsideIfDamaged(file, { ifUnused: true });
  if (damaged || !existsSync(file)) return damaged;
  return moveAside(file, 'replaced on request (--fresh)', 'replaced');
}

function describe(report: ReplayReport): string {
  const rate = report.eventsPerSecond.toLocaleString('en');
  const setAside = report.setAside ? `${report.setAside.problem}: the old file was moved to ${report.setAside.movedTo}\n` : '';
  return (
    setAside +
    `replayed ${report.events} events (log up to position ${report.position}) into ${report.readModels.join(', ')}` +
    ` in ${report.seconds.toFixed(2)} s: ${rate} events/s\n` +
    `digest ${report.digest}\n`
  );
}
