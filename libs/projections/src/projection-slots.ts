import { isTransientStoreError, LogAnchor, RecordedEvent } from '@sagsgang/event-store';
import { ProjectionFailed } from './errors';
import { Progress, Scope } from './position-waiters';
import { PreparedWrite, ProjectionSlot } from './projection-slot';
import { ReadModelStore } from './read-model-store';
import { ProjectionLogger } from './runner-options';

/**
 * The runner's projections, each in its slot: what an event does to them,
 * and one transaction per batch that commits every projection's documents
 * with its checkpoint, anchored at the batch's last event.
 */
export class ProjectionSlots {
  private slots: ProjectionSlot[] = [];

  constructor(
    private readonly readModels: ReadModelStore,
    private readonly cacheSize: number,
    private readonly log: ProjectionLogger,
    /** A projection failed: the waiters for positions it will not reach learn it. */
    private readonly onFailure: () => void,
  ) {
    this.reload();
  }

  /** From the stored checkpoints, dropping what was applied and not committed. */
  reload(): void {
    this.slots = this.readModels.projections.map(
      (projection) =>
        new ProjectionSlot(
          projection,
          this.readModels.table(projection.name),
          this.readModels.checkpoint(projection.name).position,
          this.cacheSize,
        ),
    );
  }

  get all(): readonly ProjectionSlot[] {
    return this.slots;
  }

  get lowest(): number {
    return Math.min(...this.slots.map((slot) => slot.checkpoint));
  }

  get anyActive(): boolean {
    return this.slots.some((slot) => slot.active);
  }

  has(name: string): boolean {
    return this.slots.some((slot) => slot.projection.name === name);
  }

  /** Evolves each active projection; a failure that may pass (reading a document back) is thrown, to cut the session off. */
  receive(event: RecordedEvent): void {
    for (const slot of this.slots) {
      if (!slot.active) continue;
      try {
        slot.apply(event);
      } catch (error) {
        const cause = error instanceof ProjectionFailed ? error.cause : error;
        if (isTransientStoreError(cause)) throw cause;
        this.fail(slot, error);
      }
    }
  }

  /** Writes every projection's changed documents and its checkpoint in one transaction; false when nothing was written. */
  commit(anchor: LogAnchor): boolean {
    const writes: Array<[ProjectionSlot, PreparedWrite]> = [];
    for (const slot of this.slots) {
      if (!slot.active || slot.checkpoint >= anchor.position) continue;
      try {
        writes.push([slot, slot.prepare()]);
      } catch (error) {
        this.fail(slot, error);
      }
    }
    if (writes.length === 0) return false;
    this.readModels.transaction(() => {
      for (const [slot, { rows }] of writes) {
        for (const row of rows) slot.table.write(row);
        this.readModels.advance(slot.projection.name, anchor);
      }
    });
    for (const [slot, write] of writes) slot.committedAt(anchor.position, write);
    return true;
  }

  caughtUp(): void {
    this.slots.forEach((slot) => slot.caughtUp());
  }

  progress(): Progress {
    const slots = this.slots;
    const inScope = (scope: Scope) => (scope ? slots.filter((slot) => scope.has(slot.projection.name)) : slots);
    return {
      lowest: (scope) => Math.min(...inScope(scope).map((slot) => slot.checkpoint)),
      blocker: (position, scope) => inScope(scope).find((slot) => slot.failure && slot.checkpoint < position)?.failure,
    };
  }

  /** The stored checkpoint furthest on, if any projection has applied anything. */
  newestCheckpoint(): LogAnchor | undefined {
    const newest = this.readModels.projections
      .map((projection) => this.readModels.checkpoint(projection.name))
      .reduce((a, b) => (b.position > a.position ? b : a));
    return newest.position > 0 ? newest : undefined;
  }

  checkpoints(): Record<string, number> {
    return Object.fromEntries(this.slots.map((slot) => [slot.projection.name, slot.checkpoint]));
  }

  /** The projection stops; its checkpoint stays before the failing batch, and the others go on. */
  private fail(slot: ProjectionSlot, error: unknown): void {
    const name = slot.projection.name;
    slot.fail(error instanceof ProjectionFailed ? error : new ProjectionFailed(name, undefined, error, 'in a batch'));
    this.log('error', slot.failure!.message, { projection: name, checkpoint: slot.checkpoint, error });
    this.onFailure();
  }
}
