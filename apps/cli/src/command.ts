/** One `sagsgang` subcommand: its usage text and what it does; the exit code is what `run` resolves to. */
export interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Wrong or missing options: the command's usage is printed, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Node's parseArgs reports unknown or malformed options with these codes. */
export function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}
