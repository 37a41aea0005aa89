import { Actor } from '@sagsgang/kernel';
import { SagEvent, SagState, sagStreamName } from '@sagsgang/sag';
import { Emne, nytEmne } from './emner';
import { dato } from './kalender';
import { Forvaltning } from './kommune';
import { anledning, atPunkter, BEGRUNDELSER, bilag, sagsfremstilling } from './tekster';
import { kontortid, Verden } from './verden';

type Trin = 'anledning' | 'fremstilling' | 'bilag' | 'indstilling' | 'henlaeg';

interface SimSag {
  id: string;
  forvaltning: Forvaltning;
  sagsbehandler: Actor;
  emne: Emne;
  aar: number;
  /** The preparation still to do, in order. */
  plan: Trin[];
  bilag: number;
}

/**
 * The administration's side: caseworkers create sager, write the anledning
 * and several versions of the sagsfremstilling, attach bilag and give the
 * indstilling; they revise it while it waits, rework a sag sent back, and
 * close it after the decision. Reacts to every sag event, including those the
 * process manager appends after a meeting.
 */
export class Sager {
  oprettet = 0;
  /** Open sager: created or reopened, not yet closed (afsluttet) or shelved (henlagt). */
  aabne = 0;
  maxAabne = 0;
  private readonly sager = new Map<string, SimSag>();
  private readonly loebenumre = new Map<string, number>();

  constructor(
    private readonly v: Verden,
    private readonly perDag: number,
  ) {
    v.writer.onSagEvent = (sagId, event, state) => this.reager(sagId, event, state);
  }

  neutralTitel(sagId: string): string | null {
    return this.sager.get(sagId)?.emne.neutralTitel ?? null;
  }

  /** A working day's new sager, at random office hours. */
  planlaegDag(day: number): void {
    const spredning = Math.floor(this.perDag * 0.3);
    const antal = this.v.random.int(this.perDag - spredning, this.perDag + spredning);
    for (let i = 0; i < antal; i++) this.v.plan.at(day, kontortid(this.v.random), () => this.opret());
  }

  private opret(): void {
    const { random, writer, kommune } = this.v;
    const forvaltning = random.pick(kommune.forvaltninger);
    const sagsbehandler = random.pick(forvaltning.sagsbehandlere);
    const aar = dato(this.v.plan.today).year;
    const emne = nytEmne(random, aar);
    const journalnummer = this.journalnummer(emne, aar);
    const context = writer.request(sagsbehandler);
    const id = writer.opretSag(context, {
      titel: emne.titel,
      journalnummer,
      sagstype: emne.sagstype,
      sagsgang: kommune.sagsgang(forvaltning),
      ansvarligEnhed: forvaltning.navn,
    });
    const sag: SimSag = { id, forvaltning, sagsbehandler, emne, aar, plan: this.forberedelse(), bilag: 0 };
    this.sager.set(id, sag);
    this.oprettet++;
    this.aabner();
    this.naeste(sag, 0, 2);
  }

  /** Anledning, the first sagsfremstilling, bilag and later versions in some order, the indstilling; a few are shelved. */
  private forberedelse(): Trin[] {
    const { random } = this.v;
    const bilag = random.weighted<number>([
      [0, 25],
      [1, 30],
      [2, 25],
      [3, 12],
      [4, 8],
    ]);
    const versioner = random.weighted<number>([
      [0, 45],
      [1, 35],
      [2, 15],
      [3, 5],
    ]);
    const midt: Trin[] = random.sample(
      [...Array<Trin>(bilag).fill('bilag'), ...Array<Trin>(versioner).fill('fremstilling')],
      bilag + versioner,
    );
    const plan: Trin[] = ['anledning', 'fremstilling', ...midt, 'indstilling'];
    if (random.chance(0.02)) plan.splice(random.int(1, plan.length - 1), Infinity, 'henlaeg');
    return plan;
  }

  private naeste(sag: SimSag, min: number, max: number): void {
    const { plan, random } = this.v;
    plan.at(plan.workdayAfter(plan.today, random.int(min, max)), kontortid(random), () => this.trin(sag));
  }

  private trin(sag: SimSag): void {
    if (this.v.writer.sag(sag.id).status !== 'under_udarbejdelse') return;
    const trin = sag.plan.shift();
    if (trin) this.udfoer(sag, trin);
    if (sag.plan.length > 0) this.naeste(sag, 0, 5);
  }

  private udfoer(sag: SimSag, trin: Trin): void {
    const { random, writer } = this.v;
    const context = writer.request(sag.sagsbehandler);
    const sagId = sag.id;
    const state = writer.sag(sagId);
    const version = state.status === 'ny' ? 1 : state.sagsfremstillinger.length + 1;
    switch (trin) {
      case 'anledning':
        writer.issueSag(sagId, context, (metadata) => ({
          type: 'BeskrivAnledning',
          data: { sagId, tekst: anledning(random, sag.emne, sag.aar) },
          metadata,
        }));
        return;
      case 'fremstilling':
        writer.issueSag(sagId, context, (metadata) => ({
          type: 'SkrivSagsfremstilling',
          data: { sagId, tekst: sagsfremstilling(random, sag.emne, sag.aar, version) },
          metadata,
        }));
        return;
      case 'bilag':
        return this.vedhaeft(sag);
      case 'indstilling':
        writer.issueSag(sagId, context, (metadata) => ({
          type: 'GivIndstilling',
          data: { sagId, indstiller: sag.forvaltning.indstiller, atPunkter: atPunkter(random, sag.emne) },
          metadata,
        }));
        return;
      case 'henlaeg':
        writer.issueSag(sagId, context, (metadata) => ({
          type: 'HenlaegSag',
          data: { sagId, begrundelse: random.pick(BEGRUNDELSER.henlaeg) },
          metadata,
        }));
        return;
    }
  }

  private vedhaeft(sag: SimSag): void {
    const { random, writer } = this.v;
    const fil = bilag(random, sag.emne, ++sag.bilag);
    const sagId = sag.id;
    writer.issueSag(sagId, writer.request(sag.sagsbehandler), (metadata) => ({
      type: 'VedhaeftBilag',
      data: { sagId, bilagId: `bilag-${sag.bilag}`, ...fil },
      metadata,
    }));
  }

  /** What follows each sag event, whoever appended it. */
  private reager(sagId: string, event: SagEvent, state: SagState): void {
    const sag = this.sager.get(sagId);
    if (!sag) return;
    const { koer, random } = this.v;
    switch (event.type) {
      case 'SagGenoptaget':
        this.aabner();
        this.omarbejd(sag, ['fremstilling', 'indstilling'], 3, 20);
        return;
      case 'IndstillingGivet':
      case 'SagOversendt':
      case 'SagUdsat':
      case 'SagTrukketFraDagsorden':
        if (state.status !== 'indstillet') return;
        koer.add(state.afventerUdvalg, sagId);
        if (random.chance(0.08)) this.senere(1, 10, () => this.revider(sag));
        else if (random.chance(0.06)) this.senere(1, 10, () => this.ekstraBilag(sag));
        return;
      case 'SagSatPaaDagsorden':
        koer.remove(sagId);
        return;
      case 'SagTilbagesendt':
        this.omarbejd(sag, random.chance(0.3) ? ['fremstilling', 'bilag', 'indstilling'] : ['fremstilling', 'indstilling'], 5, 25);
        return;
      case 'SagAfgjort':
        this.senere(10, 120, () => this.afslut(sag));
        return;
      case 'SagHenlagt':
      case 'SagAfsluttet':
        koer.remove(sagId);
        this.aabne--;
        if (random.chance(event.type === 'SagHenlagt' ? 0.3 : 0.015)) this.senere(10, 200, () => this.genoptag(sag));
        else this.glem(sag);
        return;
      default:
        return;
    }
  }

  private aabner(): void {
    this.aabne++;
    this.maxAabne = Math.max(this.maxAabne, this.aabne);
  }

  private omarbejd(sag: SimSag, plan: Trin[], min: number, max: number): void {
    sag.plan = plan;
    this.naeste(sag, min, max);
  }

  private senere(min: number, max: number, task: () => void): void {
    const { plan, random } = this.v;
    plan.at(plan.workdayAfter(plan.today, random.int(min, max)), kontortid(random), task);
  }

  private revider(sag: SimSag): void {
    const { random, writer } = this.v;
    if (writer.sag(sag.id).status !== 'indstillet') return;
    const sagId = sag.id;
    writer.issueSag(sagId, writer.request(sag.sagsbehandler), (metadata) => ({
      type: 'ReviderIndstilling',
      data: {
        sagId,
        indstiller: sag.forvaltning.indstiller,
        atPunkter: [...atPunkter(random, sag.emne), 'at der følges op med en status om et år'],
      },
      metadata,
    }));
  }

  private ekstraBilag(sag: SimSag): void {
    if (this.v.writer.sag(sag.id).status === 'indstillet') this.vedhaeft(sag);
  }

  private afslut(sag: SimSag): void {
    const { writer } = this.v;
    const sagId = sag.id;
    if (writer.sag(sagId).status === 'afgjort')
      writer.issueSag(sagId, writer.request(sag.sagsbehandler), (metadata) => ({ type: 'AfslutSag', data: { sagId }, metadata }));
  }

  private genoptag(sag: SimSag): void {
    const { random, writer } = this.v;
    const sagId = sag.id;
    const begrundelse = random.pick(BEGRUNDELSER.genoptag);
    writer.issueSag(sagId, writer.request(sag.sagsbehandler), (metadata) => ({
      type: 'GenoptagSag',
      data: { sagId, begrundelse },
      metadata,
    }));
  }

  /** A sag that will not be written again: nothing more of it is kept in memory. */
  private glem(sag: SimSag): void {
    this.sager.delete(sag.id);
    this.v.writer.forget(sagStreamName(sag.id));
  }

  private journalnummer(emne: Emne, aar: number): string {
    const key = `${emne.kle}-${emne.facet}-${aar}`;
    const loebenr = (this.loebenumre.get(key) ?? 0) + 1;
    this.loebenumre.set(key, loebenr);
    return `${emne.kle}-${emne.facet}-${loebenr}-${String(aar % 100).padStart(2, '0')}`;
  }
}
