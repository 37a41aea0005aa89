import { RecordedEvent } from '@sagsgang/event-store';
import { IllegalTransition } from '@sagsgang/kernel';
import { eventId } from '../commands/event-ids';
import { contextFor, refused } from './opfoelgning-context';

const beslutning = (metadata: object) =>
  ({ id: '0f8d5c2e-8f3a-4b59-9a4e-1d2c3b4a5e6f', type: 'BeslutningRegistreret', metadata }) as unknown as RecordedEvent;
const SEKRETAER = { userId: 'kathrine', role: 'sekretaer' };

describe('contextFor: how a follow-up is sent', () => {
  it('acts as the meeting event’s actor, in its correlation, caused by it', () => {
    expect(contextFor(beslutning({ actor: SEKRETAER, correlationId: 'moede-16-12' }), 0)).toMatchObject({
      actor: SEKRETAER,
      correlationId: 'moede-16-12',
      causationId: '0f8d5c2e-8f3a-4b59-9a4e-1d2c3b4a5e6f',
    });
  });

  it('derives the same sag event ids each time the event is handled, and other ids for another follow-up', () => {
    const event = beslutning({ actor: SEKRETAER, correlationId: 'c' });
    const ids = (index: number) => eventId(contextFor(event, index), 'sag-1', 0);
    expect(ids(0)).toBe(ids(0));
    expect(ids(1)).not.toBe(ids(0));
  });

  it('refuses to act on an event without a valid actor', () => {
    const error = (() => {
      try {
        contextFor(beslutning({ actor: { userId: 'x', role: 'borgmester' } }), 0);
      } catch (caught) {
        return caught;
      }
    })();
    expect(refused(error)).toBe(true);
  });

  it('counts a domain refusal as final, and anything else as worth retrying', () => {
    expect(refused(new IllegalTransition('afgjort', 'RegistrerBeslutning', []))).toBe(true);
    expect(refused(new Error('SQLITE_BUSY'))).toBe(false);
  });
});
