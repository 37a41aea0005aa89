import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The pure domain: what decides and what it decides on. */
const PURE = ['libs/kernel/src', 'libs/sag/src', 'libs/moede/src'];
const ROOT = join(__dirname, '..');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const files = PURE.flatMap((folder) => sources(join(ROOT, folder))).map((path) => ({
  file: relative(ROOT, path),
  // Comments may name what the code must not use.
  code: readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
}));

describe('the pure domain (libs/kernel, libs/sag, libs/moede)', () => {
  it('is found', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('imports only other @sagsgang packages and its own files', () => {
    const imports = files.flatMap(({ file, code }) =>
      [...code.matchAll(/\bfrom\s+'([^']+)'|\brequire\('([^']+)'\)|\bimport\('([^']+)'\)/g)].map((match) => ({
        file,
        module: match[1] ?? match[2] ?? match[3],
      })),
    );
    const foreign = imports.filter(({ module }) => !module.startsWith('.') && !/^@sagsgang\/(kernel|sag|moede)(\/|$)/.test(module));
    expect(foreign.map(({ file, module }) => `${file}: ${module}`)).toEqual([]);
  });

  it('reads no clock, draws no random numbers and touches no I/O', () => {
    const impure =
      /\bDate\.now\(|\bnew Date\(|\bMath\.random\(|\bcrypto\b|\bprocess\.|\brequire\(|\bfetch\(|\bsetTimeout\(|\bsetInterval\(/;
    const offenders = files.flatMap(({ file, code }) =>
      code.split('\n').flatMap((line, index) => (impure.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
