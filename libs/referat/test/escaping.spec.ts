import { MoedeDokument, PunktDokument, renderDagsorden, renderReferat } from '@sagsgang/referat';

const ONDT = `<script>alert(1)</script> "'&`;
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;';

/** Every text field of a punkt set to the hostile string. */
function ondtPunkt(nr: number, lukket: boolean): PunktDokument {
  return {
    nr,
    titel: `${ONDT} titel`,
    neutralTitel: `${ONDT} neutral`,
    lukket,
    supplerende: true,
    sagsnummer: ONDT,
    journalnummer: ONDT,
    anledning: `${ONDT}\n\n- ${ONDT}`,
    anledningOverskrift: ONDT,
    indstilling: { indstiller: ONDT, atPunkter: [ONDT, ONDT] },
    sagsfremstilling: `${ONDT}\n${ONDT}\n\n- ${ONDT}`,
    beslutning: {
      udvalg: ONDT,
      moedeDato: '2025-02-03',
      udfaldTekst: ONDT,
      beslutningstekst: `noget andet ${ONDT}`,
      afstemning: { for: [ONDT], imod: [ONDT], undlod: [ONDT] },
    },
    inhabilitet: [{ medlem: ONDT, begrundelse: ONDT }],
    fravaer: [{ navn: ONDT, art: 'afbud' }],
    afgange: [ONDT],
    protokoltilfoersler: [{ medlem: ONDT, tekst: ONDT }],
    bilag: [{ titel: ONDT }],
  };
}

const ONDT_MOEDE: MoedeDokument = {
  udvalg: ONDT,
  start: '2025-02-03T17:00:00+01:00',
  sted: ONDT,
  medlemmer: [{ navn: ONDT, parti: ONDT }, { navn: `${ONDT} 2` }],
  deltagere: [ONDT],
  sekretaer: ONDT,
  fravaerende: [{ navn: `${ONDT} 2`, parti: ONDT, art: 'afbud' }],
  punkter: [ondtPunkt(1, false), ondtPunkt(2, true), { ...ondtPunkt(3, false), trukket: true }],
  godkendt: { tidspunkt: '2025-02-04T09:00:00+01:00', underskrivere: [ONDT] },
  referatSha256: ONDT,
};

/** The elements the HTML writer itself produces; anything else came from user text. */
const EGNE_ELEMENTER = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'main',
  'h1',
  'h2',
  'h3',
  'p',
  'span',
  'br',
  'ol',
  'ul',
  'li',
  'nav',
  'a',
  'section',
]);

const UDGAVER = [
  ['dagsorden', 'intern', renderDagsorden(ONDT_MOEDE, 'html', 'intern')],
  ['dagsorden', 'offentlig', renderDagsorden(ONDT_MOEDE, 'html', 'offentlig')],
  ['referat', 'intern', renderReferat(ONDT_MOEDE, 'html', 'intern')],
  ['referat', 'offentlig', renderReferat(ONDT_MOEDE, 'html', 'offentlig')],
] as const;

describe.each(UDGAVER)('the HTML %s (%s) with a hostile string in every text field', (_, __, ud) => {
  it('contains no <script', () => {
    expect(ud.toLowerCase()).not.toContain('<script');
  });

  it('contains no unescaped quote, apostrophe or ampersand from user text', () => {
    expect(ud).not.toContain(`"'&`);
  });

  it('shows the string escaped', () => {
    expect(ud).toContain(ESCAPED);
  });

  it('contains only the elements the writer produces', () => {
    const elementer = [...ud.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());

    expect(elementer.filter((element) => !EGNE_ELEMENTER.has(element))).toEqual([]);
  });

  it('has every attribute value from the writer itself', () => {
    const vaerdier = [...ud.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);

    for (const vaerdi of vaerdier)
      expect(vaerdi).toMatch(
        /^(lang=da|charset=utf-8|name=viewport|content=width=device-width, initial-scale=1|class=[a-z]+|value=\d+|href=#punkt-\d+|id=punkt-\d+)$/,
      );
  });
});

describe('Markdown with a hostile string in every text field', () => {
  const ud = renderReferat(ONDT_MOEDE, 'markdown', 'intern');

  it('lets no "<" through unescaped, so no raw HTML', () => {
    expect(ud).not.toMatch(/(^|[^\\])</m);
  });

  it('escapes it as \\<script>', () => {
    expect(ud).toContain('\\<script>alert(1)\\</script> "\'&');
  });
});

describe('plain text', () => {
  it('shows user text as it is', () => {
    expect(renderReferat(ONDT_MOEDE, 'text', 'intern')).toContain(`Mødested ${ONDT}\n`);
  });
});
