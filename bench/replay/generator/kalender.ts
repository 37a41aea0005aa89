import { Random } from './random';

/** Day 0 of the simulation: Monday 7 January 2019. */
const FIRST_DAY_UTC = Date.UTC(2019, 0, 7);
const DAY_MS = 86_400_000;

export interface Dato {
  year: number;
  month: number;
  day: number;
  /** 0 Monday … 6 Sunday. */
  weekday: number;
  /** YYYY-MM-DD. */
  iso: string;
}

const DATOER: Dato[] = [];

export function dato(dayIndex: number): Dato {
  return (DATOER[dayIndex] ??= beregnDato(dayIndex));
}

function beregnDato(dayIndex: number): Dato {
  const date = new Date(FIRST_DAY_UTC + dayIndex * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: (date.getUTCDay() + 6) % 7,
    iso: date.toISOString().slice(0, 10),
  };
}

export function isWorkday(dayIndex: number): boolean {
  return dato(dayIndex).weekday < 5;
}

/** Danish time's offset from UTC on a date: summer time from the last Sunday of March to the last Sunday of October. */
export function offsetMinutes({ year, month, day }: Dato): number {
  const lastSunday = (m: number) => {
    const last = new Date(Date.UTC(year, m, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const summer = (month > 3 && month < 10) || (month === 3 && day >= lastSunday(3)) || (month === 10 && day < lastSunday(10));
  return summer ? 120 : 60;
}

/** A local time with its offset, as a meeting's start is given: 2019-12-16T09:00:00+01:00. */
export function lokalTid(dayIndex: number, minuteOfDay: number): string {
  const d = dato(dayIndex);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${d.iso}T${hh}:${mm}:00+0${offsetMinutes(d) / 60}:00`;
}

/**
 * The simulated wall clock: commands are stamped in the order they are
 * issued, so recordedAt never goes backwards along the log. The API stamps
 * `now` as UTC (toISOString), and so does this.
 */
export class Clock {
  private ms = 0;

  constructor(private readonly random: Random) {}

  /** Moves on to this local time of day unless it is already later; never back. */
  at(dayIndex: number, minuteOfDay: number): void {
    const target = FIRST_DAY_UTC + dayIndex * DAY_MS + (minuteOfDay - offsetMinutes(dato(dayIndex))) * 60_000;
    this.ms = Math.max(this.ms, target);
  }

  /** The time of the next request: a few seconds to a minute after the last. */
  tick(): string {
    this.ms += this.random.int(2_000, 60_000);
    return new Date(this.ms).toISOString();
  }

  /** A moment later, as a process manager reacts to an event. */
  soon(): string {
    this.ms += this.random.int(5, 400);
    return new Date(this.ms).toISOString();
  }
}
