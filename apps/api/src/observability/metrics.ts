import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Seconds; most commands answer within milliseconds, a slow fsync or a 5 s minPosition wait shows in the tail. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The app's Prometheus metrics, in a registry of its own (not prom-client's
 * global one), so that several apps in one process — the end-to-end tests —
 * do not share counters or collide on names.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'sagsgang_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'sagsgang_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'sagsgang_events_appended_total',
    help: 'Events the event store accepted, by stream category (sag, moede, sagsnummer, …)',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly revisionConflicts = new Counter({
    name: 'sagsgang_expected_revision_conflicts_total',
    help: 'Appends the store refused because the stream had moved past the expected revision (lost races; retried where the client gave no If-Match), by stream category',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

/** `sag-4f1c…` → `sag`: a label with a handful of values, never one per stream. */
export function streamCategory(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash > 0 ? streamName.slice(0, dash) : streamName;
}
