import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, foldMoede, moedeStreamName } from '@sagsgang/moede';
import type { MoedeView, SagView } from '@sagsgang/read-models';
import { ExistingSag, foldSag, sagStreamName } from '@sagsgang/sag';
import { Moment, streamAt } from './point-in-time';

/**
 * A sag or møde as it stood at a moment, folded from its own stream (the read
 * models hold only the present). Also hands back the whole stream, so the
 * caller can tell what the present makes of it (a punkt closed since).
 */
@Injectable()
export class PointInTimeReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async sag(sagId: string, moment: Moment): Promise<{ sag: SagView; stream: RecordedEvent[] }> {
    const stream = await this.store.readStream(sagStreamName(sagId));
    const prefix = streamAt('sag', sagId, stream, moment);
    return { sag: withPlace(foldSag(prefix) as ExistingSag, prefix), stream };
  }

  async moede(moedeId: string, moment: Moment): Promise<{ moede: MoedeView; nu: ExistingMoede }> {
    const stream = await this.store.readStream(moedeStreamName(moedeId));
    const prefix = streamAt('møde', moedeId, stream, moment);
    return { moede: withPlace(foldMoede(prefix) as ExistingMoede, prefix), nu: foldMoede(stream) as ExistingMoede };
  }
}

/** The state with the revision and position of the last event folded, as the read models keep it. */
function withPlace<S extends object>(state: S, events: readonly RecordedEvent[]): S & { revision: number; position: number } {
  const last = events[events.length - 1];
  return { ...state, revision: last.revision, position: last.position };
}
