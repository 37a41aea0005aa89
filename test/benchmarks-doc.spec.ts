import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSection } from '../bench/docs-section';

describe('writeSection (the benchmarks document)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'sagsgang-docs-'));
  const file = join(folder, 'benchmarks.md');
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('replaces the section with the same heading and keeps the others in place', () => {
    writeFileSync(file, '## API load\n\nold api\n\n## Replay\n\nold replay\n\n## Event store\n\nold store\n');
    writeSection(file, '## Replay\n\nnew replay\n');
    expect(readFileSync(file, 'utf8')).toBe('## API load\n\nold api\n\n## Replay\n\nnew replay\n\n## Event store\n\nold store\n');
    writeSection(file, '## API load\n\nnew api\n');
    writeSection(file, '## Event store\n\nnew store\n');
    expect(readFileSync(file, 'utf8')).toBe('## API load\n\nnew api\n\n## Replay\n\nnew replay\n\n## Event store\n\nnew store\n');
  });

  it('appends a section not there yet, and starts a missing document with it', () => {
    writeSection(file, '## Other\n\nx\n');
    expect(readFileSync(file, 'utf8').endsWith('new store\n\n## Other\n\nx\n')).toBe(true);
    rmSync(file);
    writeSection(file, '## Replay\n\ny\n');
    expect(readFileSync(file, 'utf8')).toBe('## Replay\n\ny\n');
  });
});
