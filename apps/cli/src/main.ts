import 'reflect-metadata';
import { Command, isUsageError } from './command';
import { backup } from './commands/backup';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { replay } from './commands/replay';
import { restore } from './commands/restore';
import { token } from './commands/token';
import { verify } from './commands/verify';

const commands: Record<string, Command> = { token, verify, export: exportCommand, import: importCommand, replay, backup, restore };

const STORE_NOTE = `The event store is chosen as the API chooses it: EVENTSTORE_CONNECTION_STRING
(esdb://…) selects EventStoreDB, otherwise the SQLite file in SAGSGANG_DATA
(default ./data). verify, export and backup may run while the API writes;
replay reads it too, but needs the read models under SAGSGANG_DATA to itself: it
refuses to start while the API runs on that folder.`;

const USAGE = `sagsgang <command> [options]

${Object.values(commands)
  .map((command) => `  ${command.usage}`)
  .join('\n\n')}

${STORE_NOTE}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    process.stderr.write(`sagsgang ${name}: ${(error as Error).message}\n\nusage: sagsgang ${command.usage}\n`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sagsgang: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
