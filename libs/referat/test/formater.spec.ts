import { renderDagsorden, renderReferat } from '@sagsgang/referat';
import { aabentPunkt, eksempelMoede } from './eksempel';

const LANG_TEKST = 'Første afsnit.\n\nAndet afsnit\nmed linjeskift.\n\n- et punkt\n- to punkter\n\nSidste afsnit.';

describe('a long text with paragraphs, a line break and bullets', () => {
  const doc = eksempelMoede({ punkter: [aabentPunkt({ sagsfremstilling: LANG_TEKST })] });

  it('keeps them in text', () => {
    expect(renderReferat(doc, 'text', 'intern')).toContain(`Sagsfremstilling\n\n${LANG_TEKST}\n\n`);
  });

  it('keeps them in Markdown', () => {
    expect(renderReferat(doc, 'markdown', 'intern')).toContain(
      '### Sagsfremstilling\n\nFørste afsnit.\n\nAndet afsnit  \nmed linjeskift.\n\n- et punkt\n- to punkter\n\nSidste afsnit.\n\n',
    );
  });

  it('keeps them in HTML as <p>, <br> and <ul><li>', () => {
    expect(renderReferat(doc, 'html', 'intern')).toContain(
      '<h3>Sagsfremstilling</h3>\n<p>Første afsnit.</p>\n<p>Andet afsnit<br>\nmed linjeskift.</p>\n<ul>\n<li>et punkt</li>\n<li>to punkter</li>\n</ul>\n<p>Sidste afsnit.</p>\n',
    );
  });
});

describe('the HTML document', () => {
  const ud = renderReferat(eksempelMoede(), 'html', 'intern');

  it('is complete, Danish and UTF-8', () => {
    expect(ud.startsWith('<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(ud.trimEnd().endsWith('</body>\n</html>')).toBe(true);
    expect(ud).toContain('<title>REFERAT Økonomiudvalget d. 03-02-2025</title>');
  });

  it('has a print stylesheet with page margins and a page break before each punkt', () => {
    expect(ud).toMatch(/@page \{[^}]*margin:/);
    expect(ud).toMatch(/section\.punkt \{[^}]*page-break-before: always/);
    expect(ud.match(/<section class="punkt" id="punkt-\d+">/g)).toHaveLength(2);
  });

  it('heads the document, the contents and each punkt', () => {
    expect(ud).toContain('<h1>REFERAT Økonomiudvalget d. 03-02-2025</h1>');
    expect(ud).toContain('<h2>Indholdsfortegnelse</h2>');
    expect(ud).toContain('<h2>Punkt 1: Budgetopfølgning pr. 31. december</h2>');
    expect(ud).toContain('<h3>Indstilling</h3>');
  });

  it('links the contents to the punkter', () => {
    expect(ud).toContain('<li value="1"><a href="#punkt-1">Budgetopfølgning pr. 31. december</a></li>');
  });

  it('numbers the at-clauses in an ordered list', () => {
    expect(ud).toContain('<ol>\n<li value="1">at budgetopfølgningen tages til efterretning</li>\n</ol>');
  });
});

describe('the Markdown document', () => {
  const doc = eksempelMoede({
    punkter: [
      aabentPunkt({
        indstilling: {
          indstiller: 'Direktøren for Økonomi indstiller,',
          atPunkter: ['at budgettet godkendes', 'at *alle* midler frigives'],
        },
        anledning:
          '# Ikke en overskrift\n> ikke et citat\n1. ikke en liste\n+ intet punkt\n---\n=== \n|a|b|\n    ikke kode\n[ikke](et link) <b>ikke fed</b> _heller_ `ikke`',
      }),
    ],
  });
  const ud = renderReferat(doc, 'markdown', 'intern');
  const linjer = ud.split('\n');

  it('has headings only where the document has them', () => {
    expect(linjer.filter((linje) => /^#{1,6}\s/.test(linje))).toEqual([
      '# REFERAT Økonomiudvalget d. 03-02-2025',
      '## Indholdsfortegnelse',
      '## Punkt 1: Budgetopfølgning pr. 31. december',
      '### Anledning',
      '### Indstilling',
      '### Sagsfremstilling',
      '### Beslutning Økonomiudvalget den 03-02-2025',
      '### Bilag',
    ]);
  });

  it('numbers the at-clauses', () => {
    expect(ud).toContain('Direktøren for Økonomi indstiller,\n\n1. at budgettet godkendes\n2. at \\*alle\\* midler frigives\n');
  });

  it('labels the header fields in bold', () => {
    expect(ud).toContain('**Mødedato** Mandag d. 3. februar 2025 kl. 17:00\n');
  });

  it('escapes what would start a heading, quote, list, rule, table or code block', () => {
    expect(ud).toContain(
      '\\# Ikke en overskrift  \n\\> ikke et citat  \n1\\. ikke en liste  \n\\+ intet punkt  \n\\---  \n\\===  \n\\|a|b|  \nikke kode',
    );
  });

  it('escapes inline markup and raw HTML', () => {
    expect(ud).toContain('\\[ikke\\](et link) \\<b>ikke fed\\</b> \\_heller\\_ \\`ikke\\`');
  });

  it('has lists only where the document has them', () => {
    expect(linjer.filter((linje) => /^(\d+[.)]|[-+*])\s/.test(linje))).toEqual([
      '1. Budgetopfølgning pr. 31. december',
      '1. at budgettet godkendes',
      '2. at \\*alle\\* midler frigives',
    ]);
  });
});

describe('the text document', () => {
  it('separates blocks by one blank line and ends with a newline', () => {
    const ud = renderDagsorden(eksempelMoede(), 'text', 'intern');

    expect(ud).not.toMatch(/\n{3,}/);
    expect(ud.endsWith('\n') && !ud.endsWith('\n\n')).toBe(true);
  });
});
