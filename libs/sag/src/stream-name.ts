/** Every sag lives in its own stream; this is the only place its name is spelled. */
export function sagStreamName(sagId: string): string {
  return `sag-${sagId}`;
}
