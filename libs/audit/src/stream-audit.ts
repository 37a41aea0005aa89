import { eventHash, GENESIS_HASH, JsonObject, RecordedEvent, withoutChainFields } from '@sagsgang/event-store';

/** One thing wrong with the log, named by the stream and revision an auditor should look at. */
export interface VerifyFailure {
  stream: string;
  revision: number;
  /** Where the event that revealed the problem sits in the global log. */
  position: number;
  problem: string;
}

interface MissingRange {
  from: number;
  to: number;
  failure: VerifyFailure;
}

/** Names unreadable data the walk met between two positions, if any. */
export type UnreadableBetween = (after: number, before: number) => string | undefined;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Checks one stream's events as the global walk meets them, in position order.
 *
 * Each problem is reported where it starts, not at every event it touches:
 * - a changed event fails its own hash; the next event still links to the
 *   stored hash (or, if only the hash field was changed, to the recomputed
 *   one), so only the changed revision is named;
 * - a missing revision is named once, at the gap; the event after the gap
 *   cannot link to the one before it, which the gap already explains;
 * - a revision that turns up after a later one (revisions swapped) turns its
 *   gap report into an out-of-order report for the same revision;
 * - consecutive events that do not link (events swapped, or inserted) form
 *   one broken run, reported at its first revision with the run's extent.
 */
export class StreamAudit {
  private nextRevision = 0;
  private previous?: { storedHash: string; computedHash: string; revision: number; position: number };
  private brokenRun?: { failure: VerifyFailure; problems: string[]; linkProblem: number; linkText: string; first: number };
  private readonly missing: MissingRange[] = [];

  constructor(
    readonly stream: string,
    private readonly report: (failure: VerifyFailure) => void,
  ) {}

  check(event: RecordedEvent, unreadableBetween: UnreadableBetween): void {
    const problems: string[] = [];
    const outOfPlace = this.checkRevision(event, unreadableBetween, problems);
    const computed = this.checkContent(event, problems);
    const startsRun = outOfPlace ? this.endRun() : this.checkLink(event, problems);
    if (problems.length > 0) {
      const failure = { stream: this.stream, revision: event.revision, position: event.position, problem: problems.join('; ') };
      this.report(failure);
      if (startsRun) {
        const linkProblem = problems.length - 1;
        this.brokenRun = { failure, problems, linkProblem, linkText: problems[linkProblem], first: event.revision };
      }
    }
    this.previous = { storedHash: storedHash(event), computedHash: computed, revision: event.revision, position: event.position };
  }

  /** Returns true when the event is out of place, so a broken link to its predecessor is no news. */
  private checkRevision(event: RecordedEvent, unreadableBetween: UnreadableBetween, problems: string[]): boolean {
    const { revision } = event;
    if (!Number.isSafeInteger(revision) || revision < 0) {
      problems.push(`revision ${revision} is not a revision`);
      return true;
    }
    if (revision === this.nextRevision) {
      this.nextRevision++;
      return false;
    }
    if (revision > this.nextRevision) {
      const from = this.nextRevision;
      const unreadable = unreadableBetween(this.previous?.position ?? 0, event.position);
      const which = revision - from === 1 ? `revision ${from} is missing` : `revisions ${from}–${revision - 1} are missing`;
      const failure: VerifyFailure = {
        stream: this.stream,
        revision: from,
        position: event.position,
        problem:
          `${which}: revision ${revision} follows ${from === 0 ? 'no earlier event' : `revision ${from - 1}`}` +
          (unreadable ? ` (unreadable data ${unreadable})` : ''),
      };
      this.report(failure);
      this.missing.push({ from, to: revision - 1, failure });
      this.nextRevision = revision + 1;
      return true;
    }
    const gap = this.missing.find((range) => range.from <= revision && revision <= range.to);
    if (gap?.from === revision) {
      gap.failure.problem = `revision ${revision} is stored out of order: after revision ${this.nextRevision - 1} (at position ${event.position})`;
    } else if (!gap) {
      problems.push(`revision ${revision} appears again after revision ${this.nextRevision - 1}`);
    }
    // Inside a gap but not at its start: the gap's own report already names the first revision.
    return true;
  }

  private checkContent(event: RecordedEvent, problems: string[]): string {
    const metadata = (event.metadata ?? {}) as JsonObject;
    const prevHash = metadata.prevHash;
    const hash = metadata.hash;
    if (typeof prevHash !== 'string' || !SHA256_HEX.test(prevHash) || typeof hash !== 'string' || !SHA256_HEX.test(hash)) {
      problems.push('metadata lacks a valid hash chain (prevHash and hash must be 64 hex digits)');
    }
    const computed = eventHash(event.type, event.data, withoutChainFields(metadata), String(prevHash));
    if (typeof hash === 'string' && computed !== hash) {
      problems.push('the stored hash does not match the event: its type, data, metadata or hash was changed after it was recorded');
    }
    return computed;
  }

  /** Returns true when this event starts a broken run (its link problem is the last in `problems`). */
  private checkLink(event: RecordedEvent, problems: string[]): boolean {
    const prevHash = event.metadata?.prevHash;
    const previous = this.previous;
    const linked =
      event.revision === 0
        ? prevHash === GENESIS_HASH
        : previous !== undefined && (prevHash === previous.storedHash || prevHash === previous.computedHash);
    if (linked) return this.endRun();
    const run = this.brokenRun;
    if (run) {
      const { failure, first } = run;
      run.problems[run.linkProblem] =
        `${run.linkText}; the chain stays broken through revision ${event.revision} (revisions ${first}–${event.revision} do not link to their predecessors)`;
      failure.problem = run.problems.join('; ');
      return false;
    }
    problems.push(linkProblemAt(event.revision, previous?.revision));
    return true;
  }

  private endRun(): false {
    this.brokenRun = undefined;
    return false;
  }
}

function linkProblemAt(revision: number, previousRevision: number | undefined): string {
  return revision === 0
    ? 'prevHash of the first event is not the genesis hash'
    : `prevHash does not match the hash of revision ${previousRevision}: the chain breaks here (an event was reordered, replaced or inserted)`;
}

function storedHash(event: RecordedEvent): string {
  const hash = event.metadata?.hash;
  return typeof hash === 'string' ? hash : '';
}
