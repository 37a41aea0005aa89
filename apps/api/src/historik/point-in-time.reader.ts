import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, moedeStreamName } from '@sagsgang/moede';
import { ExistingSag, sagStreamName } from '@sagsgang/sag';
import { foldMoedeStream, foldSagStream, MoedeAt, SagAt, withPlace } from './fold';
import { Moment, streamAt } from './point-in-time';

/**
 * A sag or møde as it stood at a moment, folded from its own stream (the read
 * models hold only the present). Also hands back the whole stream, so the
 * caller can tell what the present makes of it (a punkt closed since).
 */
@Injectable()
export class PointInTimeReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async sag(sagId: string, moment: Moment): Promise<{ sag: SagAt; stream: RecordedEvent[] }> {
    const stream = await this.store.readStream(sagStreamName(sagId));
    const prefix = streamAt('sag', sagId, stream, moment);
    return { sag: withPlace(foldSagStream(prefix) as ExistingSag, prefix), stream };
  }

  async moede(moedeId: string, moment: Moment): Promise<{ moede: MoedeAt; nu: ExistingMoede }> {
    const stream = await this.store.readStream(moedeStreamName(moedeId));
    const prefix = streamAt('møde', moedeId, stream, moment);
    return { moede: withPlace(foldMoedeStream(prefix) as ExistingMoede, prefix), nu: foldMoedeStream(stream) as ExistingMoede };
  }
}
