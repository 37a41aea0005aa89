/** The search form (GET /soeg), with the problem next to the field when there is one. */
export function SoegeFelt({ q, fejl }: { q: string; fejl?: string }) {
  return (
    <form className="search-form" method="get" action="/soeg" role="search" aria-label="Søg i dagsordener og referater">
      <div className={fejl ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor="q">
          Søg i dagsordener og referater
        </label>
        {fejl ? (
          <span className="form-error-message" id="q-fejl">
            <span className="sr-only">Fejl: </span>
            {fejl}
          </span>
        ) : null}
        <div className="search">
          <input
            className="form-input input-width-l"
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={200}
            aria-invalid={fejl ? true : undefined}
            aria-describedby={fejl ? 'q-fejl' : undefined}
          />
          <button className="button button-search" type="submit">
            Søg
          </button>
        </div>
      </div>
    </form>
  );
}
