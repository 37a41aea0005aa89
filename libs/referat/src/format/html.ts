import { assertNever } from '@sagsgang/kernel';
import { Blok } from '../blokke';

const CSS = `@page { size: A4; margin: 2.5cm 2cm 2.5cm 2.5cm; }
html { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 44em; padding: 1.5em; }
h1 { font-size: 17pt; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1.4em 0 0.6em; }
h3 { font-size: 11.5pt; margin: 1.2em 0 0.3em; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p, li { orphans: 3; widows: 3; }
.felt { margin: 0.2em 0; }
.etiket { font-weight: bold; display: inline-block; min-width: 9em; }
section.punkt { break-before: page; page-break-before: always; }
nav.indhold a { color: inherit; text-decoration: none; }
@media print { body { max-width: none; padding: 0; } }`;

/** A complete, print-ready HTML document; every text goes through `escapeHtml`. */
export function somHtml(blokke: readonly Blok[]): string {
  const titel = blokke.find((b) => b.art === 'titel');
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${titel?.art === 'titel' ? escapeHtml(titel.tekst) : ''}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...blokke.map(blok),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function blok(b: Blok): string {
  switch (b.art) {
    case 'titel':
      return `<h1>${escapeHtml(b.tekst)}</h1>`;
    case 'overskrift':
      return `<h${b.niveau}>${escapeHtml(b.tekst)}</h${b.niveau}>`;
    case 'felt':
      return `<p class="felt"><span class="etiket">${escapeHtml(b.etiket)}</span> ${escapeHtml(b.vaerdi)}</p>`;
    case 'afsnit':
      return `<p>${b.linjer.map(escapeHtml).join('<br>\n')}</p>`;
    case 'liste':
      return liste(b.punkter);
    case 'indhold':
      return `<nav class="indhold">\n<ol>\n${b.punkter
        .map(
          ({ nr, tekst }) =>
            `<li value="${escapeHtml(String(nr))}"><a href="#punkt-${escapeHtml(String(nr))}">${escapeHtml(tekst)}</a></li>`,
        )
        .join('\n')}\n</ol>\n</nav>`;
    case 'punkt':
      return [
        `<section class="punkt" id="punkt-${escapeHtml(String(b.nr))}">`,
        `<h2>${escapeHtml(b.overskrift)}</h2>`,
        ...b.blokke.map(blok),
        '</section>',
      ].join('\n');
    default:
      return assertNever(b);
  }
}

function liste(punkter: { nr?: number; tekst: string }[]): string {
  const nummereret = punkter.some(({ nr }) => nr !== undefined);
  const punktlinjer = punkter.map(({ nr, tekst }) =>
    nr === undefined ? `<li>${escapeHtml(tekst)}</li>` : `<li value="${escapeHtml(String(nr))}">${escapeHtml(tekst)}</li>`,
  );
  const tag = nummereret ? 'ol' : 'ul';
  return `<${tag}>\n${punktlinjer.join('\n')}\n</${tag}>`;
}

const ENTITETER: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(tekst: string): string {
  return tekst.replace(/[&<>"']/g, (tegn) => ENTITETER[tegn]);
}
