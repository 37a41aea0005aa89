import { EventStore, RecordedEvent } from '@sagsgang/event-store';
import { verifyLog, VerifyReport } from '@sagsgang/audit';
import { memoryStore, rowOf, SqliteFolder, writeAuditLog } from './support/audit-log';
import { changeOneByte, swapContents, swapRevisions } from './support/tamper';

const named = (report: VerifyReport) => report.failures.map(({ stream, revision }) => ({ stream, revision }));

describe('verifyLog on an untouched log', () => {
  it('reports every stream and event checked and no failure, in memory', async () => {
    const store = memoryStore();
    const events = await writeAuditLog(store);
    const report = await verifyLog(store);
    expect(report).toEqual({ streams: 5, events: events.length, lastPosition: events.length, failures: [], unreadable: [] });
  });

  it('reports no failure on SQLite, read page by page', async () => {
    const folder = new SqliteFolder();
    try {
      const events = await writeAuditLog(folder.open());
      const report = await verifyLog(folder.open({ readonly: true }), { pageSize: 3 });
      expect(report).toMatchObject({ streams: 5, events: events.length, failures: [] });
    } finally {
      await folder.remove();
    }
  });

  it('reports an empty log as clean', async () => {
    expect(await verifyLog(memoryStore())).toEqual({ streams: 0, events: 0, lastPosition: 0, failures: [], unreadable: [] });
  });
});

describe('verifyLog on a SQLite file changed behind the store', () => {
  let folder: SqliteFolder;

  beforeEach(async () => {
    folder = new SqliteFolder();
    const store = folder.open();
    await writeAuditLog(store);
    await store.close();
  });
  afterEach(() => folder.remove());

  const verify = (pageSize?: number) => verifyLog(folder.open({ readonly: true }), { pageSize });

  it('names the revision whose data had one byte changed, and nothing after it', async () => {
    folder.sql((db) => changeOneByte(db, 'sag-a', 2, 'Begivenhed', 'b'));
    const report = await verify();
    expect(named(report)).toEqual([{ stream: 'sag-a', revision: 2 }]);
    expect(report.failures[0].problem).toMatch(/stored hash does not match the event/);
  });

  it('names the revision whose data no longer parses after a changed byte, as missing', async () => {
    folder.sql((db) => changeOneByte(db, 'sag-b', 1, '{', '['));
    const report = await verify(4);
    expect(named(report)).toEqual([{ stream: 'sag-b', revision: 1 }]);
    expect(report.failures[0].problem).toMatch(/revision 1 is missing.*unreadable data/);
    expect(report.unreadable).toHaveLength(1);
  });

  it('names the revision whose stored hash alone was changed, not the next one', async () => {
    folder.sql((db) => {
      const { metadata } = rowOf(db, 'sag-a', 1);
      const hash = JSON.parse(metadata).hash as string;
      const changed = metadata.replace(`"hash":"${hash}"`, `"hash":"${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}"`);
      db.prepare("UPDATE events SET metadata = ? WHERE stream_name = 'sag-a' AND revision = 1").run(changed);
    });
    expect(named(await verify())).toEqual([{ stream: 'sag-a', revision: 1 }]);
  });

  it('names the revision where an event was deleted', async () => {
    folder.sql((db) => db.prepare("DELETE FROM events WHERE stream_name = 'sag-a' AND revision = 2").run());
    const report = await verify();
    expect(named(report)).toEqual([{ stream: 'sag-a', revision: 2 }]);
    expect(report.failures[0].problem).toBe('revision 2 is missing: revision 3 follows revision 1');
  });

  it('names revision 0 when a stream lost its first event', async () => {
    folder.sql((db) => db.prepare("DELETE FROM events WHERE stream_name = 'moede-m' AND revision = 0").run());
    expect(named(await verify())).toEqual([{ stream: 'moede-m', revision: 0 }]);
  });

  it('names the first of two adjacent events whose contents were swapped', async () => {
    folder.sql((db) => swapContents(db, 'sag-a', 1, 2));
    const report = await verify();
    expect(named(report)).toEqual([{ stream: 'sag-a', revision: 1 }]);
    expect(report.failures[0].problem).toMatch(/chain breaks here.*revisions 1–3/);
  });

  it('names both of two distant events whose contents were swapped', async () => {
    folder.sql((db) => swapContents(db, 'sag-a', 0, 3));
    expect(named(await verify())).toEqual([
      { stream: 'sag-a', revision: 0 },
      { stream: 'sag-a', revision: 3 },
    ]);
  });

  it('names the first of two events whose revisions were swapped', async () => {
    folder.sql((db) => swapRevisions(db, 'sag-a', 1, 2));
    const report = await verify();
    expect(named(report)).toEqual([{ stream: 'sag-a', revision: 1 }]);
    expect(report.failures[0].problem).toMatch(/revision 1 is stored out of order: after revision 2/);
  });

  it('finds independent changes in different streams, each at its own revision', async () => {
    folder.sql((db) => {
      changeOneByte(db, 'sag-c', 1, 'nummer', 'N');
      db.prepare("DELETE FROM events WHERE stream_name = 'sagsnummer-25' AND revision = 1").run();
    });
    expect(named(await verify(2))).toEqual([
      { stream: 'sagsnummer-25', revision: 1 },
      { stream: 'sag-c', revision: 1 },
    ]);
  });

  it('skips system streams, whose names start with $', async () => {
    folder.sql((db) =>
      db
        .prepare(
          "INSERT INTO events (stream_name, revision, id, type, data, metadata) VALUES ('$settings', 5, 'x', 'Indstilling', '{}', '{}')",
        )
        .run(),
    );
    expect(await verify()).toMatchObject({ streams: 5, failures: [] });
  });
});

describe('verifyLog against a store that breaks the port', () => {
  it('names an event whose global position does not increase', async () => {
    const source = memoryStore();
    const events = await writeAuditLog(source);
    const moved = events.map((event) => (event.streamName === 'sag-c' && event.revision === 0 ? { ...event, position: 3 } : event));
    const report = await verifyLog(fixedLog(moved));
    expect(named(report)).toEqual([{ stream: 'sag-c', revision: 0 }]);
    expect(report.failures[0].problem).toMatch(/global position 3 does not follow position \d+/);
  });
});

/** A store whose log is exactly these events, in this order, whatever their positions say. */
function fixedLog(events: RecordedEvent[]): EventStore {
  return {
    readAll: async ({ fromPosition = 0, maxCount = Infinity } = {}) => {
      const start = events.findIndex((event) => event.position >= (fromPosition as number));
      return start < 0 ? [] : events.slice(start, start + maxCount);
    },
  } as EventStore;
}
