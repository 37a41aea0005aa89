import { kortDato, moedetidspunkt } from '@sagsgang/referat';
import type { MoedeResume } from '../api/types';

export { kortDato, moedetidspunkt };

const STATUS: Readonly<Record<MoedeResume['status'], string>> = {
  ny: 'Ny',
  planlagt: 'Planlagt',
  dagsorden_udsendt: 'Dagsorden udsendt',
  i_gang: 'I gang',
  haevet: 'Afholdt',
  referat_godkendt: 'Afholdt, referatet godkendt',
  offentliggjort: 'Referat offentliggjort',
  aflyst: 'Aflyst',
};

export function statusTekst(status: MoedeResume['status']): string {
  return STATUS[status];
}

/** "1,2 MB": a file's size as a Dane reads it. */
export function stoerrelse(bytes: number): string {
  const [vaerdi, enhed] = bytes < 1024 ? [bytes, 'B'] : bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
  return `${new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(vaerdi)} ${enhed}`;
}

/** "PDF" from "application/pdf": the kind of file, for the download link. */
export function filtype(medietype: string, filnavn: string): string {
  const endelse = /\.([a-z0-9]{1,5})$/i.exec(filnavn)?.[1];
  return (endelse ?? medietype.split('/')[1] ?? medietype).toUpperCase();
}
