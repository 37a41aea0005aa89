import type { SoegeHit, SoegeResultat } from '../api/types';
import { kortDato } from './dansk';
import { Assets, Side } from './layout';
import { SoegeFelt } from './soege-felt';
import { Sidevisning } from './sidevisning';

export type SoegeSideData = { resultat?: SoegeResultat; q: string; fejl?: string };

/** The search: the form, then the hits, best first, a page at a time. */
export function SoegeSide({ data, assets }: { data: SoegeSideData; assets: Assets }) {
  const { resultat, q, fejl } = data;
  return (
    <Side
      titel={resultat ? `Søgning: ${resultat.q}` : 'Søg'}
      assets={assets}
      broedkrummer={[{ tekst: 'Forside', href: '/' }, { tekst: 'Søg' }]}
    >
      <h1>Søg i dagsordener og referater</h1>
      <SoegeFelt q={q} fejl={fejl} />
      {resultat ? <Resultater resultat={resultat} /> : null}
    </Side>
  );
}

function Resultater({ resultat }: { resultat: SoegeResultat }) {
  const { items, offset, limit, flere, q } = resultat;
  if (items.length === 0 && offset === 0) {
    return (
      <>
        <h2>Ingen resultater</h2>
        <p>Intet offentligt punkt indeholder alle ordene. Prøv med færre eller andre ord.</p>
      </>
    );
  }
  const side = (fra: number) => `/soeg?q=${encodeURIComponent(q)}${fra > 0 ? `&offset=${fra}` : ''}`;
  return (
    <>
      <h2>
        Resultater {offset + 1}–{offset + items.length}
      </h2>
      <p id="soegestatus" className="sr-only" role="status" aria-live="polite" />
      <ol className="soegeresultater" start={offset + 1}>
        {items.map((hit) => (
          <Hit key={`${hit.moedeId} ${hit.art} ${hit.punktNr}`} hit={hit} />
        ))}
      </ol>
      <Sidevisning
        navn="Sider med resultater"
        forrige={offset > 0 ? { href: side(Math.max(0, offset - limit)), tekst: 'Forrige side' } : undefined}
        naeste={flere ? { href: side(offset + limit), tekst: 'Næste side' } : undefined}
      />
    </>
  );
}

function Hit({ hit }: { hit: SoegeHit }) {
  const dokument = hit.art === 'referat' ? 'Referat' : 'Dagsorden';
  return (
    <li>
      <h3 className="h5">
        <a href={`/moede/${hit.moedeId}/${hit.art}#punkt-${hit.punktNr}`}>{hit.punktTitel}</a>
      </h3>
      <p className="soegehit-kilde">
        {dokument}, {hit.udvalg} {kortDato(hit.start)}
      </p>
      <p>{hit.uddrag.map((del, i) => (del.fremhaevet ? <mark key={i}>{del.tekst}</mark> : <span key={i}>{del.tekst}</span>))}</p>
    </li>
  );
}
