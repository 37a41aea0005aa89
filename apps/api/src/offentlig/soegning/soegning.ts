import { Injectable } from '@nestjs/common';
import { SoegeHitDto, SoegeResultatDto, UddragDelDto } from '../offentlig.dto';
import { soegeudtryk } from './danske-ord';
import { FRA, Fund, SoegeIndeks, TIL } from './soege-indeks';

/** The search over the public documents: ranked hits a page at a time. */
@Injectable()
export class Soegning {
  constructor(private readonly indeks: SoegeIndeks) {}

  soeg(soegning: string, limit: number, offset: number): SoegeResultatDto {
    const q = soegning.trim();
    const udtryk = soegeudtryk(q);
    // One more than asked tells whether another page follows, without counting every match.
    const fund = udtryk ? this.indeks.soeg(udtryk, limit + 1, offset) : [];
    return { q, items: fund.slice(0, limit).map(hit), flere: fund.length > limit, limit, offset };
  }
}

function hit(fund: Fund): SoegeHitDto {
  const { moedeId, udvalg, start, art, nr, titel } = fund;
  return { moedeId, udvalg, start, art, punktNr: nr, punktTitel: titel, uddrag: uddrag(fund.uddrag) };
}

/** "…tekst \u0002ord\u0003 tekst…" as pieces, the matched words marked. */
export function uddrag(tekst: string): UddragDelDto[] {
  const dele: UddragDelDto[] = [];
  for (const [i, stykke] of tekst.split(FRA).entries()) {
    const [fremhaevet, efter] = i === 0 ? [undefined, stykke] : (stykke.split(TIL) as [string, string?]);
    if (fremhaevet) dele.push({ tekst: fremhaevet, fremhaevet: true });
    if (efter) dele.push({ tekst: efter, fremhaevet: false });
  }
  return dele;
}
