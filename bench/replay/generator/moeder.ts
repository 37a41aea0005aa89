import {
  deltagereIPunkt,
  ExistingMoede,
  MoedeCommand,
  MoedeCommandMetadata,
  MoedeEvent,
  MoedeState,
  moedeStreamName,
  Punkt,
  sagSnapshot,
  tilstedevaerende,
} from '@sagsgang/moede';
import { referatSha256, referatTilGodkendelse } from '@sagsgang/referat';
import { ExistingSag, POLITISK_V1 } from '@sagsgang/sag';
import { newAggregateId } from '../../../apps/api/src/commands/event-ids';
import { moedeDokument } from '../../../apps/api/src/moeder/moede-dokument';
import { lokalTid } from './kalender';
import { DIREKTIONEN, Udvalg } from './kommune';
import { afstemning, trukketUdfald } from './beslutning';
import { BEGRUNDELSER, beslutningstekst } from './tekster';
import { kontortid, Verden } from './verden';

interface SimMoede {
  id: string;
  udvalg: Udvalg;
  dag: number;
  /** Each punkt's sag as it stood at its beslutning or withdrawal: what the referat prints. */
  sagVedPunkt: Map<number, ExistingSag>;
  referatSha256?: string;
  afgang: boolean;
}

/**
 * The secretaries' side: each udvalg's meetings are called two weeks ahead,
 * the dagsorden is built from the sager awaiting the udvalg a week before and
 * sent, supplerende punkter and afbud come in, the meeting is held punkt by
 * punkt (inhabilitet, fravær, votes, protokoltilførsler, a member leaving),
 * closed, and its referat approved by every member present and published.
 */
export class Moeder {
  afholdt = 0;
  aflyst = 0;
  punkter = 0;
  private readonly moeder = new Map<string, SimMoede>();

  constructor(private readonly v: Verden) {
    v.writer.onMoedeEvent = (moedeId, event, state) => this.reager(moedeId, event, state);
  }

  /** Calls the meetings held two weeks from `day`. */
  planlaeg(day: number): void {
    const { kommune, plan, random } = this.v;
    for (const udvalg of kommune.udvalg.values()) {
      if (kommune.holderMoede(udvalg, day + 14)) plan.at(day, random.int(600, 840), () => this.indkald(udvalg, day + 14));
    }
  }

  private indkald(udvalg: Udvalg, dag: number): void {
    const { random, writer, kommune, plan } = this.v;
    const context = writer.request(udvalg.sekretaer.actor);
    const moedeId = newAggregateId(context, 'moede');
    const direktoerer = kommune.get(DIREKTIONEN).medlemmer.map(({ navn }) => navn);
    const deltagere = udvalg.navn === DIREKTIONEN ? [] : random.sample(direktoerer, random.int(1, 2));
    const m: SimMoede = { id: moedeId, udvalg, dag, sagVedPunkt: new Map(), afgang: false };
    this.moeder.set(moedeId, m);
    this.issue(
      m,
      (metadata) => ({
        type: 'IndkaldMoede',
        data: {
          moedeId,
          udvalg: udvalg.navn,
          start: lokalTid(dag, udvalg.klokken),
          sted: udvalg.sted,
          medlemmer: udvalg.medlemmer,
          deltagere,
          sekretaer: udvalg.sekretaer.navn,
        },
        metadata,
      }),
      context,
    );
    plan.at(dag - 7, random.int(540, 660), () => this.dagsorden(m));
    plan.at(dag - 6, random.int(540, 600), () => this.udsend(m));
    for (const foer of [4, 2]) plan.at(dag - foer, kontortid(random), () => this.supplerende(m));
    plan.at(dag - 1, kontortid(random), () => this.afbud(m));
    plan.at(dag, udvalg.klokken, () => this.aabn(m));
  }

  private dagsorden(m: SimMoede): void {
    const { koer, random } = this.v;
    for (const sagId of koer.take(m.udvalg.navn, m.udvalg.kapacitet)) this.tilfoej(m, sagId);
    const punkter = this.state(m).punkter;
    if (punkter.length >= 2 && random.chance(0.05))
      this.issue(m, (metadata) => ({ type: 'FlytPunkt', data: { moedeId: m.id, nr: punkter.length, tilNr: 1 }, metadata }));
    // Removing a punkt before sending renumbers the rest, so each is found again by its sag.
    const fjernes = this.state(m)
      .punkter.filter(() => random.chance(0.01))
      .map((punkt) => punkt.sag.sagId);
    for (const sagId of fjernes) {
      const nr = this.state(m).punkter.find((punkt) => punkt.sag.sagId === sagId)!.nr;
      this.issue(m, (metadata) => ({
        type: 'FjernPunkt',
        data: { moedeId: m.id, nr, begrundelse: random.pick(BEGRUNDELSER.fjernet) },
        metadata,
      }));
    }
  }

  private tilfoej(m: SimMoede, sagId: string): void {
    const sag = this.v.writer.sag(sagId);
    if (sag.status !== 'indstillet' || sag.afventerUdvalg !== m.udvalg.navn) return;
    const neutralTitel = this.v.neutralTitel(sagId);
    const data = { moedeId: m.id, sagId, sag: sagSnapshot(sag, POLITISK_V1), lukket: neutralTitel !== null, neutralTitel };
    this.issue(m, (metadata) => ({ type: 'TilfoejPunkt', data, metadata }));
    this.punkter++;
  }

  private udsend(m: SimMoede): void {
    const { random, plan } = this.v;
    if (this.state(m).punkter.length === 0) return this.aflys(m, 'Mødet aflyses, da der ikke er sager til behandling.');
    this.issue(m, (metadata) => ({ type: 'UdsendDagsorden', data: { moedeId: m.id }, metadata }));
    if (random.chance(0.008)) plan.at(m.dag - 3, kontortid(random), () => this.aflys(m, random.pick(BEGRUNDELSER.aflys)));
  }

  private aflys(m: SimMoede, begrundelse: string): void {
    const status = this.state(m).status;
    if (status !== 'planlagt' && status !== 'dagsorden_udsendt') return;
    this.issue(m, (metadata) => ({ type: 'AflysMoede', data: { moedeId: m.id, begrundelse }, metadata }));
    this.aflyst++;
    this.glem(m);
  }

  private supplerende(m: SimMoede): void {
    const { koer, random } = this.v;
    if (!this.aktiv(m, 'dagsorden_udsendt') || !random.chance(0.3)) return;
    for (const sagId of koer.take(m.udvalg.navn, random.int(1, 2))) this.tilfoej(m, sagId);
  }

  /** Afbud for the whole meeting, never from more than a third of the members. */
  private afbud(m: SimMoede): void {
    const { random } = this.v;
    if (!this.aktiv(m, 'dagsorden_udsendt')) return;
    const medlemmer = m.udvalg.medlemmer;
    const fravaerende = medlemmer.filter(() => random.chance(0.06)).slice(0, Math.floor(medlemmer.length / 3));
    for (const { navn } of fravaerende) {
      this.issue(m, (metadata) => ({
        type: 'RegistrerFravaer',
        data: { moedeId: m.id, medlem: navn, art: 'afbud', punkter: null },
        metadata,
      }));
    }
  }

  private aabn(m: SimMoede): void {
    const { plan, random } = this.v;
    if (!this.aktiv(m, 'dagsorden_udsendt')) return;
    this.issue(m, (metadata) => ({ type: 'AabnMoede', data: { moedeId: m.id }, metadata }));
    let minut = m.udvalg.klokken + 5;
    for (const punkt of this.state(m).punkter) {
      if (punkt.trukket) continue;
      plan.at(m.dag, minut, () => this.behandl(m, punkt.nr));
      minut += random.int(3, 12);
    }
    plan.at(m.dag, minut + 5, () => this.haev(m));
  }

  private behandl(m: SimMoede, nr: number): void {
    const { random } = this.v;
    const moedeId = m.id;
    if (random.chance(0.005)) {
      this.issue(m, (metadata) => ({
        type: 'FjernPunkt',
        data: { moedeId, nr, begrundelse: random.pick(BEGRUNDELSER.trukket) },
        metadata,
      }));
      return;
    }
    const deltagere = deltagereIPunkt(this.state(m), this.punkt(m, nr));
    if (deltagere.length > 2 && random.chance(0.015)) {
      const medlem = random.pick(deltagere);
      this.issue(m, (metadata) => ({
        type: 'ErklaerInhabilitet',
        data: { moedeId, nr, medlem, begrundelse: random.pick(BEGRUNDELSER.inhabil) },
        metadata,
      }));
    } else if (deltagere.length > 2 && random.chance(0.01)) {
      const medlem = random.pick(deltagere);
      this.issue(m, (metadata) => ({ type: 'RegistrerFravaer', data: { moedeId, medlem, art: 'fravaer', punkter: [nr] }, metadata }));
    }
    const moede = this.state(m);
    const punkt = this.punkt(m, nr);
    const udfald = trukketUdfald(random, punkt.sag);
    const stemmer = m.udvalg.politisk && random.chance(0.2) ? afstemning(random, moede, punkt, udfald) : null;
    this.issue(m, (metadata) => ({
      type: 'RegistrerBeslutning',
      data: { moedeId, nr, udfald, beslutningstekst: beslutningstekst(random, udfald), afstemning: stemmer },
      metadata,
    }));
    this.protokol(m, nr, stemmer);
    this.maaskeAfgang(m, nr);
  }

  /** One outvoted member may have a dissent recorded. */
  private protokol(m: SimMoede, nr: number, stemmer: ReturnType<typeof afstemning>): void {
    const { random } = this.v;
    if (!stemmer || !random.chance(0.3)) return;
    const overstemte = stemmer.for.length > stemmer.imod.length ? stemmer.imod : stemmer.for;
    if (overstemte.length === 0) return;
    const medlem = random.pick(overstemte);
    const tekst = `${medlem} ${random.pick(BEGRUNDELSER.protokol)}`;
    this.issue(m, (metadata) => ({ type: 'TilfoejProtokoltilfoersel', data: { moedeId: m.id, nr, medlem, tekst }, metadata }));
  }

  /** Now and then a member leaves early, after this punkt. */
  private maaskeAfgang(m: SimMoede, nr: number): void {
    const { random } = this.v;
    const moede = this.state(m);
    if (m.afgang || nr >= moede.punkter.length || !random.chance(0.05 / moede.punkter.length)) return;
    const tilstede = tilstedevaerende(moede);
    if (tilstede.length < 3) return;
    m.afgang = true;
    const medlem = random.pick(tilstede);
    this.issue(m, (metadata) => ({ type: 'RegistrerAfgang', data: { moedeId: m.id, medlem, efterPunkt: nr }, metadata }));
  }

  private haev(m: SimMoede): void {
    const { plan, random } = this.v;
    this.issue(m, (metadata) => ({ type: 'HaevMoede', data: { moedeId: m.id }, metadata }));
    this.afholdt++;
    const moede = this.state(m);
    if (moede.status !== 'haevet') throw new Error(`møde ${m.id} is ${moede.status} after HaevMoede`);
    for (const medlem of moede.underskrivere)
      plan.at(plan.workdayAfter(m.dag, random.int(1, 6)), kontortid(random), () => this.godkend(m, medlem));
  }

  private godkend(m: SimMoede, medlem: string): void {
    const { plan, random } = this.v;
    this.issue(m, (metadata) => ({ type: 'GodkendReferat', data: { moedeId: m.id, medlem, referatSha256: m.referatSha256! }, metadata }));
    if (this.state(m).status === 'referat_godkendt')
      plan.at(plan.workdayAfter(plan.today, random.int(1, 3)), kontortid(random), () => this.offentliggoer(m));
  }

  private offentliggoer(m: SimMoede): void {
    this.issue(m, (metadata) => ({ type: 'OffentliggoerReferat', data: { moedeId: m.id }, metadata }));
    this.glem(m);
  }

  /**
   * Records each punkt's sag before the process manager moves it on, and at
   * the closing the referat's digest, rendered as the API renders it for
   * approval (moedeDokument + referatTilGodkendelse).
   */
  private reager(moedeId: string, event: MoedeEvent, state: MoedeState): void {
    const m = this.moeder.get(moedeId);
    if (!m) return;
    if (event.type === 'BeslutningRegistreret' || event.type === 'PunktTrukket') {
      m.sagVedPunkt.set(event.data.nr, this.v.writer.sag(event.data.sagId) as ExistingSag);
    } else if (event.type === 'MoedeHaevet') {
      m.referatSha256 = referatSha256(referatTilGodkendelse(moedeDokument(state as ExistingMoede, m.sagVedPunkt)));
    }
  }

  private issue(
    m: SimMoede,
    toCommand: (metadata: MoedeCommandMetadata) => MoedeCommand,
    context = this.v.writer.request(m.udvalg.sekretaer.actor),
  ): void {
    this.v.writer.issueMoede(m.id, context, toCommand);
  }

  private state(m: SimMoede): ExistingMoede {
    return this.v.writer.moede(m.id) as ExistingMoede;
  }

  private aktiv(m: SimMoede, status: MoedeState['status']): boolean {
    return this.moeder.has(m.id) && this.state(m).status === status;
  }

  private punkt(m: SimMoede, nr: number): Punkt {
    return this.state(m).punkter.find((punkt) => punkt.nr === nr)!;
  }

  private glem(m: SimMoede): void {
    this.moeder.delete(m.id);
    this.v.writer.forget(moedeStreamName(m.id));
  }
}
