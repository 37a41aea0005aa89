import { assertNever } from '@sagsgang/kernel';
import type { Blok } from '@sagsgang/referat';
import type { Moede } from '../api/types';
import { BilagListe } from './bilag-liste';
import { kortDato } from './dansk';
import { udvalgSti } from './forside';
import { Assets, Side } from './layout';

export type Dokumentart = 'dagsorden' | 'referat';

/**
 * A dagsorden or referat in its public version: the very blocks the API
 * renders as text, markdown and HTML, here in the site's frame, with the
 * open punkter's bilag to download after each.
 */
export function DokumentSide({ moede, art, blokke, assets }: { moede: Moede; art: Dokumentart; blokke: readonly Blok[]; assets: Assets }) {
  const navn = art === 'referat' ? 'Referat' : 'Dagsorden';
  const bilag = new Map(moede.punkter.map((punkt) => [punkt.nr, punkt.bilag]));
  return (
    <Side
      titel={`${navn} ${moede.udvalg} ${kortDato(moede.start)}`}
      assets={assets}
      broedkrummer={[
        { tekst: 'Forside', href: '/' },
        { tekst: moede.udvalg, href: udvalgSti(moede.udvalg) },
        { tekst: 'Møde', href: `/moede/${moede.id}` },
        { tekst: navn },
      ]}
    >
      <article className="dokument">
        {blokke.map((blok, i) => (
          <BlokVisning key={i} blok={blok} bilag={bilag} />
        ))}
      </article>
    </Side>
  );
}

function BlokVisning({ blok, bilag }: { blok: Blok; bilag: ReadonlyMap<number, Moede['punkter'][number]['bilag']> }) {
  switch (blok.art) {
    case 'titel':
      return <h1>{blok.tekst}</h1>;
    case 'felt':
      return (
        <p className="felt">
          <strong>{blok.etiket}</strong> {blok.vaerdi}
        </p>
      );
    case 'overskrift':
      return blok.niveau === 2 ? <h2>{blok.tekst}</h2> : <h3>{blok.tekst}</h3>;
    case 'afsnit':
      return (
        <p>
          {blok.linjer.map((linje, i) => (
            <span key={i}>
              {i > 0 ? <br /> : null}
              {linje}
            </span>
          ))}
        </p>
      );
    case 'liste':
      return <Liste punkter={blok.punkter} />;
    case 'indhold':
      return (
        <nav aria-label="Indholdsfortegnelse">
          <ol>
            {blok.punkter.map(({ nr, tekst }) => (
              <li key={nr} value={nr}>
                <a href={`#punkt-${nr}`}>{tekst}</a>
              </li>
            ))}
          </ol>
        </nav>
      );
    case 'punkt':
      return (
        <section className="punkt" id={`punkt-${blok.nr}`} aria-labelledby={`punkt-${blok.nr}-titel`}>
          <h2 id={`punkt-${blok.nr}-titel`}>{blok.overskrift}</h2>
          {blok.blokke.map((indre, i) => (
            <BlokVisning key={i} blok={indre} bilag={bilag} />
          ))}
          {(bilag.get(blok.nr) ?? []).length > 0 ? (
            <>
              <h3>Hent bilag</h3>
              <BilagListe bilag={bilag.get(blok.nr) ?? []} />
            </>
          ) : null}
        </section>
      );
    default:
      return assertNever(blok);
  }
}

function Liste({ punkter }: { punkter: readonly { nr?: number; tekst: string }[] }) {
  const emner = punkter.map(({ nr, tekst }, i) => (
    <li key={i} value={nr}>
      {tekst}
    </li>
  ));
  return punkter.some(({ nr }) => nr !== undefined) ? <ol>{emner}</ol> : <ul>{emner}</ul>;
}
