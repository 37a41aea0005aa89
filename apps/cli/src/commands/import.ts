import { accessSync, constants, createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { importLog } from '@sagsgang/audit';
import { Command, UsageError } from '../command';
import { bilagFolder } from '../bilag';
import { isEmbeddedStore, withEventStore } from '../store';

export const importCommand: Command = {
  usage: `import --in <file>
        appends an export (JSON Lines) to an empty event store, keeping every
        event's id, stream, revision, order and hash, and the files it carries
        into SAGSGANG_DATA/bilag (each checked against its sha256); stops at
        the first line whose hash does not match, naming it`,

  async run(args) {
    const { values } = parseArgs({ args, options: { in: { type: 'string' } } });
    if (!values.in) throw new UsageError('--in <file> is required');
    // Before the store is opened: a mistyped file name must not leave an empty store behind.
    accessSync(values.in, constants.R_OK);
    const input = createReadStream(values.in, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      const started = process.hrtime.bigint();
      // SQLite commits appends in issue order, so they may overlap and share fsyncs; EventStoreDB gets one at a time.
      const inFlight = isEmbeddedStore() ? 64 : 1;
      const report = await withEventStore({ readonly: false }, (store) => importLog(store, lines, { inFlight, blobs: bilagFolder() }));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      process.stdout.write(
        `imported ${report.events} events in ${report.streams} streams and ${report.files ?? 0} files (${seconds.toFixed(1)} s); hashes match the export\n`,
      );
      return 0;
    } finally {
      lines.close();
      input.destroy();
    }
  },
};
