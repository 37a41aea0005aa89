import { Clock, isWorkday } from './kalender';

type Task = () => void;

interface Entry {
  minute: number;
  seq: number;
  task: Task;
}

/**
 * The simulation's diary: tasks by day and minute of the (local) day. A day's
 * tasks run in time order, so the sager and meetings of a day interleave in
 * the log as they would in a municipality; a task may plan others, later the
 * same day or on a later day.
 */
export class Scheduler {
  today = 0;
  /** The minute of the task running now: nothing is planned before it today. */
  private now = 0;
  private readonly days = new Map<number, Entry[]>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  at(day: number, minute: number, task: Task): void {
    if (day < this.today) throw new Error(`cannot plan day ${day} on day ${this.today}`);
    if (day === this.today) minute = Math.max(minute, this.now);
    const entries = this.days.get(day) ?? [];
    const entry = { minute, seq: this.seq++, task };
    // Binary insertion keeps the day sorted even when a running task plans more for today.
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (entries[mid].minute <= minute) low = mid + 1;
      else high = mid;
    }
    entries.splice(low, 0, entry);
    this.days.set(day, entries);
  }

  /** `days` days after `day`, moved on to the next workday if that is a weekend. */
  workdayAfter(day: number, days: number): number {
    let result = day + days;
    while (!isWorkday(result)) result++;
    return result;
  }

  /** Runs day after day until `done`; `startOfDay` plans the day's new work, `between` runs after every task. */
  async run(startOfDay: (day: number) => void, between: () => Promise<void>, done: () => boolean): Promise<void> {
    for (; !done(); this.today++) {
      this.now = 0;
      startOfDay(this.today);
      const entries = this.days.get(this.today) ?? [];
      for (let i = 0; i < entries.length && !done(); i++) {
        this.now = entries[i].minute;
        this.clock.at(this.today, this.now);
        entries[i].task();
        await between();
      }
      this.days.delete(this.today);
    }
  }
}
