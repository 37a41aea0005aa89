import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EventStore } from '@sagsgang/event-store';
import { FoldThreads, readModelsFile, replayReadModels as replayLog, ReplayWriter } from '@sagsgang/projections';
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
}

export const replay: Command = {
  usage: `replay [--json]
        drops every read model in SAGSGANG_DATA/readmodels.sqlite and rebuilds
        it from the log; prints the events replayed, the seconds, events per
        second and the digest of the rebuilt read models (--json: as JSON).
        Refuses to start while another process (the API) has the read models
        open, and the API cannot open them until the replay is done. The
        process managers' checkpoints in the same file are left as they are`,

  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const report = await withEventStore({ readonly: true }, (store) => replayReadModels(store, process.env.SAGSGANG_DATA || './data'));
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
export async function replayReadModels(eventStore: EventStore, dataDir: string): Promise<ReplayReport> {
  const writer = await ReplayWriter.open(readModelsFile(dataDir), PROJECTIONS, { exclusive: true });
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
    };
  } finally {
    await threads?.close();
    await writer.close();
  }
}

function describe(report: ReplayReport): string {
  const rate = report.eventsPerSecond.toLocaleString('en');
  return (
    `replayed ${report.events} events (log up to position ${report.position}) into ${report.readModels.join(', ')}` +
    ` in ${report.seconds.toFixed(2)} s: ${rate} events/s\n` +
    `digest ${report.digest}\n`
  );
}
