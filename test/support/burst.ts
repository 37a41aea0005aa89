import type { Klient } from './moeder';

interface Answer {
  id?: string;
  revision: number;
  position: number;
}

/** A command the API acknowledged: its stream holds at least this revision, at this position. */
export interface Acknowledged {
  stream: string;
  revision: number;
  position: number;
}

/**
 * Caseworkers and a secretary sending a steady mix of commands — sager
 * created, described, given a bilag and an indstilling; now and then a
 * meeting called, the sag put on its agenda and decided, which the process
 * manager follows up — until stopped. Every command the API acknowledged is
 * kept. Refusals and broken connections (the API killed mid-request) only
 * end that round of the worker.
 */
export class Burst {
  readonly acknowledged: Acknowledged[] = [];
  readonly failures: string[] = [];
  private running = true;
  private readonly workers: Promise<void>[];

  constructor(
    private readonly api: Klient,
    workers = 4,
  ) {
    this.workers = Array.from({ length: workers }, (_, worker) => this.work(worker));
  }

  /** Resolves once at least `count` commands have been acknowledged in all. */
  async until(count: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.acknowledged.length < count) {
      if (Date.now() > deadline)
        throw new Error(`only ${this.acknowledged.length} commands acknowledged: ${this.failures.slice(-3).join('; ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }

  private async work(worker: number): Promise<void> {
    for (let round = 0; this.running; round++) {
      try {
        await this.round(worker, round);
      } catch (error) {
        this.failures.push(String(error));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  private async round(worker: number, round: number): Promise<void> {
    const sag = await this.create('sagsbehandler', '/sager', 'sag', {
      titel: `Sag ${worker}-${round}`,
      journalnummer: '00.01.00',
      sagstype: 'beslutning',
      sagsgang: ['Byrådet'],
      ansvarligEnhed: 'BYC',
    });
    const onSag = (path: string, body: object) => this.send('sagsbehandler', `/sager/${sag}${path}`, `sag-${sag}`, body);
    await onSag('/anledning', { tekst: `Anledning ${round} æøå` });
    if (round % 3 === 0) {
      const indhold = Buffer.from(`%PDF-1.4 bilag ${worker}-${round}`).toString('base64');
      await onSag('/bilag', { titel: 'Bilag', filnavn: 'bilag.pdf', medietype: 'application/pdf', indhold });
    }
    await onSag('/indstilling', { indstiller: 'Direktøren indstiller,', atPunkter: ['at sagen godkendes'] });
    if (round % 4 !== 1) return;
    const moede = await this.create('sekretaer', '/moeder', 'moede', {
      udvalg: 'Byrådet',
      start: `2030-01-${String(1 + (round % 28)).padStart(2, '0')}T17:00:00+01:00`,
      sted: 'Byrådssalen',
      medlemmer: [{ navn: 'Anne' }, { navn: 'Bo' }],
      deltagere: [],
      sekretaer: 'Kathrine',
    });
    const onMoede = (path: string, body: object = {}) => this.send('sekretaer', `/moeder/${moede}${path}`, `moede-${moede}`, body);
    await onMoede('/punkter', { sagId: sag });
    await onMoede('/udsend');
    await onMoede('/aabn');
    await onMoede('/punkter/1/beslutning', { udfald: 'godkendt', beslutningstekst: 'Godkendt.' });
  }

  /** Creates a sag or a meeting; returns its id. */
  private async create(role: 'sagsbehandler' | 'sekretaer', path: string, kind: 'sag' | 'moede', body: object): Promise<string> {
    let id = '';
    await this.send(role, path, (answer) => `${kind}-${(id = answer.id!)}`, body);
    return id;
  }

  /** POSTs a command and keeps the acknowledgement, for the stream given (or named by the answer). */
  private async send(role: 'sagsbehandler' | 'sekretaer', path: string, stream: string | ((answer: Answer) => string), body: object) {
    const response = await fetch(`${this.api.url}${path}`, {
      method: 'POST',
      headers: { ...this.api.token(role), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Answer;
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(answer)}`);
    const name = typeof stream === 'string' ? stream : stream(answer);
    this.acknowledged.push({ stream: name, revision: answer.revision, position: answer.position });
  }
}
