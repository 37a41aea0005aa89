import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { issueToken, isRole, loadOrCreateJwtSecret } from '@sagsgang/auth';
import { ROLES } from '@sagsgang/kernel';

const USAGE = `sagsgang <command> [options]

  token --sub <user> --role <${ROLES.join('|')}> [--expires-in 8h]
        prints a bearer token the API accepts (secret: SAGSGANG_JWT_SECRET,
        else the one generated into SAGSGANG_DATA, default ./data)`;

function token(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { sub: { type: 'string' }, role: { type: 'string' }, 'expires-in': { type: 'string', default: '8h' } },
  });
  if (!values.sub) throw new Error('--sub <user> is required');
  if (!isRole(values.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const secret = loadOrCreateJwtSecret(process.env.SAGSGANG_DATA || './data', process.env.SAGSGANG_JWT_SECRET);
  process.stdout.write(`${issueToken(secret, { userId: values.sub, role: values.role }, values['expires-in'])}\n`);
}

const commands: Record<string, (args: string[]) => void | Promise<void>> = { token };

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = name === undefined || name === '--help' ? 0 : 2;
    return;
  }
  await command(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`sagsgang: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
