import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, MemoryEventStore, SqliteEventStore } from '@sagsgang/event-store';
import { AnyProjection, ProjectionRunner, ProjectionRunnerOptions, ReadModelStore, readModelsFile } from '../../src';
import { appendMany, event, opretSag } from './events';

export type StoreKind = 'memory' | 'sqlite';
export const STORE_KINDS: StoreKind[] = ['memory', 'sqlite'];

/**
 * A temp data folder with an event store and read model files; runners and
 * stores opened through it are closed by `close`.
 */
export class Fixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'sagsgang-projections-'));
  readonly eventStore: EventStore;
  private readonly opened: Array<ReadModelStore | ProjectionRunner> = [];

  constructor(kind: StoreKind = 'sqlite') {
    this.eventStore =
      kind === 'memory' ? new MemoryEventStore() : new SqliteEventStore(join(this.dir, 'events.sqlite'), { durability: 'relaxed' });
  }

  readModels(projections: AnyProjection[], file = readModelsFile(this.dir)): ReadModelStore {
    const store = new ReadModelStore(file, projections);
    this.opened.push(store);
    return store;
  }

  runner(projections: AnyProjection[], options: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner {
    const readModels = options.readModels ?? this.readModels(projections);
    const runner = new ProjectionRunner({ eventStore: this.eventStore, readModels, ...options });
    this.opened.unshift(runner);
    return runner;
  }

  async close(): Promise<void> {
    for (const item of this.opened) {
      if (item instanceof ProjectionRunner) await item.stop();
      else item.close();
    }
    await this.eventStore.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Live: sager made, changed and deleted while the runner runs, in many small
 * batches, then other events; resolves once the runner has caught up.
 */
export async function buildLive(fixture: Fixture, projections: AnyProjection[]): Promise<{ runner: ProjectionRunner; position: number }> {
  const runner = fixture.runner(projections, { batchSize: 7 });
  await runner.start();
  for (let i = 1; i <= 30; i++) {
    await opretSag(fixture.eventStore, String(i), { titel: `Sag ${i} – æøå` });
    if (i % 3 === 0) await fixture.eventStore.append(`sag-${i}`, [event('StatusSkiftet', { status: 'afgjort' })]);
    if (i % 10 === 0) await fixture.eventStore.append(`sag-${i}`, [event('SagSlettet')]);
  }
  const { position } = await appendMany(fixture.eventStore, 20, 4);
  await runner.waitForPosition(position, 5000);
  return { runner, position };
}
