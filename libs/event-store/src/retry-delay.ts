/**
 * How long to wait before the `attempt`-th try (from 1): exponential from
 * `baseMs`, capped at `maxMs`, with jitter (between half of it and all), so
 * that writers who lost the same race, or readers cut off by the same
 * restart, do not all come back at once.
 */
export function retryDelay(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
