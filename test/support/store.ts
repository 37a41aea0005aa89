import request from 'supertest';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { bearer } from './auth';
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

/**
 * Sends the request, expects `status` as problem+json and the log not to
 * have grown, and gives the problem. First lets the process manager finish
 * following what came before (a revisor's read of /moeder at the head), so
 * only the refused request could have appended.
 */
export async function expectRefused(api: RunningApi, send: () => request.Test, status: number): Promise<request.Response['body']> {
  await request(api.url)
    .get(`/moeder?minPosition=${await headPosition(api)}`)
    .set(bearer(api, 'revisor'))
    .expect(200);
  const before = await headPosition(api);
  const response = await send();
  expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(await headPosition(api)).toBe(before);
  return response.body;
}
