import type { Moede } from '../api/types';
import { BilagListe } from './bilag-liste';
import { moedetidspunkt, statusTekst } from './dansk';
import { udvalgSti } from './forside';
import { Assets, Side } from './layout';

/** One meeting: when and where, its documents, and its punkter with their bilag and udfald. */
export function MoedeSide({ moede, assets }: { moede: Moede; assets: Assets }) {
  const titel = `Møde i ${moede.udvalg} ${moedetidspunkt(moede.start)}`;
  return (
    <Side
      titel={titel}
      assets={assets}
      broedkrummer={[{ tekst: 'Forside', href: '/' }, { tekst: moede.udvalg, href: udvalgSti(moede.udvalg) }, { tekst: 'Møde' }]}
    >
      <h1>{titel}</h1>
      <dl className="moede-fakta">
        <dt>Sted</dt>
        <dd>{moede.sted}</dd>
        <dt>Status</dt>
        <dd>{statusTekst(moede.status)}</dd>
        {moede.aflystBegrundelse ? (
          <>
            <dt>Aflyst fordi</dt>
            <dd>{moede.aflystBegrundelse}</dd>
          </>
        ) : null}
      </dl>
      <h2>Dokumenter</h2>
      <ul>
        <li>
          <a href={`/moede/${moede.id}/dagsorden`}>Dagsorden</a>
        </li>
        <li>
          {moede.referatOffentliggjort ? <a href={`/moede/${moede.id}/referat`}>Referat</a> : 'Referatet er ikke offentliggjort endnu.'}
        </li>
      </ul>
      <h2>Punkter</h2>
      {moede.punkter.length === 0 ? (
        <p>Dagsordenen har ingen punkter.</p>
      ) : (
        <ol className="punkter">
          {moede.punkter.map((punkt) => (
            <li key={punkt.nr} value={punkt.nr}>
              <h3 className="h4">
                Punkt {punkt.nr}: {punkt.titel}
              </h3>
              {punkt.sagsnummer ? <p className="sagsnummer">Sagsnummer {punkt.sagsnummer}</p> : null}
              {punkt.lukket ? <p>Lukket punkt: indholdet er ikke offentligt.</p> : null}
              {punkt.beslutning ? <p>Beslutning: {punkt.beslutning}</p> : null}
              {punkt.bilag.length > 0 ? (
                <>
                  <p className="bilag-overskrift">Bilag</p>
                  <BilagListe bilag={punkt.bilag} />
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Side>
  );
}
