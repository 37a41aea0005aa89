import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** The CLI from source, as the tests run it: no build needed. */
export const CLI = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `sagsgang <args>` as a child process on the SQLite store in `dataDir`. */
export async function sagsgang(dataDir: string, ...args: string[]): Promise<CliRun> {
  const env = { ...process.env, SAGSGANG_DATA: dataDir, EVENTSTORE_CONNECTION_STRING: '' };
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [...CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}
