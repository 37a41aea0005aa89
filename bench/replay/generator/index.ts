import { EventStore } from '@sagsgang/event-store';
import { Clock, dato, isWorkday } from './kalender';
import { Kommune } from './kommune';
import { LogWriter } from './log-writer';
import { Moeder } from './moeder';
import { Random } from './random';
import { Sager } from './sager';
import { Scheduler } from './scheduler';
import { Koer, Verden } from './verden';

export interface GenerateOptions {
  store: EventStore;
  /** Stop once the log holds at least this many events (the last command's events are all appended). */
  events: number;
  seed?: string;
  /** New sager per working day, on average (default 30: a large municipality, a few thousand sager open at once). */
  sagerPerDag?: number;
  /** Called about every `progressEvery` events, and awaited. */
  onProgress?: (events: number) => void | Promise<void>;
  progressEvery?: number;
}

export interface GenerateReport {
  events: number;
  seed: string;
  sager: number;
  moeder: number;
  aflysteMoeder: number;
  punkter: number;
  /** The most sager open (created or reopened, not yet closed or shelved) at one time. */
  maxAabneSager: number;
  fra: string;
  til: string;
}

export const DEFAULT_SEED = 'sagsgang';
/** Bump whenever a change makes the same seed give a different log, so saved logs are generated again. */
export const GENERATOR_VERSION = 2;

/**
 * Writes a realistic log into `store`: a large municipality's sager and
 * meetings day by day from January 2019, every command decided by the real
 * pure deciders (@sagsgang/sag, @sagsgang/moede) and appended with the real
 * store, meeting decisions routed to the sager as the process manager does.
 * The same seed gives the same log, event for event.
 */
export async function generateLog(options: GenerateOptions): Promise<GenerateReport> {
  const seed = options.seed ?? DEFAULT_SEED;
  const random = new Random(seed);
  const clock = new Clock(random);
  const plan = new Scheduler(clock);
  const writer = new LogWriter(options.store, clock, random);
  const kommune = new Kommune(random);
  const verden: Verden = { random, writer, plan, kommune, koer: new Koer(), neutralTitel: (sagId) => sager.neutralTitel(sagId) };
  const sager = new Sager(verden, options.sagerPerDag ?? 30);
  const moeder = new Moeder(verden);
  const every = options.progressEvery ?? 50_000;
  let reported = 0;
  await plan.run(
    (day) => {
      if (isWorkday(day)) sager.planlaegDag(day);
      moeder.planlaeg(day);
    },
    async () => {
      await writer.settle();
      if (options.onProgress && writer.events - reported >= every) {
        reported = writer.events;
        await options.onProgress(writer.events);
      }
    },
    () => writer.events >= options.events,
  );
  await writer.settle(true);
  return {
    events: writer.events,
    seed,
    sager: sager.oprettet,
    moeder: moeder.afholdt,
    aflysteMoeder: moeder.aflyst,
    punkter: moeder.punkter,
    maxAabneSager: sager.maxAabne,
    fra: dato(0).iso,
    til: dato(plan.today).iso,
  };
}
