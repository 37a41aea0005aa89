import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, foldMoede, MOEDE_STREAM_PREFIX, moedeStreamName } from '@sagsgang/moede';
import { SAG_STREAM_PREFIX, sagStreamName } from '@sagsgang/sag';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { LogFollower, LogReader } from '../infrastructure/log-follower';
import { Adgangslog, LukketPunktRef } from './adgangslog';

/**
 * Finds the lukket punkter whose content a response shows and has the read
 * recorded (see Adgangslog). A punkt counts as lukket if it is marked so in
 * the meeting as shown or as it stands now: content read as of a moment
 * before it was closed is still the content of a closed punkt.
 */
@Injectable()
export class LukketLaesning implements LogReader {
  /** Per sag: the meetings its stream names up to a revision (see moederOf). */
  private readonly known = new Map<string, { revision: number; moedeIds: Set<string> }>();
  /** Meetings as they stand at a revision of their stream. */
  private readonly moeder = new Map<string, { revision: number; moede: ExistingMoede | null }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly adgangslog: Adgangslog,
    private readonly log: LogFollower,
  ) {
    log.follow(this);
  }

  /** A meeting (its state, its dagsorden or referat) shown with its punkter; `nu` is the meeting now. */
  async moede(request: AuthenticatedRequest, vist: ExistingMoede, nu: ExistingMoede = vist): Promise<void> {
    await this.adgangslog.registrer(request, lukkedePunkter(vist, nu));
  }

  /** Only the punkter whose sager `sagIds` names: for a page of a meeting's history. */
  async moedeSager(request: AuthenticatedRequest, nu: ExistingMoede, sagIds: ReadonlySet<string>): Promise<void> {
    await this.adgangslog.registrer(
      request,
      lukkedePunkter(nu, nu).filter((ref) => sagIds.has(ref.sagId)),
    );
  }

  /** A sag's content (its state, history or bilag); `events` is its stream if already read. */
  async sag(request: AuthenticatedRequest, sagId: string, events?: readonly RecordedEvent[]): Promise<void> {
    await this.sager(request, [sagId], events);
  }

  /** Several sager at once (a list), with one look at the log for all of them. */
  async sager(request: AuthenticatedRequest, sagIds: readonly string[], events?: readonly RecordedEvent[]): Promise<void> {
    if (!request.actor) return;
    await this.log.caughtUp();
    const refs: LukketPunktRef[] = [];
    for (const sagId of sagIds) {
      for (const moedeId of events ? moederIn(events) : await this.moederOf(sagId)) {
        const moede = await this.moedeNu(moedeId);
        if (moede) refs.push(...lukkedePunkter(moede, moede).filter((ref) => ref.sagId === sagId));
      }
    }
    await this.adgangslog.registrer(request, refs);
  }

  /** A kept sag learns the meetings its new events name, a new sag (its first event) is kept from the start, and a kept meeting that moved is dropped. */
  note(event: RecordedEvent): void {
    if (event.streamName.startsWith(MOEDE_STREAM_PREFIX)) {
      const moedeId = event.streamName.slice(MOEDE_STREAM_PREFIX.length);
      if ((this.moeder.get(moedeId)?.revision ?? Infinity) < event.revision) this.moeder.delete(moedeId);
    } else if (event.streamName.startsWith(SAG_STREAM_PREFIX)) {
      const sagId = event.streamName.slice(SAG_STREAM_PREFIX.length);
      const known = this.known.get(sagId) ?? (event.revision === 0 ? { revision: -1, moedeIds: new Set<string>() } : undefined);
      if (!known || event.revision <= known.revision) return;
      if (event.revision > known.revision + 1) return void this.known.delete(sagId);
      if (event.type === 'SagSatPaaDagsorden') known.moedeIds.add(String(event.data.moedeId));
      remember(this.known, sagId, { revision: event.revision, moedeIds: known.moedeIds });
    }
  }

  forget(): void {
    this.known.clear();
    this.moeder.clear();
  }

  /**
   * Every meeting the sag was ever put on is named in its own stream
   * (SagSatPaaDagsorden), withdrawn and cancelled ones too: kept per sag and
   * brought up to date from the log, so a page of sager costs one look at
   * the log, not a read of each sag's stream. A sag not kept is read from
   * its stream.
   */
  private async moederOf(sagId: string): Promise<ReadonlySet<string>> {
    const known = this.known.get(sagId);
    if (known) return known.moedeIds;
    const seen = this.log.seen;
    const events = await this.store.readStream(sagStreamName(sagId));
    const moedeIds = moederIn(events);
    if (events.length > 0 && seen === this.log.seen)
      remember(this.known, sagId, { revision: events[events.length - 1].revision, moedeIds });
    return moedeIds;
  }

  /** The meeting now, from its stream (not a read model that may lag), kept while the stream does not move. */
  private async moedeNu(moedeId: string): Promise<ExistingMoede | null> {
    const kept = this.moeder.get(moedeId);
    if (kept) return kept.moede;
    const seen = this.log.seen;
    const events = await this.store.readStream(moedeStreamName(moedeId));
    const folded = foldMoede(events);
    const moede = folded.status === 'ny' ? null : folded;
    if (events.length > 0 && seen === this.log.seen)
      remember(this.moeder, moedeId, { revision: events[events.length - 1].revision, moede });
    return moede;
  }
}

/** Bounds the memory of LukketLaesning's caches (the least recently updated entry goes first); a miss costs one stream read. */
const KEPT = 50_000;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= KEPT) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

/** Every meeting the sag was put on (withdrawn and cancelled ones too) is named by a SagSatPaaDagsorden. */
function moederIn(events: readonly RecordedEvent[]): Set<string> {
  return new Set(events.filter((event) => event.type === 'SagSatPaaDagsorden').map((event) => String(event.data.moedeId)));
}

/** The punkter of `vist` that are lukket there, or whose sag is a lukket punkt of `nu`. */
export function lukkedePunkter(vist: ExistingMoede, nu: ExistingMoede): LukketPunktRef[] {
  const lukketNu = new Set(nu.punkter.filter((punkt) => punkt.lukket).map((punkt) => punkt.sag.sagId));
  return vist.punkter
    .filter((punkt) => punkt.lukket || lukketNu.has(punkt.sag.sagId))
    .map((punkt) => ({ moedeId: vist.id, nr: punkt.nr, sagId: punkt.sag.sagId }));
}
