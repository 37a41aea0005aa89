import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobOptions, exportWithBlobs, ExportRecord, ImportFailed, importLog } from '@sagsgang/audit';
import { FilesystemBlobStore } from '@sagsgang/blob-store';
import { eventId, memoryStore } from './support/audit-log';

/** A file of 2.5 pieces, so it spans three lines. */
const FIL = Buffer.alloc(Math.floor(2.5 * 768 * 1024), 'æ');
const SHA = createHash('sha256').update(FIL).digest('hex');
const references = (record: ExportRecord) => (record.type === 'BilagVedhaeftet' ? [{ sha256: String(record.data.sha256) }] : []);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('export and import with the files the events name', () => {
  const folders: string[] = [];
  const blobs = (): BlobOptions & { root: string } => {
    const root = mkdtempSync(join(tmpdir(), 'sagsgang-blobs-'));
    folders.push(root);
    return { root, store: new FilesystemBlobStore(root), references };
  };
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  /** A sag with the same bilag attached twice, then another event. */
  async function source() {
    const store = memoryStore();
    const files = blobs();
    await files.store.put(FIL);
    const bilag = (n: number) => ({ id: eventId(n), type: 'BilagVedhaeftet', data: { sha256: SHA, stoerrelse: FIL.length } });
    await store.append('sag-a', [{ id: eventId(1), type: 'SagOprettet', data: {} }, bilag(2), bilag(3)]);
    await store.append('sag-a', [{ id: eventId(4), type: 'AnledningSkrevet', data: {} }], 2);
    return { store, files };
  }

  it('carries each file once, in pieces, just before the first event that names it', async () => {
    const { store, files } = await source();
    const lines = await collect(exportWithBlobs(store, files));
    const kinds = lines.map((line) => ('blob' in line ? `blob@${line.offset}` : line.type));
    expect(kinds).toEqual([
      'SagOprettet',
      'blob@0',
      `blob@${768 * 1024}`,
      `blob@${2 * 768 * 1024}`,
      'BilagVedhaeftet',
      'BilagVedhaeftet',
      'AnledningSkrevet',
    ]);
  });

  it('writes the files into an empty store, byte for byte, with the events', async () => {
    const { store, files } = await source();
    const lines = (await collect(exportWithBlobs(store, files))).map((line) => JSON.stringify(line));
    const target = blobs();

    const report = await importLog(memoryStore(), lines, { blobs: target });

    expect(report).toEqual({ streams: 1, events: 4, files: 1 });
    expect(await target.store.get(SHA)).toEqual(FIL);
  });

  it('stops at a changed piece, naming its line, and keeps no part of the file', async () => {
    const { store, files } = await source();
    const lines = await collect(exportWithBlobs(store, files));
    const changed = lines.map((line) =>
      'blob' in line && line.offset === 768 * 1024 ? { ...line, base64: Buffer.alloc(768 * 1024, 'ø').toString('base64') } : line,
    );
    const target = blobs();

    const failure = await importLog(
      memoryStore(),
      changed.map((line) => JSON.stringify(line)),
      { blobs: target },
    ).catch((error) => error);

    expect(failure).toBeInstanceOf(ImportFailed);
    expect(failure.message).toMatch(/^line 4: file [0-9a-f]{64}: its bytes hash to [0-9a-f]{64}; the export was changed$/);
    expect(readdirSync(target.root, { recursive: true }).filter((name) => !String(name).match(/^tmp$/))).toEqual([]);
  });

  it('refuses an event naming a file the export does not carry', async () => {
    const { store, files } = await source();
    const withoutFile = (await collect(exportWithBlobs(store, files))).filter((line) => !('blob' in line));

    const failure = await importLog(memoryStore(), withoutFile, { blobs: blobs() }).catch((error) => error);

    expect(failure.message).toBe(`line 2: sag-a revision 1 names the file ${SHA}, which the export does not carry`);
  });

  it('refuses an export whose event names a file missing from the bilag folder', async () => {
    const { store } = await source();
    await expect(collect(exportWithBlobs(store, blobs()))).rejects.toThrow(
      `sag-a revision 1 names the file ${SHA}, which is not in the bilag folder`,
    );
  });

  it('refuses file lines when given nowhere to put them', async () => {
    const { store, files } = await source();
    const lines = await collect(exportWithBlobs(store, files));
    await expect(
      importLog(
        memoryStore(),
        lines.map((line) => JSON.stringify(line)),
      ),
    ).rejects.toThrow('line 2: a line of a file (bilag), but this import was given nowhere to put files');
  });
});
