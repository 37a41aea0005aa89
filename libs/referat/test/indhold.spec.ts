import { renderDagsorden, renderReferat } from '@sagsgang/referat';
import { aabentPunkt, eksempelMoede, lukketPunkt } from './eksempel';
import { expectInOrder, FORMATER, punktudsnit } from './support';

describe('the dagsorden', () => {
  it.each(FORMATER.map((f) => [f.format, f] as const))('har ingen beslutning in %s', (format, { laes }) => {
    const ud = laes(renderDagsorden(eksempelMoede(), format, 'intern'));

    for (const tekst of [
      'Beslutning',
      'Udvalget bad om en særskilt opfølgning',
      'Taget til efterretning',
      'stemte',
      'inhabil',
      'Protokoltilførsel',
      'deltog ikke',
    ]) {
      expect(ud).not.toContain(tekst);
    }
  });

  it('has the indstilling with its numbered at-clauses', () => {
    const ud = renderDagsorden(eksempelMoede(), 'text', 'intern');

    expect(ud).toContain('Indstilling\n\nDirektøren for Økonomi indstiller,\n\n1. at budgetopfølgningen tages til efterretning\n');
  });

  it('names those who sent afbud, not those merely absent', () => {
    const doc = eksempelMoede({
      fravaerende: [
        { navn: 'Karin Bech', parti: 'C', art: 'afbud' },
        { navn: 'Rasmus Krogh', parti: 'F', art: 'fravaer' },
      ],
    });

    const ud = renderDagsorden(doc, 'text', 'intern');

    expect(ud).toContain('\nAfbud Karin Bech (C)\n');
    expect(ud).toContain('Mødedeltagere Mette Lund (A), Peter Friis (V), Rasmus Krogh (F), Jens Holm');
  });
});

describe('the referat header', () => {
  const doc = eksempelMoede({
    fravaerende: [
      { navn: 'Karin Bech', parti: 'C', art: 'afbud' },
      { navn: 'Rasmus Krogh', parti: 'F', art: 'fravaer' },
    ],
  });

  it('lists members present, other participants and the sekretær', () => {
    expect(renderReferat(doc, 'text', 'intern')).toContain(
      '\nMødedeltagere Mette Lund (A), Peter Friis (V), Jens Holm (kommunaldirektør), Anne Dahl (sekretær)\n',
    );
  });

  it('lists the absent, marking afbud', () => {
    expect(renderReferat(doc, 'text', 'intern')).toContain('\nFraværende Karin Bech (C, afbud) og Rasmus Krogh (F)\n');
  });

  it('repeats the absence after each beslutning', () => {
    const ud = renderReferat(doc, 'text', 'intern');

    for (const nr of [1, 2]) expect(punktudsnit(ud, nr)).toContain('Karin Bech (C) og Rasmus Krogh (F) deltog ikke i mødet.');
  });
});

describe('a beslutning in the referat', () => {
  const ud = renderReferat(eksempelMoede(), 'text', 'intern');

  it('is headed with the udvalg and date, and opens with the udfald label', () => {
    expect(punktudsnit(ud, 1)).toContain(
      'Beslutning Økonomiudvalget den 03-02-2025\n\nTaget til efterretning.\n\nUdvalget bad om en særskilt opfølgning på ældreområdet.\n',
    );
  });

  it('does not repeat the label when the text opens with it', () => {
    const doc = eksempelMoede({
      punkter: [
        aabentPunkt({
          beslutning: {
            udvalg: 'Økonomiudvalget',
            moedeDato: '2025-02-03',
            udfaldTekst: 'Godkendt',
            beslutningstekst: 'Godkendt med de faldne kommentarer.',
          },
        }),
      ],
    });

    expect(renderReferat(doc, 'text', 'intern')).toContain(
      'Beslutning Økonomiudvalget den 03-02-2025\n\nGodkendt med de faldne kommentarer.\n',
    );
  });

  it('records the vote by name', () => {
    expect(punktudsnit(ud, 2)).toContain('For stemte: Peter Friis (V).\nImod stemte: Mette Lund (A).\nUndlod at stemme: Karin Bech (C).');
  });

  it('notes who was absent for the punkt', () => {
    expect(punktudsnit(ud, 1)).toContain('Karin Bech (C, afbud) deltog ikke i behandlingen af punktet.');
  });

  it('notes an inhabilitet with its reason', () => {
    expect(punktudsnit(ud, 2)).toContain(
      'Rasmus Krogh (F) erklærede sig inhabil og deltog ikke i behandlingen af punktet. Begrundelse: er i familie med direktøren for Byggefirma Holm ApS',
    );
  });

  it('records a protokoltilførsel after the decision', () => {
    expectInOrder(punktudsnit(ud, 2), [
      'Økonomiudvalget afviste buddet',
      'Protokoltilførsel fra Mette Lund (A):\n\nMette Lund ønsker ført til protokol, at grunden burde udbydes offentligt.',
      'Bilag',
    ]);
  });

  it('notes members who left after the punkt', () => {
    const doc = eksempelMoede({ punkter: [aabentPunkt({ afgange: ['Peter Friis', 'Mette Lund'] })] });

    expect(renderReferat(doc, 'text', 'intern')).toMatch(
      /Budgetopfølgning Q4\n\nPeter Friis \(V\) og Mette Lund \(A\) forlod mødet efter punkt 1\.\n$/,
    );
  });

  it('stands after the sagsfremstilling by default', () => {
    expectInOrder(punktudsnit(ud, 1), ['Indstilling', 'Sagsfremstilling', 'Beslutning', 'Bilag']);
  });

  it('stands right after the indstilling when the layout says so', () => {
    const tidlig = renderReferat(eksempelMoede({ beslutningPlacering: 'efter_indstilling' }), 'text', 'intern');

    expectInOrder(punktudsnit(tidlig, 1), ['Indstilling', 'Beslutning', 'Sagsfremstilling', 'Bilag']);
  });
});

describe('marked punkter', () => {
  const doc = eksempelMoede({
    punkter: [
      aabentPunkt(),
      aabentPunkt({ nr: 2, titel: 'Ny vejbelysning', supplerende: true }),
      aabentPunkt({ nr: 3, titel: 'Kunstgræsbane', trukket: true }),
    ],
  });

  it.each(FORMATER.map((f) => [f.format, f] as const))(
    'show supplerende and trukket in the heading and contents (%s)',
    (format, { laes }) => {
      const ud = laes(renderReferat(doc, format, 'intern'));

      expectInOrder(ud, [
        'Ny vejbelysning (supplerende)',
        'Kunstgræsbane (trukket)',
        'Punkt 2: Ny vejbelysning (supplerende)',
        'Punkt 3: Kunstgræsbane (trukket)',
        'Punktet er trukket.',
      ]);
    },
  );

  it('show a trukket punkt with its number and nothing else', () => {
    expect(punktudsnit(renderReferat(doc, 'text', 'intern'), 3)).toBe(
      'Punkt 3: Kunstgræsbane (trukket)\n\n25/1001\n\nPunktet er trukket.\n',
    );
  });

  it('keep a trukket lukket punkt’s title from the public', () => {
    const ud = renderReferat(eksempelMoede({ punkter: [lukketPunkt({ trukket: true })] }), 'text', 'offentlig');

    expect(punktudsnit(ud, 2)).toBe('Punkt 2: Lukket punkt (trukket)\n\nPunktet er trukket.\n');
  });
});

describe('the punkter', () => {
  it('come in the order of their numbers', () => {
    const ud = renderReferat(eksempelMoede({ punkter: [lukketPunkt(), aabentPunkt()] }), 'text', 'intern');

    expectInOrder(ud, ['Punkt 1:', 'Punkt 2:']);
  });

  it('must have a whole number ≥ 1', () => {
    expect(() => renderReferat(eksempelMoede({ punkter: [aabentPunkt({ nr: 1.5 })] }), 'text', 'intern')).toThrow(RangeError);
  });
});

describe('expectInOrder', () => {
  it('fails when the strings come in another order', () => {
    expect(() => expectInOrder('a b c', ['b', 'a'])).toThrow('before the previous string');
  });

  it('fails when a string is missing', () => {
    expect(() => expectInOrder('a b c', ['a', 'd'])).toThrow('"d"');
  });
});
