/**
 * Child process of the projection crash test: projects an existing log into
 * the read models, slowly, and says when it is applying position KILL_AT.
 * Run with ts-node and tsconfig-paths; the parent SIGKILLs it there.
 */
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { ProjectionRunner } from '../../src/projection-runner';
import { ReadModelStore } from '../../src/read-model-store';
import { countingProjection, sagerProjection } from '../support/projections';

const [eventsFile, readModelsFile, killAt] = process.argv.slice(2);

/** Makes each event cost ~30 µs, so the kill lands while batches are still being applied. */
function busy(): void {
  const until = process.hrtime.bigint() + 30_000n;
  while (process.hrtime.bigint() < until);
}

const counts = countingProjection({
  onEvolve: (event) => {
    busy();
    if (event.position === Number(killAt)) process.stdout.write(`applying ${event.position}\n`);
  },
});
const eventStore = new SqliteEventStore(eventsFile, { readonly: true });
const readModels = new ReadModelStore(readModelsFile, [sagerProjection(), counts]);
const runner = new ProjectionRunner({ eventStore, readModels, batchSize: 100 });
void runner.start().then(() => process.stdout.write('ready\n'));
