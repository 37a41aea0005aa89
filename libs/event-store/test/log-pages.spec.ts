import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, LoggedEvent, LogPagesOptions, MemoryEventStore, SqliteEventStore, streamShareOf } from '../src';

const folder = mkdtempSync(join(tmpdir(), 'sagsgang-log-pages-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Stream names ending in digits, letters, a Danish letter and a character outside the BMP (a surrogate pair in JavaScript). */
const STREAMS = ['sag-0', 'sag-1', 'sag-2', 'sag-3', 'moede-a', 'moede-b', 'sag-ø', 'sag-x😀'];

async function fill(store: EventStore): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const data = { i, tekst: `Børn og unge “${i}” \\ \n`, liste: [i, { a: null }] };
    await store.append(STREAMS[i % STREAMS.length], [{ id: randomUUID(), type: i % 2 ? 'A' : 'Bæ', data, metadata: { who: 'x' } }]);
  }
}

async function collect(store: EventStore, options: LogPagesOptions): Promise<LoggedEvent[][]> {
  const pages: LoggedEvent[][] = [];
  for await (const page of store.readLogPages(options)) pages.push(page);
  return pages;
}

const withoutMetadata = ({ metadata: _metadata, ...event }: LoggedEvent & { metadata?: unknown }): LoggedEvent => event;

describe.each<[string, () => EventStore]>([
  ['sqlite', () => new SqliteEventStore(join(folder, `${randomUUID()}.sqlite`))],
  ['memory', () => new MemoryEventStore()],
])('readLogPages on %s', (_name, open) => {
  let store: EventStore;
  beforeAll(async () => {
    store = open();
    await fill(store);
  });
  afterAll(() => store.close());

  it('gives the log after one position up to another in pages, in order, as readAll does without metadata', async () => {
    const pages = await collect(store, { afterPosition: 2, toPosition: 20, pageSize: 7 });
    expect(pages.map((page) => page.length)).toEqual([7, 7, 4]);
    const all = await store.readAll({ fromPosition: 3, maxCount: 18 });
    expect(pages.flat().map(withoutMetadata)).toEqual(all.map(withoutMetadata));
  });

  it('gives no metadata from the SQLite store, and nothing past the head', async () => {
    const pages = await collect(store, { afterPosition: 0, toPosition: 1000, pageSize: 10 });
    expect(pages.flat()).toHaveLength(40);
    if (store instanceof SqliteEventStore) expect(pages.flat().every((event) => !('metadata' in event))).toBe(true);
  });

  it.each([2, 3])('splits the log into %i shares of the streams that together give it whole, each in position order', async (of) => {
    const all = (await store.readAll()).map(withoutMetadata);
    const shares = await Promise.all(
      Array.from({ length: of }, (_, share) => collect(store, { afterPosition: 0, toPosition: 40, pageSize: 4, streams: { share, of } })),
    );
    for (const [share, pages] of shares.entries()) {
      expect(pages.every((page) => page.length > 0 && page.length <= 4)).toBe(true);
      const events = pages.flat().map(withoutMetadata);
      expect(events).toEqual(all.filter((event) => streamShareOf(event.streamName, of) === share));
    }
    expect(shares.reduce((sum, pages) => sum + pages.flat().length, 0)).toBe(40);
    expect(shares.every((pages) => pages.length > 0)).toBe(true);
  });

  it('refuses a share that is not one of the shares', async () => {
    for (const streams of [
      { share: 2, of: 2 },
      { share: -1, of: 2 },
      { share: 0, of: 0 },
      { share: 0.5, of: 2 },
    ]) {
      await expect(collect(store, { afterPosition: 0, toPosition: 40, pageSize: 4, streams })).rejects.toThrow(RangeError);
    }
  });
});

describe('streamShareOf', () => {
  it('takes the code point of the last character, a surrogate pair as one', () => {
    expect(streamShareOf('sag-1', 2)).toBe('1'.charCodeAt(0) % 2);
    expect(streamShareOf('sag-ø', 7)).toBe(0xf8 % 7);
    expect(streamShareOf('sag-x😀', 7)).toBe(0x1f600 % 7);
  });
});
