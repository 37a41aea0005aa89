import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemBlobStore } from '../src';

describe('FilesystemBlobStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'sagsgang-blobs-'));
  const store = new FilesystemBlobStore(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names a blob by the sha256 of its bytes and reads it back exactly', async () => {
    const content = Buffer.from('Handleplan 2016-17 æøå', 'utf8');
    const stored = await store.put(content);
    expect(stored).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), size: content.length });
    expect(await store.get(stored.sha256)).toEqual(content);
  });

  it('stores the same content once', async () => {
    const content = Buffer.from('samme indhold');
    const first = await store.put(content);
    await store.put(content);
    expect(readdirSync(join(root, first.sha256.slice(0, 2))).filter((name) => name.startsWith(first.sha256))).toEqual([first.sha256]);
  });

  it('answers undefined for an unknown or malformed hash', async () => {
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    expect(await store.get('../../etc/passwd')).toBeUndefined();
  });
});
