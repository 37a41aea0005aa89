import 'reflect-metadata';
import { Command, isUsageError } from './command';

/**
 * Each command is loaded only when it runs: the CLI runs from TypeScript
 * source in the tests, where every module loaded is a module transpiled, and
 * verify need not pay for replay's read models.
 */
const commands: Record<string, () => Promise<Command>> = {
  token: async () => (await import('./commands/token')).token,
  verify: async () => (await import('./commands/verify')).verify,
  export: async () => (await import('./commands/export')).exportCommand,
  import: async () => (await import('./commands/import')).importCommand,
  replay: async () => (await import('./commands/replay')).replay,
  backup: async () => (await import('./commands/backup')).backup,
  restore: async () => (await import('./commands/restore')).restore,
};

const STORE_NOTE = `The event store is chosen as the API chooses it: EVENTSTORE_CONNECTION_STRING
(esdb://…) selects EventStoreDB, otherwise the SQLite file in SAGSGANG_DATA
(default ./data). verify, export and backup may run while the API writes;
replay reads it too, but needs the read models under SAGSGANG_DATA to itself: it
refuses to start while the API runs on that folder.`;

async function usage(): Promise<string> {
  const all = await Promise.all(Object.values(commands).map((load) => load()));
  return `sagsgang <command> [options]

${all.map((command) => `  ${command.usage}`).join('\n\n')}

${STORE_NOTE}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(`${await usage()}\n`);
    return name === undefined || name === '--help' ? 0 : 2;
  }
  const command = await load();
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
