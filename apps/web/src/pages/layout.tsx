import type { ReactNode } from 'react';

/** The built stylesheet and script of the client bundle (absent when the web app was not built). */
export interface Assets {
  css: readonly string[];
  js?: string;
}

export interface Broedkrumme {
  tekst: string;
  /** Absent for the page itself, the last crumb. */
  href?: string;
}

export interface SideProps {
  /** The page's own title; the site's name follows it in the window title. */
  titel: string;
  broedkrummer: readonly Broedkrumme[];
  assets: Assets;
  children: ReactNode;
}

export const SITENAVN = 'Dagsordener og referater';

/**
 * Every page's frame in Det Fælles Designsystem's pattern: skip link,
 * header with the site's name and menu, breadcrumbs, one main landmark and
 * a footer. No inline script or style: the CSP allows neither.
 */
export function Side({ titel, broedkrummer, assets, children }: SideProps) {
  return (
    <html lang="da">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{titel === SITENAVN ? SITENAVN : `${titel} – ${SITENAVN}`}</title>
        {assets.css.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <link rel="alternate" type="application/rss+xml" title="Offentliggjorte referater (RSS)" href="/offentlig/referater.rss" />
        {assets.js ? <script type="module" src={assets.js} /> : null}
      </head>
      <body>
        <a className="skipnav" href="#indhold">
          Gå til sidens indhold
        </a>
        <header className="header">
          <div className="solution-info">
            <div className="solution-info-inner container">
              <div className="solution-heading">
                <a href="/">{SITENAVN}</a>
              </div>
            </div>
          </div>
          <nav className="navigation-menu" aria-label="Hovedmenu">
            <div className="navigation-menu-inner container">
              <ul className="mainmenu">
                <li>
                  <a className="nav-link" href="/">
                    <span>Forside</span>
                  </a>
                </li>
                <li>
                  <a className="nav-link" href="/soeg">
                    <span>Søg</span>
                  </a>
                </li>
              </ul>
            </div>
          </nav>
        </header>
        <div className="container">
          <Broedkrummer krummer={broedkrummer} />
        </div>
        <main id="indhold" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer>
          <div className="footer">
            <div className="container">
              <h2 className="h5">Abonnér</h2>
              <ul className="inline-list">
                <li>
                  <a href="/offentlig/referater.rss">Nye referater (RSS)</a>
                </li>
                <li>
                  <a href="/offentlig/kalender.ics">Alle møder i din kalender (iCal)</a>
                </li>
              </ul>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

function Broedkrummer({ krummer }: { krummer: readonly Broedkrumme[] }) {
  if (krummer.length === 0) return null;
  return (
    <nav className="breadcrumbs" aria-label="Brødkrumme">
      <ol className="breadcrumbs__list">
        {krummer.map(({ tekst, href }) => (
          <li key={tekst} className="breadcrumbs__list-item" aria-current={href ? undefined : 'page'}>
            {href ? (
              <a className="breadcrumbs__link" href={href}>
                {tekst}
              </a>
            ) : (
              tekst
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
