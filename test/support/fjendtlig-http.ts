import fc from 'fast-check';
import { Forespoergsel, kompakt, ugyldigId } from './fjendtlig';

/**
 * Hostile reads (query values, path parameters, headers) and hostile raw
 * HTTP for the fuzz tests. A read may succeed or be refused; it must never
 * be a 5xx, append anything (the fuzz fixtures have no lukket punkt, so no
 * read is recorded) or take the API down.
 */
export interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: { type?: string; enum?: string[]; example?: unknown; format?: string };
}

export interface Laeserute {
  route: string;
  parameters: OpenApiParameter[];
}

/** Already percent-encoded: garbage escapes, encoded surrogates, NUL. */
class Kodet {
  constructor(readonly text: string) {}
}

const tal = fc.oneof(
  fc.integer({ min: 0, max: 50 }).map(String),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  fc.constantFrom(
    '1e308',
    '-1e308',
    '1e-400',
    '9007199254740993',
    '99999999999999999999',
    '1.5',
    '-0',
    'NaN',
    'Infinity',
    '0x10',
    '0b1',
    '',
    ' ',
    '1 ',
    '+1',
    '1,2',
  ),
  fc.double().map(String),
);
const tidspunkt = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString()),
  fc.constantFrom(
    '2019-12-16T17:00:00+01:00',
    '2019-12-16',
    '2019-12-16T17:00',
    '2019-02-30T00:00:00Z',
    '2019-12-16T25:00:00Z',
    '0000-00-00T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    'nu',
    '1576512000',
  ),
);
const tekst = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom("'; DROP TABLE sager; --", '%', '_', '%_%', '\\', '"', '<script>', '../../etc/passwd', 'sag-', 'moede-', '$all', '*'),
  fc.integer({ min: 1000, max: 6000 }).map((n) => 'q'.repeat(n)),
);
const kodet = fc
  .constantFrom('%', '%zz', '%ED%A0%80', '%FF%FE', '%00', '%C0%AF', '%E2%80%AE', '%0D%0ASet-Cookie:x=1', '%25%32%65')
  .map((text) => new Kodet(text));

function vaerdi(parameter: OpenApiParameter, kendt: string | undefined): fc.Arbitrary<string | Kodet> {
  const { enum: valg, example, type } = parameter.schema ?? {};
  const gyldige = [...(valg ?? []), ...(example !== undefined ? [String(example)] : []), ...(kendt !== undefined ? [kendt] : [])];
  return fc.oneof(
    // Valid values half the time or so, so a read with several parameters still reaches the data now and then.
    ...(gyldige.length > 0 ? [{ weight: 5, arbitrary: fc.constantFrom(...gyldige) }] : []),
    tal,
    tekst,
    kodet,
    ...(type === 'string' ? [tidspunkt] : []),
    fc.uuid(),
  );
}

const fremmedeNavne = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '__proto__[polluted]',
    'constructor[prototype][polluted]',
    'a[b]',
    'x[]',
    'toString',
    'limit[]',
    '',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const enc = (value: string | Kodet) => (value instanceof Kodet ? value.text : encodeURIComponent(value));

/** Would this minPosition make the query wait 5 s for a position the log has not reached (a deliberate 503)? */
function venter(value: string | Kodet, head: number): boolean {
  if (value instanceof Kodet) return false;
  const n = Number(value);
  return Number.isInteger(n) && n > head;
}

/**
 * A GET with hostile query values and now and then a hostile path parameter
 * or header, as one of `principals`; `stier` gives path parameters (and
 * query parameters naming one, such as moedeId) their real value from a
 * fixture, so reads reach real data.
 */
export function fjendtligLaesning(
  rute: Laeserute,
  stier: Record<string, string>,
  principals: fc.Arbitrary<[string, Record<string, string>]>,
  head: number,
): fc.Arbitrary<Forespoergsel> {
  const query = rute.parameters.filter((p) => p.in === 'query');
  const path = rute.parameters.filter((p) => p.in === 'path');
  // A required parameter is always there (its value may still be hostile); a repeated one (?a=1&a=2) now and then.
  const valgfri = query.filter((p) => !p.required);
  const kendte = fc
    .subarray(valgfri)
    .chain((valgte) =>
      fc.tuple(
        ...[...query.filter((p) => p.required), ...valgte].map((p) =>
          fc
            .oneof(
              { weight: 5, arbitrary: fc.tuple(vaerdi(p, stier[p.name])) },
              fc.tuple(vaerdi(p, stier[p.name]), vaerdi(p, stier[p.name])),
            )
            .map((values) => [p.name, values] as [string, (string | Kodet)[]]),
        ),
      ),
    );
  const ukendte = fc.array(fc.tuple(fremmedeNavne, fc.oneof(tekst, kodet)), { maxLength: 2 });
  const stiVaerdier = fc.tuple(
    ...path.map((p) =>
      fc
        .oneof({ weight: 4, arbitrary: fc.constant(stier[p.name]) }, { weight: 1, arbitrary: ugyldigId })
        .map((v) => [p.name, v] as [string, string]),
    ),
  );
  const headers = fc.option(
    fc.oneof(
      fc
        .constantFrom(
          'text/html',
          'text/markdown',
          'application/json',
          '*/*',
          'image/png',
          'text/*;q=0',
          '',
          'text/plain;q=abc',
          'x'.repeat(4000),
        )
        .map((v) => ({ Accept: v })),
      fc.string({ maxLength: 30, unit: fc.constantFrom('a', ' ', '!', 'ø', '"') }).map((v) => ({ 'X-Correlation-Id': v })),
    ),
    { freq: 3 },
  );
  return fc
    .record({ principal: principals, kendte, ukendte, stiVaerdier, headers })
    .filter(({ kendte: k }) => !k.some(([navn, values]) => navn === 'minPosition' && values.length === 1 && venter(values[0], head)))
    .map(({ principal: [hvem, auth], kendte: k, ukendte: u, stiVaerdier: s, headers: h }) => {
      const sti = s.reduce((url, [navn, v]) => url.replace(`{${navn}}`, encodeURIComponent(v)), rute.route.split(' ')[1]);
      const par = [
        ...k.flatMap(([navn, values]) => values.map((v) => `${encodeURIComponent(navn)}=${enc(v)}`)),
        ...u.map(([navn, v]) => `${encodeURIComponent(navn)}=${enc(v)}`),
      ];
      return kompakt({
        method: 'GET',
        path: par.length > 0 ? `${sti}?${par.join('&')}` : sti,
        headers: { ...auth, ...(h ?? {}) },
        hvad: [`as ${hvem}`, ...(h ? [`header ${JSON.stringify(h).slice(0, 60)}`] : [])],
      });
    });
}

/** Raw bytes on a socket: broken request lines, forbidden bytes in headers, smuggling attempts, oversized headers. */
export const raaForespoergsel: fc.Arbitrary<{ bytes: Buffer; hvad: string }> = fc
  .oneof(
    fc.constantFrom(
      'GET / HTTP/1.1\r\n\r\n',
      'GARBAGE\r\n\r\n',
      'GET /health HTTP/9.9\r\nHost: x\r\n\r\n',
      'GET /health\r\n\r\n',
      'GET  /health HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /health HTTP/1.1\r\nHost: x\r\nX-Correlation-Id: a\u0000b\r\n\r\n',
      'GET /health HTTP/1.1\r\nHost: x\r\nBad Header: x\r\n\r\n',
      'GET /health HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n',
      'GET /health HTTP/1.1\nHost: x\n\n',
      'POST /sager HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\nContent-Type: application/json\r\n\r\n{}{}{',
      'POST /sager HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
      'POST /sager HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'POST /sager HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
      'POST /sager HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'POST /sager HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n',
      'GET /sager/%ED%A0%80 HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /sager?%=%&&==& HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET http://evil.example/health HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: x\r\n\r\n',
    ),
    fc.integer({ min: 17_000, max: 40_000 }).map((n) => `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(n)}\r\n\r\n`),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc
      .tuple(fc.constantFrom('GET /health', 'POST /sager', 'DELETE /moeder/x/punkter/1'), fc.uint8Array({ maxLength: 40 }))
      .map(([linje, bytes]) => `${linje} HTTP/1.1\r\nHost: x\r\nX-Fuzz: ${Buffer.from(bytes).toString('latin1')}\r\n\r\n`),
  )
  .map((text) => ({ bytes: Buffer.from(text, 'latin1'), hvad: JSON.stringify(text.slice(0, 80)) }));
