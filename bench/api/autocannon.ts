/** The part of autocannon (CommonJS, untyped) the benchmark uses. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

export interface BenchRequest {
  method: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Called before each request is sent; the context is the connection's own. */
  setupRequest?: (request: BenchRequest, context: Record<string, unknown>) => BenchRequest;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}

export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: BenchRequest[];
  /** Seconds before a request counts as a timeout. */
  timeout?: number;
}

interface Histogram {
  average: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
}

export interface AutocannonResult {
  duration: number;
  requests: Histogram & { sent: number };
  latency: Histogram & { p97_5: number; p99_9: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}

export function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  return autocannon(options);
}
