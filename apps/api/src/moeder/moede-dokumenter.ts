import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@sagsgang/event-store';
import { ExistingMoede, moedeStreamName } from '@sagsgang/moede';
import { MoedeDokument } from '@sagsgang/referat';
import { ExistingSag, sagStreamName } from '@sagsgang/sag';
import { foldSag } from '../sager/sag-command.handlers';
import { moedeDokument, sagenLaesesTil } from './moede-dokument';
import { foldMoede } from '@sagsgang/read-models';

export interface MoedeMedDokument {
  moede: ExistingMoede;
  dokument: MoedeDokument;
}

/**
 * Builds a meeting's dagsorden/referat view model from the streams
 * themselves (the meeting and each punkt's sag), not from read models, so
 * the digest a member approves is computed from exactly what was recorded.
 */
@Injectable()
export class MoedeDokumenter {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Null when the meeting does not exist. */
  async byg(moedeId: string): Promise<MoedeMedDokument | null> {
    const history = await this.store.readStream(moedeStreamName(moedeId));
    const moede = foldMoede(history);
    if (moede.status === 'ny') return null;
    const laesTil = sagenLaesesTil(history);
    const sager = await Promise.all(moede.punkter.map(async (punkt) => [punkt.nr, await this.sag(punkt.sag.sagId, laesTil(punkt.nr))] as const));
    const fundne = sager.filter((entry): entry is readonly [number, ExistingSag] => entry[1] !== undefined);
    return { moede, dokument: moedeDokument(moede, new Map(fundne)) };
  }

  private async sag(sagId: string, tilPosition: number | undefined): Promise<ExistingSag | undefined> {
    const events = await this.store.readStream(sagStreamName(sagId));
    const sag = foldSag(tilPosition === undefined ? events : events.filter((event) => event.position <= tilPosition));
    return sag.status === 'ny' ? undefined : sag;
  }
}
