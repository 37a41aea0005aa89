import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { RunningApi } from './test-app';

/** The API's own event store, to check what was (or was not) appended. */
export function storeOf(api: RunningApi): EventStore {
  return api.app.get<EventStore>(EVENT_STORE);
}

export async function headPosition(api: RunningApi): Promise<number> {
  return storeOf(api).headPosition();
}

export async function eventsOf(api: RunningApi, streamName: string): Promise<RecordedEvent[]> {
  return storeOf(api).readStream(streamName);
}
