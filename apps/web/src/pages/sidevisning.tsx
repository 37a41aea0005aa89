/** Links to the page before and after, DKFDS's pagination; nothing when there is only one page. */
export function Sidevisning({
  navn,
  forrige,
  naeste,
}: {
  navn: string;
  forrige?: { href: string; tekst: string };
  naeste?: { href: string; tekst: string };
}) {
  if (!forrige && !naeste) return null;
  return (
    <nav className="pagination" aria-label={navn}>
      <ul className="pagination__items">
        {[forrige, naeste].map((link) =>
          link ? (
            <li key={link.href} className="pagination-item">
              <a className="button button-secondary" href={link.href}>
                {link.tekst}
              </a>
            </li>
          ) : null,
        )}
      </ul>
    </nav>
  );
}
