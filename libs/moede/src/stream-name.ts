/** Every meeting lives in its own stream; this is the only place its name is spelled. */
export const MOEDE_STREAM_PREFIX = 'moede-';

export function moedeStreamName(moedeId: string): string {
  return `${MOEDE_STREAM_PREFIX}${moedeId}`;
}
