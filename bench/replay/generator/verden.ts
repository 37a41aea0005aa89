import { Kommune } from './kommune';
import { LogWriter } from './log-writer';
import { Random } from './random';
import { Scheduler } from './scheduler';

/** Everything the sager and the meetings of the simulation share. */
export interface Verden {
  random: Random;
  writer: LogWriter;
  plan: Scheduler;
  kommune: Kommune;
  koer: Koer;
  /** The public title of a sag that is discussed behind closed doors, else null. */
  neutralTitel(sagId: string): string | null;
}

/** A random minute of office hours, 08:00–15:30. */
export function kontortid(random: Random): number {
  return random.int(8 * 60, 15 * 60 + 30);
}

/**
 * Per udvalg, the sager that are indstillet and await its agenda, oldest
 * first: the secretary takes them from here for the next dagsorden.
 */
export class Koer {
  private readonly perUdvalg = new Map<string, Set<string>>();
  private readonly udvalgFor = new Map<string, string>();

  add(udvalg: string, sagId: string): void {
    this.remove(sagId);
    let koe = this.perUdvalg.get(udvalg);
    if (!koe) this.perUdvalg.set(udvalg, (koe = new Set()));
    koe.add(sagId);
    this.udvalgFor.set(sagId, udvalg);
  }

  remove(sagId: string): void {
    const udvalg = this.udvalgFor.get(sagId);
    if (udvalg === undefined) return;
    this.perUdvalg.get(udvalg)?.delete(sagId);
    this.udvalgFor.delete(sagId);
  }

  /** Up to `count` of the sager waiting longest; they leave the queue. */
  take(udvalg: string, count: number): string[] {
    const taken: string[] = [];
    for (const sagId of this.perUdvalg.get(udvalg) ?? []) {
      if (taken.length >= count) break;
      taken.push(sagId);
    }
    taken.forEach((sagId) => this.remove(sagId));
    return taken;
  }
}
