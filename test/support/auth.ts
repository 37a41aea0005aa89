import { issueToken, loadOrCreateJwtSecret } from '@sagsgang/auth';
import { Role } from '@sagsgang/kernel';
import { RunningApi } from './test-app';

/** A bearer header the running API accepts, signed with the secret it generated into its data folder. */
export function bearer(api: RunningApi, role: Role, userId = `${role}-1`): { Authorization: string } {
  return { Authorization: `Bearer ${issueToken(loadOrCreateJwtSecret(api.dataDir), { userId, role })}` };
}
