import { renderDagsorden, renderReferat } from '@sagsgang/referat';
import { eksempelMoede, LUKKET, lukketPunkt, MEDLEMMER } from './eksempel';
import { FORMATER, punktudsnit } from './support';

/** The lukket punkt's texts on the dagsorden, as given and split into paragraphs and bullets. */
const SAGENS_TEKSTER = [
  LUKKET.titel,
  LUKKET.sagsnummer,
  LUKKET.journalnummer,
  LUKKET.anledning,
  LUKKET.indstiller,
  ...LUKKET.at,
  'Buddet ligger over vurderingen fra ejendomsmægleren.',
  'vurdering 3,9 mio. kr.',
  'købers forbehold om jordbundsundersøgelse',
  LUKKET.bilag,
];

/** What the referat adds for it. */
const MOEDETS_TEKSTER = [LUKKET.beslutning, LUKKET.udfaldTekst, LUKKET.inhabilBegrundelse, LUKKET.protokol];

const RENDERINGER = [
  ['dagsorden', renderDagsorden],
  ['referat', renderReferat],
] as const;

describe.each(RENDERINGER)('the public %s of a meeting with a lukket punkt', (_, render) => {
  describe.each(FORMATER.map((f) => [f.format, f] as const))('as %s', (format, { vis, laes }) => {
    it('contains none of the lukket punkt’s texts', () => {
      const ud = laes(render(eksempelMoede(), format, 'offentlig'));

      for (const tekst of [...SAGENS_TEKSTER, ...MOEDETS_TEKSTER]) expect(ud).not.toContain(vis(tekst));
    });

    it('names no member, vote, inhabilitet or protokoltilførsel within the lukket punkt', () => {
      const punkt2 = punktudsnit(laes(render(eksempelMoede(), format, 'offentlig')), 2);

      for (const tekst of [...MEDLEMMER.map(({ navn }) => navn), 'stemte', 'inhabil', 'Protokoltilførsel'])
        expect(punkt2).not.toContain(tekst);
    });

    it('shows the punkt by its number and "Lukket punkt"', () => {
      const ud = laes(render(eksempelMoede(), format, 'offentlig'));

      expect(ud).toContain('Punkt 2: Lukket punkt');
    });

    it('shows the open punkt in full', () => {
      const ud = laes(render(eksempelMoede(), format, 'offentlig'));

      for (const tekst of [
        'Budgetopfølgning pr. 31. december',
        '25/1001',
        'Kvartalsvis opfølgning på budgettet.',
        'at budgetopfølgningen tages til efterretning',
      ]) {
        expect(ud).toContain(vis(tekst));
      }
    });

    it('is not what the internal version shows, which has every one of those texts', () => {
      const ud = laes(render(eksempelMoede(), format, 'intern'));

      const forventet = render === renderReferat ? [...SAGENS_TEKSTER, ...MOEDETS_TEKSTER] : SAGENS_TEKSTER;
      for (const tekst of forventet) expect(ud).toContain(vis(tekst));
    });
  });
});

describe('the public referat of a lukket punkt', () => {
  it.each(FORMATER.map((f) => [f.format, f] as const))('states in %s that a decision was taken, and when', (format, { laes }) => {
    const punkt2 = punktudsnit(laes(renderReferat(eksempelMoede(), format, 'offentlig')), 2);

    expect(punkt2).toContain('Beslutning Økonomiudvalget den 03-02-2025');
    expect(punkt2).toContain('Der er truffet beslutning i sagen.');
  });

  it('uses the neutral title the sekretær gave', () => {
    const doc = eksempelMoede({ punkter: [lukketPunkt({ neutralTitel: 'Salg af kommunal ejendom' })] });

    expect(renderReferat(doc, 'text', 'offentlig')).toContain('Punkt 2: Salg af kommunal ejendom\n');
  });

  it('lists the neutral title in the Indholdsfortegnelse too', () => {
    const ud = renderReferat(eksempelMoede(), 'text', 'offentlig');

    expect(ud).toContain('Indholdsfortegnelse\n\n1. Budgetopfølgning pr. 31. december\n2. Lukket punkt\n');
  });

  it('marks the punkt lukket in the internal version', () => {
    expect(renderReferat(eksempelMoede(), 'text', 'intern')).toContain(`Punkt 2: ${LUKKET.titel} (lukket)\n`);
  });
});

describe('the public dagsorden of a lukket punkt', () => {
  it('states no decision, none having been taken yet', () => {
    const ud = renderDagsorden(eksempelMoede(), 'text', 'offentlig');

    expect(ud).not.toContain('Der er truffet beslutning');
    expect(punktudsnit(ud, 2).trim()).toBe('Punkt 2: Lukket punkt');
  });
});
