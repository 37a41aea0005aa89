import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, LoggedEvent, MemoryEventStore, SqliteEventStore } from '../src';

const folder = mkdtempSync(join(tmpdir(), 'sagsgang-log-pages-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function fill(store: EventStore): Promise<void> {
  for (let i = 0; i < 25; i++) {
    const data = { i, tekst: `Børn og unge “${i}” \\ \n`, liste: [i, { a: null }] };
    await store.append(`sag-${i % 4}`, [{ id: randomUUID(), type: i % 2 ? 'A' : 'Bæ', data, metadata: { who: 'x' } }]);
  }
}

async function collect(store: EventStore, fromPosition: number, toPosition: number, pageSize: number): Promise<LoggedEvent[][]> {
  const pages: LoggedEvent[][] = [];
  for await (const page of store.readLogPages({ fromPosition, toPosition, pageSize })) pages.push(page);
  return pages;
}

const withoutMetadata = ({ metadata: _metadata, ...event }: LoggedEvent & { metadata?: unknown }): LoggedEvent => event;

describe.each<[string, () => EventStore]>([
  ['sqlite (read ahead on its own thread)', () => new SqliteEventStore(join(folder, `${randomUUID()}.sqlite`))],
  ['memory', () => new MemoryEventStore()],
])('readLogPages on %s', (_name, open) => {
  let store: EventStore;
  beforeAll(async () => {
    store = open();
    await fill(store);
  });
  afterAll(() => store.close());

  it('gives the log between the two positions in pages, in order, as readAll does without metadata', async () => {
    const pages = await collect(store, 3, 20, 7);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 4]);
    const all = await store.readAll({ fromPosition: 3, maxCount: 18 });
    expect(pages.flat().map(withoutMetadata)).toEqual(all.map(withoutMetadata));
  });

  it('gives no metadata from the SQLite store, and nothing past the head', async () => {
    const pages = await collect(store, 1, 1000, 10);
    expect(pages.flat()).toHaveLength(25);
    if (store instanceof SqliteEventStore) expect(pages.flat().every((event) => !('metadata' in event))).toBe(true);
  });
});
