import { EventStore, RecordedEvent } from '@sagsgang/event-store';
import { exportJsonLines, exportLog, ExportRecord, ImportFailed, importLog, verifyLog } from '@sagsgang/audit';
import { eventId, memoryStore, recordedAt, SqliteFolder, writeAuditLog } from './support/audit-log';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** What must survive a move between stores: every stream's events in order with their ids, content and hashes, and the global order. */
function essence(events: RecordedEvent[]) {
  return events.map(({ streamName, revision, id, type, data, metadata }) => ({ streamName, revision, id, type, data, metadata }));
}

describe('export then import into an empty store', () => {
  let folder: SqliteFolder;
  beforeEach(() => (folder = new SqliteFolder()));
  afterEach(() => folder.remove());

  it('moves a SQLite log into memory with the same streams, order, ids, data and hashes, and it verifies', async () => {
    // given a SQLite store and its export as JSON Lines
    const source = folder.open();
    const original = await writeAuditLog(source);
    const text = (await collect(exportJsonLines(folder.open({ readonly: true }), { pageSize: 4 }))).join('');
    // when the lines are imported into an empty memory store
    const target = memoryStore();
    const imported = await importLog(target, text.split('\n'));
    // then it holds the same events in the same order and verifies clean
    expect(imported).toEqual({ streams: 5, events: original.length });
    expect(essence(await target.readAll())).toEqual(essence(original));
    expect(await verifyLog(target)).toMatchObject({ streams: 5, events: original.length, failures: [] });
  });

  it('moves a memory log into SQLite with overlapping appends of one event each', async () => {
    const source = memoryStore();
    const original = await writeAuditLog(source);
    const target = folder.open();
    await importLog(target, exportLog(source), { batchSize: 1, inFlight: 8 });
    const moved = await target.readAll();
    expect(essence(moved)).toEqual(essence(original));
    expect(moved.map((event) => event.metadata.hash)).toEqual(original.map((event) => event.metadata.hash));
    expect(await verifyLog(target)).toMatchObject({ failures: [] });
  });

  it('keeps the order where positions differ, leaving out system streams', async () => {
    // given a log with a system stream's events between ours, so our positions have gaps
    const source = memoryStore();
    await source.append('$statistik', [{ id: '00000000-0000-4000-8000-0000000000aa', type: '$Tal', data: {} }]);
    const original = await writeAuditLog(source);
    await source.append('$statistik', [{ id: '00000000-0000-4000-8000-0000000000ab', type: '$Tal', data: {} }], 0);
    // when it is moved to another store
    const target = folder.open();
    await importLog(target, exportLog(source));
    // then the events have new positions, the same order, and no system event came along
    const moved = await target.readAll();
    expect(moved.map((event) => event.position)).toEqual(original.slice(1).map((event) => event.position - 1));
    expect(essence(moved)).toEqual(essence(original.slice(1)));
  });

  it('refuses a store that is not empty, appending nothing', async () => {
    const source = memoryStore();
    await writeAuditLog(source);
    const target = memoryStore();
    await target.append('sag-x', [{ id: '00000000-0000-4000-8000-ffffffffffff', type: 'SagOprettet', data: {} }]);
    await expect(importLog(target, exportLog(source))).rejects.toThrow(/not empty \(its log ends at position 1\)/);
    expect(await target.headPosition()).toBe(1);
  });
});

describe('importLog refuses a broken export, naming the line', () => {
  let lines: string[];
  beforeAll(async () => {
    const source = memoryStore();
    await writeAuditLog(source);
    lines = (await collect(exportJsonLines(source))).map((line) => line.trimEnd());
  });

  const importInto = async (changed: string[]) => {
    const target = memoryStore();
    const error = await importLog(target, changed).catch((e: unknown) => e);
    return { error: error as ImportFailed, target };
  };

  it('stops at a line whose data was changed, with everything before it imported', async () => {
    const changed = [...lines];
    changed[7] = changed[7].replace('Begivenhed', 'begivenhed');
    const { error, target } = await importInto(changed);
    expect(error).toBeInstanceOf(ImportFailed);
    expect(error.line).toBe(8);
    expect(error.message).toMatch(/^line 8: stream sag-a revision 2: hash [0-9a-f]{64} does not match the event/);
    expect((await target.readAll()).length).toBe(7);
  });

  it('stops at a line that repeats an earlier one', async () => {
    const { error } = await importInto([...lines.slice(0, 4), lines[3], ...lines.slice(4)]);
    expect(error.message).toMatch(/^line 5: position 4 does not follow position 4/);
  });

  it('stops at a stream that does not start at revision 0, as in a period export', async () => {
    const { error } = await importInto(lines.slice(4));
    expect(error.message).toMatch(/^line 1: stream sag-b revision 1 where revision 0 comes next/);
  });

  it('stops at a line that is not JSON', async () => {
    const { error } = await importInto([lines[0], '{"position": 2', lines[1]]);
    expect(error.message).toMatch(/^line 2: not JSON/);
  });

  it('stops at the line whose event the store refuses, with what was appended before it', async () => {
    const target = memoryStore();
    await expect(importLog(refusing(target, 'moede-m'), lines)).rejects.toThrow(
      /^line 7: appending stream moede-m from revision 0 failed: disk full$/,
    );
    expect((await target.readAll()).length).toBe(6);
  });

  it('stops at the line whose hash the store computes differently', async () => {
    const target = memoryStore();
    const error = (await importLog(rehashing(target, eventId(9)), lines).catch((e: unknown) => e)) as ImportFailed;
    expect(error.message).toMatch(/^line 9: stream sag-a revision 3: the store computed hash 0{64}, the export says [0-9a-f]{64}$/);
  });

  it('skips blank lines', async () => {
    const { error, target } = await importInto(['', ...lines, '', '']);
    expect(error).toEqual({ streams: 5, events: lines.length });
    expect(await target.headPosition()).toBe(lines.length);
  });
});

/** The store, except that appends to `stream` fail. */
function refusing(store: EventStore, stream: string): EventStore {
  return new Proxy(store, {
    get: (target, name) =>
      name === 'append'
        ? (streamName: string, ...rest: unknown[]) =>
            streamName === stream
              ? Promise.reject(new Error('disk full'))
              : (target.append as (...args: unknown[]) => unknown)(streamName, ...rest)
        : Reflect.get(target, name),
  });
}

/** The store, except that the event with this id reads back with another hash. */
function rehashing(store: EventStore, id: string): EventStore {
  const change = (event: RecordedEvent) => (event.id === id ? { ...event, metadata: { ...event.metadata, hash: '0'.repeat(64) } } : event);
  return new Proxy(store, {
    get: (target, name) =>
      name === 'readAll'
        ? async (...args: Parameters<EventStore['readAll']>) => (await target.readAll(...args)).map(change)
        : Reflect.get(target, name),
  });
}

describe('exportLog', () => {
  let store: EventStore;
  let all: ExportRecord[];
  beforeAll(async () => {
    store = memoryStore();
    await writeAuditLog(store);
    all = await collect(exportLog(store));
  });

  it('writes one record per event with position, stream, revision, id, type, data, metadata and hash', () => {
    expect(all).toHaveLength(16);
    expect(all[1]).toEqual({
      position: 2,
      stream: 'sag-a',
      revision: 0,
      id: '00000000-0000-4000-8000-000000000002',
      type: 'SagOprettet',
      data: expect.objectContaining({ nummer: 2 }),
      metadata: expect.objectContaining({ recordedAt: recordedAt(2), prevHash: '0'.repeat(64), hash: all[1].hash }),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it.each([1, 5, 15, 16])('resumes after position %i without a gap or a duplicate', async (lastReceived) => {
    const rest = await collect(exportLog(store, { fromPosition: lastReceived, pageSize: 3 }));
    expect([...all.filter((r) => r.position <= lastReceived), ...rest]).toEqual(all);
  });

  it('exports one stream, in revision order, resumable', async () => {
    const sagA = await collect(exportLog(store, { stream: 'sag-a', pageSize: 2 }));
    expect(sagA.map((r) => [r.stream, r.revision])).toEqual([0, 1, 2, 3, 4].map((revision) => ['sag-a', revision]));
    const resumed = await collect(exportLog(store, { stream: 'sag-a', fromPosition: sagA[2].position }));
    expect(resumed).toEqual(sagA.slice(3));
  });

  it('exports the streams with a prefix', async () => {
    const sager = await collect(exportLog(store, { streamPrefix: 'sag-' }));
    expect(new Set(sager.map((r) => r.stream))).toEqual(new Set(['sag-a', 'sag-b', 'sag-c']));
  });

  it('exports a period of recordedAt, from inclusive to exclusive', async () => {
    const period = await collect(exportLog(store, { from: recordedAt(4), to: new Date(recordedAt(9)) }));
    expect(period.map((r) => r.metadata.recordedAt)).toEqual([4, 5, 6, 7, 8].map(recordedAt));
  });

  it('refuses a time that is not one', async () => {
    await expect(collect(exportLog(store, { from: 'i går' }))).rejects.toThrow(/from is not a valid time/);
  });
});
