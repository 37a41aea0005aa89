import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, moedeStreamName } from '@sagsgang/moede';
import { sagStreamName } from '@sagsgang/sag';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Adgangslog, LukketPunktRef } from './adgangslog';
import { foldMoedeStream } from './fold';

/**
 * Finds the lukket punkter whose content a response shows and has the read
 * recorded (see Adgangslog). A punkt counts as lukket if it is marked so in
 * the meeting as shown or as it stands now: content read as of a moment
 * before it was closed is still the content of a closed punkt.
 */
@Injectable()
export class LukketLaesning {
  /** Per sag: the meetings its stream names up to a revision. */
  private readonly known = new Map<string, { revision: number; moedeIds: ReadonlySet<string> }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly adgangslog: Adgangslog,
  ) {}

  /** A meeting (its state, its dagsorden or referat) shown with its punkter; `nu` is the meeting now. */
  async moede(request: AuthenticatedRequest, vist: ExistingMoede, nu: ExistingMoede = vist): Promise<void> {
    await this.adgangslog.registrer(request, lukkedePunkter(vist, nu));
  }

  /** Only the punkter whose sager `sagIds` names: for a page of a meeting's history. */
  async moedeSager(request: AuthenticatedRequest, nu: ExistingMoede, sagIds: ReadonlySet<string>): Promise<void> {
    await this.adgangslog.registrer(request, lukkedePunkter(nu, nu).filter((ref) => sagIds.has(ref.sagId)));
  }

  /** A sag's content (its state, history or bilag); `events` is its stream if already read. */
  async sag(request: AuthenticatedRequest, sagId: string, events?: readonly RecordedEvent[]): Promise<void> {
    if (!request.actor) return;
    await this.adgangslog.registrer(request, await this.sagensLukkedePunkter(sagId, events, new Map()));
  }

  /** Several sager at once (a list), each meeting read once. */
  async sager(request: AuthenticatedRequest, sagIds: readonly string[]): Promise<void> {
    if (!request.actor) return;
    const moeder = new Map<string, Promise<ExistingMoede | null>>();
    const refs = await Promise.all(sagIds.map((sagId) => this.sagensLukkedePunkter(sagId, undefined, moeder)));
    await this.adgangslog.registrer(request, refs.flat());
  }

  /**
   * Every meeting the sag was ever put on is named in its own stream
   * (SagSatPaaDagsorden), withdrawn and cancelled ones too; each is read
   * from its stream, not a read model that may lag.
   */
  private async sagensLukkedePunkter(
    sagId: string,
    events: readonly RecordedEvent[] | undefined,
    moeder: Map<string, Promise<ExistingMoede | null>>,
  ): Promise<LukketPunktRef[]> {
    const moedeIds = events ? moederIn(events) : await this.moederOf(sagId);
    const refs = await Promise.all(
      [...moedeIds].map(async (moedeId) => {
        if (!moeder.has(moedeId)) moeder.set(moedeId, this.moedeNu(moedeId));
        const moede = await moeder.get(moedeId);
        return moede ? lukkedePunkter(moede, moede).filter((ref) => ref.sagId === sagId) : [];
      }),
    );
    return refs.flat();
  }

  /**
   * The meetings named in the sag's stream now. A stream only grows, so what
   * was found up to a revision is kept and only the events after it are read:
   * a list of sager costs a lookup per sag, not every sag's whole stream.
   */
  private async moederOf(sagId: string): Promise<ReadonlySet<string>> {
    const known = this.known.get(sagId);
    const events = await this.store.readStream(sagStreamName(sagId), { fromRevision: known ? known.revision + 1 : 0 });
    if (events.length === 0) return known?.moedeIds ?? new Set();
    const moedeIds = new Set([...(known?.moedeIds ?? []), ...moederIn(events)]);
    this.known.delete(sagId);
    if (this.known.size >= KNOWN_SAGER) this.known.delete(this.known.keys().next().value as string);
    this.known.set(sagId, { revision: events[events.length - 1].revision, moedeIds });
    return moedeIds;
  }

  private async moedeNu(moedeId: string): Promise<ExistingMoede | null> {
    const moede = foldMoedeStream(await this.store.readStream(moedeStreamName(moedeId)));
    return moede.status === 'ny' ? null : moede;
  }
}

/** Bounds the memory of LukketLaesning's per-sag cache (the oldest entry goes first); a miss costs one stream read. */
const KNOWN_SAGER = 50_000;

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
