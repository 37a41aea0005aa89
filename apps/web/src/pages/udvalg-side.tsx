import type { MoedeListe } from '../api/types';
import { Assets, Side } from './layout';
import { MoedeTabel } from './moede-tabel';
import { Sidevisning } from './sidevisning';

/** One udvalg's public meetings, newest first, and its calendar to subscribe to. */
export function UdvalgSide({ udvalg, liste, assets }: { udvalg: string; liste: MoedeListe; assets: Assets }) {
  const { items, offset, limit, total } = liste;
  const side = (fra: number) => `?offset=${fra}`;
  return (
    <Side titel={udvalg} assets={assets} broedkrummer={[{ tekst: 'Forside', href: '/' }, { tekst: udvalg }]}>
      <h1>{udvalg}</h1>
      <p>
        <a href={`/offentlig/udvalg/${encodeURIComponent(udvalg)}/kalender.ics`}>Udvalgets møder i din kalender (iCal)</a>
      </p>
      <h2>Møder</h2>
      <MoedeTabel moeder={items} titel={`Møder i ${udvalg}`} />
      <Sidevisning
        navn="Sider med møder"
        forrige={offset > 0 ? { href: side(Math.max(0, offset - limit)), tekst: 'Nyere møder' } : undefined}
        naeste={offset + limit < total ? { href: side(offset + limit), tekst: 'Ældre møder' } : undefined}
      />
    </Side>
  );
}
