import { parseArgs } from 'node:util';
import { issueToken, isRole, loadOrCreateJwtSecret } from '@sagsgang/auth';
import { ROLES } from '@sagsgang/kernel';
import { Command, UsageError } from '../command';

export const token: Command = {
  usage: `token --sub <user> --role <${ROLES.join('|')}> [--expires-in 8h]
        prints a bearer token the API accepts (secret: SAGSGANG_JWT_SECRET,
        else the one generated into SAGSGANG_DATA, default ./data)`,

  async run(args) {
    const { values } = parseArgs({
      args,
      options: { sub: { type: 'string' }, role: { type: 'string' }, 'expires-in': { type: 'string', default: '8h' } },
    });
    if (!values.sub) throw new UsageError('--sub <user> is required');
    if (!isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const secret = loadOrCreateJwtSecret(process.env.SAGSGANG_DATA || './data', process.env.SAGSGANG_JWT_SECRET);
    process.stdout.write(`${issueToken(secret, { userId: values.sub, role: values.role }, values['expires-in'])}\n`);
    return 0;
  },
};
