/**
 * A fold thread's script for the tests (FoldThreads), set up by its
 * workerData (FoldThreadSetup). Relative imports only (see projections.ts).
 */
import { workerData } from 'node:worker_threads';
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { serveFoldRequest } from '../../src/fold-thread';
import { countingProjection, sagerProjection } from './projections';

export interface FoldThreadSetup {
  /** The SQLite log. */
  log: string;
  /** The test sager projection, failing on this stream if given; or the counting projection, whose documents span streams. */
  projection: { sager: { failOn?: string } } | 'counts';
}

const { log, projection } = workerData as FoldThreadSetup;
const failOn = projection === 'counts' ? undefined : projection.sager.failOn;
const projections = [
  projection === 'counts' ? countingProjection() : sagerProjection({ failOn: failOn ? (event) => event.streamName === failOn : undefined }),
];
void serveFoldRequest(() => new SqliteEventStore(log, { readonly: true }), projections);
