import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { takeBackup } from '../backup/take-backup';
import { Command, UsageError } from '../command';
import { isEmbeddedStore, withEventStore } from '../store';

export const backup: Command = {
  usage: `backup --out <folder>
        copies what SAGSGANG_DATA holds into a new or empty folder, while the
        API runs: the read models and the process manager's tables, then the
        event store (SQLite's online backup: each a snapshot of one moment),
        the bilag and the JWT secret, with a manifest (sha256 of each file,
        the log's head and the store's identity). With EventStoreDB the log
        itself is backed up with EventStoreDB's own tools`,

  async run(args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    if (!values.out) throw new UsageError('--out <folder> is required');
    const dataDir = resolve(process.env.SAGSGANG_DATA || './data');
    const out = resolve(values.out);
    const manifest = isEmbeddedStore()
      ? await takeBackup(dataDir, out)
      : await withEventStore({ readonly: true }, (store) => takeBackup(dataDir, out, store));
    const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
    process.stdout.write(
      `backed up ${manifest.files.length} files (${bytes} bytes) from ${dataDir} to ${out}: ` +
        `log up to position ${manifest.store.head} of store ${manifest.store.identity}\n`,
    );
    return 0;
  },
};
