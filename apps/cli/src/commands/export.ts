import { createWriteStream } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { EventStore } from '@sagsgang/event-store';
import { ExportOptions, exportWithBlobs, requireEventAt, UnknownPosition } from '@sagsgang/audit';
import { bilagFolder } from '../bilag';
import { Command, UsageError } from '../command';
import { withEventStore } from '../store';

export const exportCommand: Command = {
  usage: `export [--from <position>] [--stream <name>] [--since <ISO time>] [--until <ISO time>] [--out <file>]
        writes the log as JSON Lines, one event per line (position, stream,
        revision, id, type, data, metadata, hash), to stdout or --out, with
        the files its events name (bilag, approved referater) from
        SAGSGANG_DATA/bilag as lines of base64 just before the first event
        that names each ({"blob": sha256, "size", "offset", "base64"}).
        --from continues after the position of the last line already received
        (append to the old file: sagsgang export --from N >> log.jsonl);
        --stream exports one stream (e.g. sag-<id>); --since (inclusive) and
        --until (exclusive) select a period of recordedAt`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        stream: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        out: { type: 'string' },
      },
    });
    const options: ExportOptions = {
      fromPosition: values.from === undefined ? undefined : position(values.from),
      stream: values.stream,
      from: values.since === undefined ? undefined : time('--since', values.since),
      to: values.until === undefined ? undefined : time('--until', values.until),
    };
    const summary = await withEventStore({ readonly: true }, async (store) => {
      // Before --out is created: a position that names no event is the caller's mistake.
      if (options.fromPosition && options.stream === undefined) await requireEventAt(store, options.fromPosition).catch(asUsageError);
      return writeExport(store, options, values.out ? createWriteStream(values.out) : process.stdout);
    });
    const range = summary.events > 0 ? ` (positions ${summary.first}–${summary.last}; resume with --from ${summary.last})` : '';
    const files = summary.files > 0 ? ` and ${summary.files} files` : '';
    process.stderr.write(`exported ${summary.events} events${files}${range}\n`);
    return 0;
  },
};

/** Streams the export into `output` with back-pressure: the log is never held in memory. */
async function writeExport(store: EventStore, options: ExportOptions, output: Writable) {
  const summary = { events: 0, files: 0, first: 0, last: 0 };
  async function* lines() {
    for await (const record of exportWithBlobs(store, bilagFolder(), options)) {
      if ('blob' in record) {
        if (record.offset === 0) summary.files++;
        yield `${JSON.stringify(record)}\n`;
        continue;
      }
      if (summary.events++ === 0) summary.first = record.position;
      summary.last = record.position;
      yield `${JSON.stringify(record)}\n`;
    }
  }
  try {
    await pipeline(Readable.from(lines()), output, { end: output !== process.stdout });
  } catch (error) {
    // The reader went away (`sagsgang export | head`): what it read was written; not a failure.
    if ((error as { code?: unknown }).code !== 'EPIPE') throw error;
  }
  return summary;
}

function asUsageError(error: unknown): never {
  throw error instanceof UnknownPosition ? new UsageError(`--from: ${error.message}`) : error;
}

function position(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`--from must be a position (an integer ≥ 0), not ${value}`);
  return Number(value);
}

function time(option: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`${option} must be an ISO 8601 time, e.g. 2025-01-01 or 2025-01-01T12:00:00Z, not ${value}`);
  }
  return value;
}
