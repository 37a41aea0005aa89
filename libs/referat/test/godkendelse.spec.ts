import { referatSha256, referatTilGodkendelse, renderReferat } from '@sagsgang/referat';
import { eksempelMoede } from './eksempel';

describe('referatSha256', () => {
  it('is the sha256 hex of the text', () => {
    expect(referatSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes the UTF-8 bytes', () => {
    expect(referatSha256('æøå')).toBe('6c228cdba89548a1af198f33819536422fb01b66e51f761cf2ec38d1fb4178a6');
  });
});

describe('an approved referat', () => {
  const udkast = eksempelMoede();
  const sha = referatSha256(referatTilGodkendelse(udkast));
  const godkendt = {
    ...udkast,
    godkendt: { tidspunkt: '2025-02-04T09:15:00+01:00', underskrivere: ['Mette Lund', 'Peter Friis'] },
    referatSha256: sha,
  };

  it('was approved as the internal plain text without the approval', () => {
    expect(referatTilGodkendelse(godkendt)).toBe(renderReferat(udkast, 'text', 'intern'));
  });

  it('hashes the same before and after the approval is recorded', () => {
    expect(referatSha256(referatTilGodkendelse(godkendt))).toBe(sha);
  });

  it('ends with who approved it and when, and the hash', () => {
    expect(renderReferat(godkendt, 'text', 'intern')).toMatch(
      new RegExp(
        `\nGodkendelse\n\nReferatet er godkendt 04-02-2025 kl\\. 09:15 af Mette Lund og Peter Friis\\.\n\nSHA-256 af det godkendte referat: ${sha}\n$`,
      ),
    );
  });

  it('shows the public who approved it, but not the hash of the internal text', () => {
    const ud = renderReferat(godkendt, 'text', 'offentlig');

    expect(ud).toContain('Referatet er godkendt 04-02-2025 kl. 09:15 af Mette Lund og Peter Friis.');
    expect(ud).not.toContain(sha);
  });
});
