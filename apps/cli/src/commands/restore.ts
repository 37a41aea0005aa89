import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyLog } from '@sagsgang/audit';
import { restoreBackup } from '../backup/restore-backup';
import { Command, UsageError } from '../command';
import { isEmbeddedStore, withEventStore } from '../store';

export const restore: Command = {
  usage: `restore --from <backup folder>
        checks every file of a backup against its manifest and copies it into
        SAGSGANG_DATA, which must not exist or be empty; then verifies the
        restored log (as sagsgang verify does) and exits 1 if it fails. The
        API started on the folder catches its read models up with the log`,

  async run(args) {
    const { values } = parseArgs({ args, options: { from: { type: 'string' } } });
    if (!values.from) throw new UsageError('--from <backup folder> is required');
    const dataDir = resolve(process.env.SAGSGANG_DATA || './data');
    const manifest = await restoreBackup(resolve(values.from), dataDir);
    process.stdout.write(
      `restored ${manifest.files.length} files into ${dataDir}: log up to position ${manifest.store.head} of store ${manifest.store.identity}` +
        ` (backed up ${manifest.createdAt})\n`,
    );
    if (!isEmbeddedStore()) return 0;
    const report = await withEventStore({ readonly: true }, (store) => verifyLog(store));
    const failures = report.failures.length + report.unreadable.length;
    process.stdout.write(
      failures === 0
        ? `verify: OK (${report.streams} streams, ${report.events} events)\n`
        : `verify: ${failures} failures; run sagsgang verify for the details\n`,
    );
    return failures === 0 ? 0 : 1;
  },
};
