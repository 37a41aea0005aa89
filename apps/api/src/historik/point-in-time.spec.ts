import { BadRequestException, NotFoundException } from '@nestjs/common';
import { RecordedEvent } from '@sagsgang/event-store';
import { momentFrom, otherStreamsAt, prefixAt, streamAt } from './point-in-time';

function event(revision: number, recordedAt: string, position = revision + 1): RecordedEvent {
  return { id: `e${revision}`, streamName: 's', revision, position, type: 'T', data: {}, metadata: { recordedAt, prevHash: '', hash: '' } };
}

const asOf = (iso: string) => momentFrom({ asOf: iso })!;

describe('a stream at a moment', () => {
  const stream = [event(0, '2020-01-01T10:00:00.000Z'), event(1, '2020-01-01T11:00:00.000Z'), event(2, '2020-01-01T12:00:00.000Z')];

  it('by revision is the events up to and including it', () => {
    expect(prefixAt(stream, { kind: 'revision', revision: 1 }).map((e) => e.revision)).toEqual([0, 1]);
  });

  it('by time ends at the last event recorded at or before it, whatever offset the time is given in', () => {
    expect(prefixAt(stream, asOf('2020-01-01T11:00:00.000Z')).map((e) => e.revision)).toEqual([0, 1]);
    expect(prefixAt(stream, asOf('2020-01-01T12:59:59.999+01:00')).map((e) => e.revision)).toEqual([0, 1]);
    expect(prefixAt(stream, asOf('2020-01-01T13:00:00+01:00')).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('by time stays a prefix when a command that lost a race landed after a later one', () => {
    const raced = [event(0, '2020-01-01T10:00:00.000Z'), event(1, '2020-01-01T10:00:02.000Z'), event(2, '2020-01-01T10:00:01.000Z')];
    expect(prefixAt(raced, asOf('2020-01-01T10:00:01.500Z')).map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(prefixAt(raced, asOf('2020-01-01T10:00:00.500Z')).map((e) => e.revision)).toEqual([0]);
  });

  it('is a 404 before the first event, beyond the last revision, and for no stream at all', () => {
    expect(() => streamAt('sag', 'x', stream, asOf('2020-01-01T09:59:59Z'))).toThrow(NotFoundException);
    expect(() => streamAt('sag', 'x', stream, { kind: 'revision', revision: 3 })).toThrow(NotFoundException);
    expect(() => streamAt('sag', 'x', [], { kind: 'revision', revision: 0 })).toThrow(NotFoundException);
  });

  it('cuts another stream at the position of the revision, or at the same time', () => {
    const other = [event(0, '2020-01-01T10:30:00Z', 2), event(1, '2020-01-01T11:30:00Z', 5)];
    expect(otherStreamsAt({ kind: 'revision', revision: 1 }, stream.slice(0, 2))(other).map((e) => e.position)).toEqual([2]);
    expect(otherStreamsAt(asOf('2020-01-01T11:00:00Z'), stream.slice(0, 2))(other).map((e) => e.position)).toEqual([2]);
    expect(otherStreamsAt(undefined, stream)(other)).toEqual(other);
  });

  it('refuses asOf and revision together', () => {
    expect(() => momentFrom({ asOf: '2020-01-01T10:00:00Z', revision: 0 })).toThrow(BadRequestException);
  });
});
