import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** pdftotext (Debian poppler-utils), which `scripts/debian-packages.sh` installs where it can. */
export const PDFTOTEXT = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/** `describe`, or on a machine without pdftotext a skipped one and a plain line saying so. */
export function describeMedPdftotext(name: string, body: () => void): void {
  if (PDFTOTEXT) return describe(name, body);
  process.stdout.write(`skipped: ${name} — no pdftotext on PATH (Debian poppler-utils; run scripts/debian-packages.sh as root)\n`);
  describe(name, () => it.skip('needs pdftotext', () => undefined));
}

/** What pdfinfo says of the PDF: "Title", "Author", "CreationDate", "Tagged", "Pages", … */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  return Object.fromEntries(
    poppler('pdfinfo', ['-isodates'], pdf)
      .split('\n')
      .map((linje) => /^([^:]+):\s*(.*)$/.exec(linje))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

/**
 * The text of the whole PDF, or of page `side` only (pdftotext -f N -l N):
 * in the order it was drawn (-raw, which also keeps a hyphen that ends a
 * line, where the default mode would take it for a split word), or as laid out.
 */
export function pdfTekst(pdf: Buffer, side?: number, mode: 'raw' | 'layout' = 'raw'): string {
  const sider = side === undefined ? [] : ['-f', String(side), '-l', String(side)];
  return poppler('pdftotext', ['-enc', 'UTF-8', `-${mode}`, ...sider], pdf, '-');
}

function poppler(program: string, args: string[], pdf: Buffer, ...efter: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'sagsgang-pdf-'));
  try {
    const fil = join(folder, 'dokument.pdf');
    writeFileSync(fil, pdf);
    const result = spawnSync(program, [...args, fil, ...efter], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A page's text without its header and footer lines, lines joined by single spaces: text that wraps or breaks over pages compares as one. */
export function loebendeTekst(sideTekst: string, sidelinjer: (linje: string) => boolean): string {
  return sideTekst
    .split('\n')
    .map((linje) => linje.trim())
    .filter((linje) => linje !== '' && !sidelinjer(linje))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Every page's running text, pages joined: pdftotext separates pages by form feeds. */
export function helePdfTekst(pdf: Buffer, sidelinjer: (linje: string) => boolean): string {
  return pdfTekst(pdf)
    .split('\f')
    .map((side) => loebendeTekst(side, sidelinjer))
    .filter((side) => side !== '')
    .join(' ');
}

/** The table of contents on page 1 as laid out: "3. Title … 7" → punkt 3 on page 7. */
export function indholdssider(pdf: Buffer): Map<number, { titel: string; side: number }> {
  const sider = new Map<number, { titel: string; side: number }>();
  for (const linje of pdfTekst(pdf, 1, 'layout').split('\n')) {
    const match = /^(\d+)\. (.*\S)\s+(\d+)$/.exec(linje.trim());
    if (match) sider.set(Number(match[1]), { titel: match[2].trim(), side: Number(match[3]) });
  }
  return sider;
}

/** The first line of a page's content, below its header. */
export function foersteLinje(sideTekst: string, sidelinjer: (linje: string) => boolean): string {
  return (
    sideTekst
      .split('\n')
      .map((linje) => linje.trim())
      .find((linje) => linje !== '' && !sidelinjer(linje)) ?? ''
  );
}
