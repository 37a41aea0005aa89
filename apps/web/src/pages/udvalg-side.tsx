import type { MoedeListe } from '../api/types';
import { Assets, Side } from './layout';
import { MoedeTabel } from './moede-tabel';

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
      {total > limit ? (
        <nav className="pagination" aria-label="Sider med møder">
          <ul className="pagination__items">
            {offset > 0 ? (
              <li className="pagination-item">
                <a className="button button-secondary" href={side(Math.max(0, offset - limit))}>
                  Nyere møder
                </a>
              </li>
            ) : null}
            {offset + limit < total ? (
              <li className="pagination-item">
                <a className="button button-secondary" href={side(offset + limit)}>
                  Ældre møder
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Side>
  );
}
