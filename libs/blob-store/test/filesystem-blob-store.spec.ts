import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, promises, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('removes its temporary file when a write fails for lack of space, and stores the bytes once there is room', async () => {
    // given a disk that fills up halfway through the next write
    const open = promises.open.bind(promises);
    jest.spyOn(promises, 'open').mockImplementationOnce(async (path, flags, mode) => {
      const handle = await open(path, flags, mode);
      const noSpace = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return {
        writeFile: async () => (await handle.write(Buffer.from('halv')), Promise.reject(noSpace)),
        sync: () => handle.sync(),
        close: () => handle.close(),
      } as unknown as promises.FileHandle;
    });
    const content = Buffer.from('Bilag der ikke var plads til');
    // when
    await expect(store.put(content)).rejects.toMatchObject({ code: 'ENOSPC' });
    // then
    const { sha256 } = await store.put(content);
    expect(readdirSync(join(root, sha256.slice(0, 2)))).toEqual([sha256]);
    expect(await store.get(sha256)).toEqual(content);
  });

  it('removes the temporary files a crash left behind when it is opened', () => {
    mkdirSync(join(root, 'ab'), { recursive: true });
    const left = join(root, 'ab', `ab${'0'.repeat(62)}.3f2c.tmp`);
    writeFileSync(left, 'halvt skrevet');
    new FilesystemBlobStore(root);
    expect(existsSync(left)).toBe(false);
  });
});
