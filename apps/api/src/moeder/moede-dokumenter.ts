import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '@sagsgang/event-store';
import { ExistingMoede, foldMoede, MOEDE_STREAM_PREFIX, moedeStreamName } from '@sagsgang/moede';
import { MoedeDokument } from '@sagsgang/referat';
import { ExistingSag, foldSag, sagStreamName } from '@sagsgang/sag';
import { Moment, otherStreamsAt, streamAt } from '../historik/point-in-time';
import { LogFollower, LogReader } from '../infrastructure/log-follower';
import { moedeDokument, offentligtDokument, sagenLaesesTil } from './moede-dokument';

/** Bounds the documents kept (the least recently built go first). */
const FAERDIGE_MOEDER = 500;

export interface MoedeMedDokument {
  /** The meeting as the document shows it: now, or at the moment asked for. */
  moede: ExistingMoede;
  /** The meeting as it stands now. */
  nu: ExistingMoede;
  dokument: MoedeDokument;
  /** Each punkt's sag as the document shows it, by punkt number (a punkt whose sag is not found has none). */
  sager: ReadonlyMap<number, ExistingSag>;
  /** What the public may read of it: every punkt lukket then or now hidden (see offentligtDokument). */
  offentligt: MoedeDokument;
}

/**
 * Builds a meeting's dagsorden/referat view model from the streams
 * themselves (the meeting and each punkt's sag), not from read models, so
 * the digest a member approves is computed from exactly what was recorded.
 */
@Injectable()
export class MoedeDokumenter implements LogReader {
  /** Per meeting: the document as built at a revision of its stream, once it can no longer change (see byg). */
  private readonly faerdige = new Map<string, { revision: number; bygget: MoedeMedDokument }>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: LogFollower,
  ) {
    log.follow(this);
  }

  /**
   * Null when the meeting does not exist. With a moment: the meeting's stream
   * up to it, and each punkt's sag cut to the same moment as well (a 404 when
   * the meeting did not exist then).
   */
  async byg(moedeId: string, moment?: Moment): Promise<MoedeMedDokument | null> {
    if (!moment) {
      await this.log.caughtUp();
      const faerdig = this.faerdige.get(moedeId);
      if (faerdig) return faerdig.bygget;
    }
    const seen = this.log.seen;
    const stream = await this.store.readStream(moedeStreamName(moedeId));
    const history = moment ? streamAt('møde', moedeId, stream, moment) : stream;
    const moede = foldMoede(history);
    if (moede.status === 'ny') return null;
    const laesTil = sagenLaesesTil(history);
    const somDengang = otherStreamsAt(moment, history);
    const sager = await Promise.all(
      moede.punkter.map(async (punkt) => [punkt.nr, await this.sag(punkt.sag.sagId, laesTil(punkt.nr), somDengang)] as const),
    );
    const fundne = new Map(sager.filter((entry): entry is readonly [number, ExistingSag] => entry[1] !== undefined));
    const nu = history === stream ? moede : (foldMoede(stream) as ExistingMoede);
    const dokument = moedeDokument(moede, fundne);
    const bygget = { moede, nu, dokument, offentligt: offentligtDokument(dokument, moede, nu), sager: fundne };
    const faerdig = !moment && moede.punkter.every((punkt) => laesTil(punkt.nr) !== undefined);
    // Kept only if no look at the log passed the meeting's newer events meanwhile (see LogFollower.seen).
    if (faerdig && seen === this.log.seen) this.husk(moedeId, stream, bygget);
    return bygget;
  }

  /**
   * Once every punkt's sag is read up to a fixed position (the meeting is
   * closed, or every punkt decided or withdrawn), the document depends on
   * the meeting's stream alone, and a stream only grows: until the log shows
   * a newer event of the meeting, the document is the same. So a published
   * referat costs a share of one look at the log, not every stream read and
   * folded.
   */
  note(event: RecordedEvent): void {
    if (!event.streamName.startsWith(MOEDE_STREAM_PREFIX)) return;
    const moedeId = event.streamName.slice(MOEDE_STREAM_PREFIX.length);
    if ((this.faerdige.get(moedeId)?.revision ?? Infinity) < event.revision) this.faerdige.delete(moedeId);
  }

  forget(): void {
    this.faerdige.clear();
  }

  private husk(moedeId: string, stream: readonly RecordedEvent[], bygget: MoedeMedDokument): void {
    this.faerdige.delete(moedeId);
    if (this.faerdige.size >= FAERDIGE_MOEDER) this.faerdige.delete(this.faerdige.keys().next().value as string);
    this.faerdige.set(moedeId, { revision: stream[stream.length - 1].revision, bygget });
  }

  private async sag(
    sagId: string,
    tilPosition: number | undefined,
    somDengang: (events: RecordedEvent[]) => RecordedEvent[],
  ): Promise<ExistingSag | undefined> {
    const events = somDengang(await this.store.readStream(sagStreamName(sagId)));
    const sag = foldSag(tilPosition === undefined ? events : events.filter((event) => event.position <= tilPosition));
    return sag.status === 'ny' ? undefined : sag;
  }
}
