import { randomUUID } from 'node:crypto';
import { AppendRequest } from './append-writer';
import { prepareEvents } from './event-rows';
import { fromWireGroup, toWireGroup } from './writer-wire';

describe('a group on the wire to the writer thread', () => {
  it('arrives as it was sent: requests, their streams, expectations, events and their fields in order', () => {
    const requests: AppendRequest[] = [
      {
        batches: [
          {
            streamName: 'sag-æøå',
            expected: 'no_stream',
            events: prepareEvents([
              {
                id: randomUUID(),
                type: 'SagOprettet',
                data: { titel: 'Børn \u0000 og "unge"\n', tal: [1, 2] },
                metadata: { who: 'x\u0001' },
              },
              { id: randomUUID(), type: 'Ændret', data: {} },
            ]),
          },
        ],
      },
      {
        batches: [
          {
            streamName: 'sagsnummer-19',
            expected: 41,
            events: prepareEvents([{ id: randomUUID(), type: 'A', data: { a: '' }, metadata: {} }]),
          },
          { streamName: 'sag-2', expected: 'no_stream', events: prepareEvents([{ id: randomUUID(), type: 'C', data: {} }]) },
        ],
      },
      {
        batches: [
          {
            streamName: 'x',
            expected: 'any',
            events: prepareEvents([{ id: randomUUID(), type: 'B', data: { long: 'z'.repeat(100_000) } }]),
          },
        ],
      },
    ];
    expect(fromWireGroup(structuredClone(toWireGroup(requests)))).toEqual(requests);
  });
});
