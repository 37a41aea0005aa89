/**
 * Danish dates and lists as the referater print them. Intl supplies the names
 * in Danish time, but its own layout ("mandag den 21. november 2016 kl. 16.30")
 * is not the referat's ("Mandag d. 21. november 2016 kl. 16:30"), so the
 * strings are built from its parts.
 */

const TIDSZONE = 'Europe/Copenhagen';

const DELE = new Intl.DateTimeFormat('da-DK', {
  timeZone: TIDSZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const TAL = new Intl.DateTimeFormat('da-DK', {
  timeZone: TIDSZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type Del = 'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute';

function dele(format: Intl.DateTimeFormat, iso: string): Record<Del, string> {
  const tid = new Date(iso);
  if (Number.isNaN(tid.getTime())) throw new RangeError(`"${iso}" is not an ISO 8601 date-time`);
  const ud: Partial<Record<Del, string>> = {};
  for (const { type, value } of format.formatToParts(tid)) {
    if (type === 'weekday' || type === 'day' || type === 'month' || type === 'year' || type === 'hour' || type === 'minute')
      ud[type] = value;
  }
  return ud as Record<Del, string>;
}

/** "Mandag d. 21. november 2016 kl. 16:30". */
export function moedetidspunkt(iso: string): string {
  const { weekday, day, month, year, hour, minute } = dele(DELE, iso);
  return `${weekday.charAt(0).toLocaleUpperCase('da-DK')}${weekday.slice(1)} d. ${day}. ${month} ${year} kl. ${hour}:${minute}`;
}

const KUN_DATO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "21-11-2016"; a bare YYYY-MM-DD is taken as it stands, a timestamp in Danish time. */
export function kortDato(iso: string): string {
  const dato = KUN_DATO.exec(iso);
  if (dato) return `${dato[3]}-${dato[2]}-${dato[1]}`;
  const { day, month, year } = dele(TAL, iso);
  return `${day}-${month}-${year}`;
}

/** "21-11-2016 kl. 16:30"; a bare date has no time to show. */
export function kortTidspunkt(iso: string): string {
  if (KUN_DATO.test(iso)) return kortDato(iso);
  const { day, month, year, hour, minute } = dele(TAL, iso);
  return `${day}-${month}-${year} kl. ${hour}:${minute}`;
}

/** "A", "A og B", "A, B og C". */
export function opremsning(led: readonly string[]): string {
  if (led.length <= 1) return led.join('');
  return `${led.slice(0, -1).join(', ')} og ${led[led.length - 1]}`;
}

/** "Allan Høyer (O)"; a name without a party as it stands. */
export function medParti(navn: string, parti?: string): string {
  return parti ? `${navn} (${parti})` : navn;
}
