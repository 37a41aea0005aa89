/** Every sag lives in its own stream; this is the only place its name is spelled. */
export const SAG_STREAM_PREFIX = 'sag-';

export function sagStreamName(sagId: string): string {
  return `${SAG_STREAM_PREFIX}${sagId}`;
}
