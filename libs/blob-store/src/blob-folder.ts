import { join } from 'node:path';

/** Where the API and the CLI keep the files under SAGSGANG_DATA, whichever event store holds the log. */
export function blobFolder(dataDir: string): string {
  return join(dataDir, 'bilag');
}
