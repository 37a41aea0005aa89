import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Puts a benchmark's section ("## Heading" and what follows, up to the next
 * "## ") into the benchmarks document: in place of the section with the same
 * heading, or at the end; every other section stays as it is.
 */
export function writeSection(file: string, section: string): void {
  const heading = section.slice(0, section.indexOf('\n') + 1);
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  let start = existing.startsWith(heading) ? 0 : existing.indexOf(`\n${heading}`);
  if (start < 0) {
    writeFileSync(file, existing.trim() ? `${existing.trimEnd()}\n\n${section}` : section);
    return;
  }
  if (start > 0) start += 1;
  const next = existing.indexOf('\n## ', start + 1);
  const rest = next < 0 ? '' : existing.slice(next + 1);
  writeFileSync(file, existing.slice(0, start) + section + (rest ? `\n${rest}` : ''));
}
