import { GodkendReferat, OffentliggoerReferat } from '../commands';
import { MoedeEvent, ReferatOffentliggjort } from '../events';
import { MoedeIn } from '../state';
import { refuse, validate } from '@sagsgang/kernel';
import { sha256Check } from '../validation';
import { medlemCheck } from './faelles';

/**
 * Each member present approves the referat. All must approve the same text,
 * so each approval names the digest of the text it approves; the last approval
 * freezes the referat under that digest.
 */
export function godkendReferat({ data, metadata }: GodkendReferat, moede: MoedeIn<'haevet'>): MoedeEvent[] {
  validate(medlemCheck('medlem', moede, data.medlem), sha256Check('referatSha256', data.referatSha256));
  const { moedeId, medlem } = data;
  const referatSha256 = data.referatSha256.toLowerCase();
  if (!moede.underskrivere.includes(medlem)) refuse('medlem', `${medlem} var ikke til stede ved mødet og godkender ikke referatet`);
  if (moede.underskrifter.some((underskrift) => underskrift.medlem === medlem))
    refuse('medlem', `${medlem} har allerede godkendt referatet`);
  const foerste = moede.underskrifter[0];
  if (foerste && foerste.referatSha256 !== referatSha256) {
    refuse(
      'referatSha256',
      `afviger fra det referat, ${foerste.medlem} godkendte (${foerste.referatSha256}); alle medlemmer skal godkende samme tekst`,
    );
  }
  const tidspunkt = metadata.now;
  const events: MoedeEvent[] = [{ type: 'ReferatUnderskrevet', data: { moedeId, medlem, referatSha256, tidspunkt } }];
  const mangler = moede.underskrivere.filter((navn) => navn !== medlem && !moede.underskrifter.some((u) => u.medlem === navn));
  if (mangler.length === 0) {
    events.push({ type: 'ReferatGodkendt', data: { moedeId, referatSha256, underskrivere: [...moede.underskrivere], tidspunkt } });
  }
  return events;
}

export function offentliggoerReferat({ data, metadata }: OffentliggoerReferat): ReferatOffentliggjort[] {
  return [{ type: 'ReferatOffentliggjort', data: { moedeId: data.moedeId, tidspunkt: metadata.now } }];
}
