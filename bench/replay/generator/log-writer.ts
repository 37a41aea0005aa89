import { EventData, EventStore, ExpectedRevision, RecordedEvent } from '@sagsgang/event-store';
import { Actor } from '@sagsgang/kernel';
import {
  decide as decideMoede,
  evolve as evolveMoede,
  initialState as intetMoede,
  MoedeCommand,
  MoedeCommandMetadata,
  MoedeEvent,
  MoedeState,
  moedeStreamName,
  sagOpfoelgning,
} from '@sagsgang/moede';
import {
  CommandMetadata,
  decide as decideSag,
  evolve as evolveSag,
  formatSagsnummer,
  initialState as ingenSag,
  OpretSag,
  POLITISK_V1,
  SagCommand,
  SagEvent,
  SagState,
  sagStreamName,
} from '@sagsgang/sag';
import { CommandContext } from '../../../apps/api/src/commands/command-context';
import { metadataFor } from '../../../apps/api/src/commands/command-runner';
import { eventId, newAggregateId } from '../../../apps/api/src/commands/event-ids';
import { contextFor } from '../../../apps/api/src/process-managers/opfoelgning-context';
import { Clock } from './kalender';
import { Random } from './random';

interface Stream<S> {
  state: S;
  /** -1: the stream does not exist yet. */
  revision: number;
}

/** Appends issued but not yet confirmed before the writer waits for the store. */
const MAX_IN_FLIGHT = 2000;

/**
 * Issues commands as the API's handlers do — load (here: the state kept in
 * memory), decide with the real pure decider, append with the exact expected
 * revision — and carries every meeting event on to its sager as the process
 * manager does. Ids and metadata come from the API's own functions: event ids
 * derived from the request's Idempotency-Key, metadataFor, and for follow-ups
 * contextFor (the meeting event's actor and correlation, the event as
 * causation, the key `sag-opfoelgning/<event id>/<n>`).
 *
 * Appends are not awaited one by one: the SQLite store commits appends in the
 * order they are issued, grouping those of one event-loop turn into one
 * transaction, so the log is exactly the order of the commands here.
 */
export class LogWriter {
  events = 0;
  onSagEvent: (sagId: string, event: SagEvent, sag: SagState) => void = () => undefined;
  /** Called after a meeting event is applied and before its follow-ups run. */
  onMoedeEvent: (moedeId: string, event: MoedeEvent, moede: MoedeState) => void = () => undefined;
  private readonly streams = new Map<string, Stream<unknown>>();
  private inFlight: Promise<unknown>[] = [];
  private failure?: unknown;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  /** A request as a browser sends it: a fresh correlation id and Idempotency-Key, stamped now. */
  request(actor: Actor): CommandContext {
    const { random } = this;
    return { actor, correlationId: random.uuid(), causationId: random.uuid(), now: this.clock.tick(), idempotencyKey: random.uuid() };
  }

  sag(sagId: string): SagState {
    return (this.streams.get(sagStreamName(sagId))?.state as SagState | undefined) ?? ingenSag;
  }

  moede(moedeId: string): MoedeState {
    return (this.streams.get(moedeStreamName(moedeId))?.state as MoedeState | undefined) ?? intetMoede;
  }

  /** Keeps nothing more of a stream that will not be written again. */
  forget(streamName: string): void {
    this.streams.delete(streamName);
  }

  /** POST /sager: the sagsnummer from the year's counter stream, then the sag. Returns the new sag's id. */
  opretSag(context: CommandContext, fields: Omit<OpretSag['data'], 'sagId' | 'sagsnummer'>): string {
    const sagId = newAggregateId(context, 'sag');
    const year = danishYear(context.now);
    const counter = `sagsnummer-${String(year).padStart(2, '0')}`;
    const stream = this.stream(counter);
    const loebenummer = stream.revision + 2;
    const sagsnummer = formatSagsnummer(year, loebenummer);
    const tildelt = {
      id: eventId(context, counter, 0),
      type: 'SagsnummerTildelt',
      data: { sagId, sagsnummer, loebenummer },
      metadata: metadataFor(context),
    };
    this.append(counter, [tildelt], stream.revision < 0 ? 'no_stream' : stream.revision);
    stream.revision++;
    this.issueSag(sagId, context, (metadata) => ({ type: 'OpretSag', data: { sagId, sagsnummer, ...fields }, metadata }));
    return sagId;
  }

  issueSag(sagId: string, context: CommandContext, toCommand: (metadata: CommandMetadata) => SagCommand): SagEvent[] {
    const name = sagStreamName(sagId);
    const stream = this.stream(name) as Stream<SagState>;
    const events = decideSag(toCommand({ actor: context.actor, now: context.now, workflow: POLITISK_V1 }), stream.state);
    this.record(name, stream, events, context);
    for (const event of events) {
      stream.state = evolveSag(stream.state, event);
      this.onSagEvent(sagId, event, stream.state);
    }
    return events;
  }

  /** A meeting command; every event it appends is then carried on to its sager (sagOpfoelgning). */
  issueMoede(moedeId: string, context: CommandContext, toCommand: (metadata: MoedeCommandMetadata) => MoedeCommand): MoedeEvent[] {
    const name = moedeStreamName(moedeId);
    const stream = this.stream(name) as Stream<MoedeState>;
    const events = decideMoede(toCommand({ actor: context.actor, now: context.now }), stream.state);
    const recorded = this.record(name, stream, events, context);
    events.forEach((event, i) => {
      stream.state = evolveMoede(stream.state, event);
      this.onMoedeEvent(moedeId, event, stream.state);
      this.followUps(recorded[i], event);
    });
    return events;
  }

  /** Waits for the store once enough appends are in flight (or for all of them); rethrows a refused append. */
  async settle(all = false): Promise<void> {
    if (all || this.inFlight.length >= MAX_IN_FLIGHT) {
      const inFlight = this.inFlight;
      this.inFlight = [];
      await Promise.all(inFlight);
    }
    if (this.failure) throw this.failure;
  }

  /** What the process manager does with one meeting event, in its place in the log. */
  private followUps(recorded: EventData, event: MoedeEvent): void {
    sagOpfoelgning(event).forEach((followUp, index) => {
      const context = { ...contextFor(recorded as RecordedEvent, index), now: this.clock.soon() };
      this.issueSag(followUp.data.sagId, context, (metadata) => ({ ...followUp, metadata }) as SagCommand);
    });
  }

  private record(
    name: string,
    stream: Stream<unknown>,
    events: Array<{ type: string; data: unknown }>,
    context: CommandContext,
  ): EventData[] {
    const metadata = metadataFor(context);
    const data = events.map((event, index) => ({
      id: eventId(context, name, index),
      type: event.type,
      data: event.data as EventData['data'],
      metadata,
    }));
    this.append(name, data, stream.revision < 0 ? 'no_stream' : stream.revision);
    stream.revision += events.length;
    return data;
  }

  private append(name: string, events: EventData[], expected: ExpectedRevision): void {
    this.events += events.length;
    this.inFlight.push(this.store.append(name, events, expected).catch((error: unknown) => (this.failure ??= error)));
  }

  private stream(name: string): Stream<unknown> {
    let stream = this.streams.get(name);
    if (!stream) {
      const initial = name.startsWith('sag-') ? ingenSag : name.startsWith('moede-') ? intetMoede : null;
      stream = { state: initial, revision: -1 };
      this.streams.set(name, stream);
    }
    return stream;
  }
}

/** As the API's SagsnummerAllocator: sagsnumre follow the Danish calendar year. */
function danishYear(nowIso: string): number {
  return Number(DANISH_YEAR.format(new Date(nowIso))) % 100;
}

const DANISH_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' });
