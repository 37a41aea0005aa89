import { Injectable } from '@nestjs/common';
import { SoegeHitDto, SoegeResultatDto } from '../offentlig.dto';
import { ordMoenster, soegeudtryk, stammer, uddrag } from './danske-ord';
import { Fund, SoegeIndeks } from './soege-indeks';

/** Searches kept at most; popular words are asked again and again between two changes of the index. */
const KENDTE = 500;

/** The search over the public documents: ranked hits a page at a time. */
@Injectable()
export class Soegning {
  private readonly kendte = new Map<string, SoegeResultatDto>();
  private kendtVersion = -1;

  constructor(private readonly indeks: SoegeIndeks) {}

  soeg(soegning: string, limit: number, offset: number): SoegeResultatDto {
    const q = soegning.trim();
    const stemmer = stammer(q);
    if (this.kendtVersion !== this.indeks.version) {
      this.kendte.clear();
      this.kendtVersion = this.indeks.version;
    }
    const noegle = `${stemmer.join(' ')}\n${limit}\n${offset}`;
    let resultat = this.kendte.get(noegle);
    if (!resultat) {
      // One more than asked tells whether another page follows, without counting every match.
      const fund = stemmer.length > 0 ? this.indeks.soeg(soegeudtryk(stemmer), limit + 1, offset) : [];
      const moenster = ordMoenster(stemmer);
      resultat = { q, items: fund.slice(0, limit).map((et) => hit(et, moenster)), flere: fund.length > limit, limit, offset };
      if (this.kendte.size >= KENDTE) this.kendte.delete(this.kendte.keys().next().value as string);
      this.kendte.set(noegle, resultat);
    }
    return resultat.q === q ? resultat : { ...resultat, q };
  }
}

function hit(fund: Fund, moenster: RegExp): SoegeHitDto {
  const { moedeId, udvalg, start, art, nr, titel, tekst } = fund;
  return { moedeId, udvalg, start, art, punktNr: nr, punktTitel: titel, uddrag: uddrag(tekst, moenster) };
}
