import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { MemoryEventStore } from '@sagsgang/event-store';
import { ProjectionRunner, ReadModelStore } from '@sagsgang/projections';
import { PROJECTIONS } from '@sagsgang/read-models';
import { loadConfig } from '../apps/api/src/config/app-config';
import { DataFolder } from '../apps/api/src/infrastructure/data-folder';
import { LogFollower } from '../apps/api/src/infrastructure/log-follower';
import { GracefulShutdown } from '../apps/api/src/lifecycle/graceful-shutdown';
import { RequestsInFlight } from '../apps/api/src/lifecycle/requests-in-flight';
import { LagMetrics } from '../apps/api/src/observability/lag-metrics';
import { Metrics } from '../apps/api/src/observability/metrics';
import { LogLoop } from '../apps/api/src/process-managers/log-loop';
import { ProcessManagerStore } from '../apps/api/src/process-managers/process-manager-store';
import { SAG_OPFOELGNING, SagOpfoelgningManager } from '../apps/api/src/process-managers/sag-opfoelgning.manager';
import { SagsnummerAllocator } from '../apps/api/src/sager/sagsnummer-allocator';
import { MoedeDokumenter } from '../apps/api/src/moeder/moede-dokumenter';
import { SoegeIndeks } from '../apps/api/src/offentlig/soegning/soege-indeks';
import { SoegeIndekser } from '../apps/api/src/offentlig/soegning/soege-indekser';
import { GroupCommit } from '../libs/event-store/src/sqlite/group-commit';

/**
 * Every timer and background task of the API, each given a dependency that
 * fails. Jest fails a test on an exception thrown from a timer and on an
 * unhandled rejection, so each test also shows that nothing escapes; and each
 * checks that the task says what went wrong and carries on once the failure passes.
 */
const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: No connection established'), { type: 'unavailable' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the condition did not come true in time');
    await sleep(20);
  }
}

/** Makes `method` of `target` fail with `error` for the next `times` calls, then behave again. */
function failFor<T extends object, K extends keyof T>(target: T, method: K, times: number, error: () => unknown): void {
  const original = (target[method] as (...args: unknown[]) => unknown).bind(target);
  let left = times;
  (target as Record<K, unknown>)[method] = (...args: unknown[]) => {
    if (left-- > 0) throw error();
    return original(...args);
  };
}

const event = (type: string) => ({ id: crypto.randomUUID(), type, data: {}, metadata: { actor: { userId: 'a', role: 'admin' } } });

describe('Background tasks given a failing dependency', () => {
  // What each task logs is not what is checked here: its state and what it told others are.
  beforeAll(() => Logger.overrideLogger(false));
  let dir: string;
  let store: MemoryEventStore;
  let dataFolder: DataFolder;
  const closing: Array<() => unknown> = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sagsgang-background-'));
    store = new MemoryEventStore();
    dataFolder = new DataFolder(loadConfig({ SAGSGANG_DATA: dir }));
  });
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  function manager(): { manager: SagOpfoelgningManager; checkpoints: ProcessManagerStore } {
    const checkpoints = new ProcessManagerStore(dataFolder.readModelsFile);
    const created = new SagOpfoelgningManager(store, {} as CommandBus, checkpoints, dataFolder);
    closing.push(
      () => checkpoints.close(),
      () => created.stop(),
    );
    return { manager: created, checkpoints };
  }

  it("the process manager's checkpoint timer: a full disk is told to the data folder, the checkpoint stored once there is room", async () => {
    const { manager: sagOpfoelgning, checkpoints } = manager();
    const told = jest.spyOn(dataFolder, 'writeFailed');
    await sagOpfoelgning.start();
    failFor(checkpoints, 'saveCheckpoint', 2, diskFull);
    const { position } = await store.append('andet-1', [event('Noteret')]);
    await eventually(() => checkpoints.checkpoint(SAG_OPFOELGNING).position === position, 5000);
    expect(told).toHaveBeenCalledWith("the process manager's checkpoint", expect.objectContaining({ code: 'SQLITE_FULL' }));
    expect(sagOpfoelgning.status().state).toBe('running');
  });

  it('the process manager’s subscription: one that fails is replaced after a back-off, from the last event handled', async () => {
    const { manager: sagOpfoelgning } = manager();
    failFor(store, 'subscribeToAll', 2, unavailable);
    await sagOpfoelgning.start();
    expect(sagOpfoelgning.status()).toMatchObject({ state: 'retrying', error: expect.stringContaining('UNAVAILABLE') });
    const { position } = await store.append('andet-1', [event('Noteret')]);
    await expect(sagOpfoelgning.waitFor(position, 5000)).resolves.toBeDefined();
    expect(sagOpfoelgning.status()).toMatchObject({ state: 'running', reconnects: 1 });
  });

  it("a log loop's check timer: a store that cannot say its head leaves the loop running", async () => {
    const handled: number[] = [];
    const loop = new LogLoop(
      store,
      {
        anchor: () => ({ position: handled.at(-1) ?? 0 }),
        handle: async (e) => (handled.push(e.position), true),
        rewind: async () => undefined,
      },
      { name: 'Test', logCheckIntervalMs: 10 },
    );
    closing.push(() => loop.stop());
    await loop.start();
    await store.append('andet-1', [event('Noteret')]);
    failFor(store, 'headPosition', 5, unavailable);
    await sleep(100);
    await store.append('andet-1', [event('Noteret')]);
    await eventually(() => handled.length === 2);
    expect(loop.state).toBe('running');
  });

  it("the projection runner's retry timer: a store that cannot say who it is, then can", async () => {
    const readModels = new ReadModelStore(dataFolder.readModelsFile, PROJECTIONS);
    const runner = new ProjectionRunner({ eventStore: store, readModels });
    closing.push(
      () => readModels.close(),
      () => runner.stop(),
    );
    failFor(store, 'identity', 3, unavailable);
    await runner.start();
    expect(runner.status()[0]).toMatchObject({ state: 'retrying', error: expect.stringContaining('UNAVAILABLE') });
    const { position } = await store.append('andet-1', [event('Noteret')]);
    await runner.waitForPosition(position, 5000);
    expect(runner.status()[0].state).toBe('running');
  });

  it("the projection runner's log check timer: a rebuild that cannot begin (a full disk) is retried", async () => {
    const readModels = new ReadModelStore(dataFolder.readModelsFile, PROJECTIONS);
    const runner = new ProjectionRunner({ eventStore: store, readModels, logCheckIntervalMs: 10 });
    closing.push(
      () => readModels.close(),
      () => runner.stop(),
    );
    await runner.start();
    await runner.waitForPosition((await store.append('andet-1', [event('Noteret'), event('Noteret')])).position, 5000);
    // the log is replaced by one that stops short of the checkpoint, and the read models cannot be dropped at first
    const older = new MemoryEventStore();
    jest.spyOn(store, 'headPosition').mockImplementation(() => older.headPosition());
    failFor(readModels, 'reset', 2, diskFull);
    await eventually(() => runner.incidents().lastRebuild !== undefined);
    expect(runner.incidents().lastRebuild?.reason).toMatch(/ahead of the log/);
  });

  it("the search index's writes: a full disk keeps the meetings marked, and they are written once there is room", async () => {
    const indeks = new SoegeIndeks(dir);
    const dokumenter = { byg: async () => undefined } as unknown as MoedeDokumenter;
    const indekser = new SoegeIndekser(store, indeks, dokumenter, dataFolder);
    closing.push(
      () => indeks.close(),
      () => indekser.stop(),
    );
    failFor(indeks, 'gem', 2, diskFull);
    await indekser.start();
    const { position } = await store.append('moede-1', [event('MoedeIndkaldt')]);
    await expect(indekser.waitFor(position, 5000)).resolves.toBeUndefined();
    expect(indeks.position).toBe(position);
  });

  it("the sagsnummer allocator's batch: a store that refuses the append fails the creations waiting, nothing else", async () => {
    const allocator = new SagsnummerAllocator(store);
    failFor(store, 'appendToStreams', 1, diskFull);
    const context = {
      actor: { userId: 'anna', role: 'sagsbehandler' as const },
      correlationId: 'c',
      causationId: 'c',
      now: new Date().toISOString(),
    };
    const creation = (sagId: string) => ({ sagId, streamName: `sag-${sagId}`, context, events: () => [event('SagOprettet')] });
    await expect(allocator.allocate(creation('a'))).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    await expect(allocator.allocate(creation('b'))).resolves.toMatchObject({ sagsnummer: expect.stringMatching(/^\d{2}\/1$/) });
  });

  it("the event store's group commit: a transaction that fails refuses the appends in it, and the next group commits", async () => {
    let fail = true;
    const group = new GroupCommit<number, number>(
      (requests) => {
        if (fail) throw diskFull();
        return requests.map((request) => ({ ok: request * 2 }));
      },
      () => undefined,
    );
    await expect(Promise.all([group.submit(1), group.submit(2)])).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    fail = false;
    await expect(group.submit(3)).resolves.toBe(6);
  });

  it('the log follower’s look at the log: a failed read fails the readers waiting, and the next look reads again', async () => {
    const follower = new LogFollower(store);
    await follower.caughtUp();
    failFor(store, 'readAll', 1, unavailable);
    await expect(follower.caughtUp()).rejects.toMatchObject({ type: 'unavailable' });
    await expect(follower.caughtUp()).resolves.toBeUndefined();
  });

  it("the graceful shutdown's connection reaper: a connection that cannot be closed does not stop the shutdown", async () => {
    const server = {
      listening: true,
      closeIdleConnections: () => {
        throw new Error('socket already destroyed');
      },
      closeAllConnections: () => undefined,
    };
    const http = { httpAdapter: { getHttpServer: () => server, close: () => sleep(80) } } as unknown as HttpAdapterHost;
    const idle = { idle: async () => true } as unknown as RequestsInFlight;
    const stopped = { stop: async () => undefined, status: () => [], waitForPosition: async () => undefined };
    const shutdown = new GracefulShutdown(http, idle, stopped as never, stopped as never, store);
    await expect(shutdown.onModuleDestroy()).resolves.toBeUndefined();
  });

  it('the metrics collected on a scrape: a store and a data folder that fail leave the other metrics', async () => {
    const metrics = new Metrics();
    const readModels = new ReadModelStore(dataFolder.readModelsFile, PROJECTIONS);
    const runner = new ProjectionRunner({ eventStore: store, readModels });
    closing.push(() => readModels.close());
    const { manager: sagOpfoelgning } = manager();
    new LagMetrics(metrics, store, runner, sagOpfoelgning, dataFolder).onModuleInit();
    failFor(store, 'headPosition', 2, unavailable);
    failFor(dataFolder, 'report', 2, () => Object.assign(new Error('ENOENT: no such file or directory, statfs'), { code: 'ENOENT' }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('sagsgang_log_reconnects_total{subscriber="projections"} 0');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
