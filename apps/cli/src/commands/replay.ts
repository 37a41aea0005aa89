import { parseArgs } from 'node:util';
import { EventStore } from '@sagsgang/event-store';
import { ProjectionLogger, ProjectionRunner, ReadModelStore, readModelsFile } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { Command } from '../command';
import { withEventStore } from '../store';

export interface ReplayReport {
  /** The read models rebuilt. */
  readModels: string[];
  /** Events read from the log, and the head position replayed up to. */
  events: number;
  position: number;
  /** The rebuild alone: dropping, replaying and committing, not opening or the digest. */
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
    const dataDir = process.env.SAGSGANG_DATA || './data';
    const report = await withEventStore({ readonly: true }, (store) => replayReadModels(store, dataDir));
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : describe(report));
    return 0;
  },
};

/**
 * Rebuilds every read model under `dataDir` from the log, in place, holding
 * the read model file exclusively: the same ProjectionRunner.rebuild the API's
 * runner would do, over the same PROJECTIONS. A replay cut short leaves
 * consistent checkpoints (each batch commits with its documents), so the next
 * replay or the API simply carries on from them.
 */
export async function replayReadModels(eventStore: EventStore, dataDir: string): Promise<ReplayReport> {
  const readModels = new ReadModelStore(readModelsFile(dataDir), PROJECTIONS, { exclusive: true });
  try {
    const runner = new ProjectionRunner({ eventStore, readModels, logger: problemsToStderr });
    const started = process.hrtime.bigint();
    const { events, position } = await runner.rebuild();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      readModels: PROJECTIONS.map((projection) => projection.name),
      events,
      position,
      seconds,
      eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
      digest: runner.digest(),
    };
  } finally {
    readModels.close();
  }
}

const problemsToStderr: ProjectionLogger = (level, message) => {
  if (level !== 'info') process.stderr.write(`${level}: ${message}\n`);
};

function describe(report: ReplayReport): string {
  const rate = report.eventsPerSecond.toLocaleString('en');
  return (
    `replayed ${report.events} events (log up to position ${report.position}) into ${report.readModels.join(', ')}` +
    ` in ${report.seconds.toFixed(2)} s: ${rate} events/s\n` +
    `digest ${report.digest}\n`
  );
}
