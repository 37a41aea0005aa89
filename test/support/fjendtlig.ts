import fc from 'fast-check';

/**
 * Generators of hostile requests for the fuzz tests (test/fuzz*.e2e.spec.ts).
 * Each write request starts from a valid one and is made invalid by
 * construction — at least one change the API must refuse — so any 2xx, and
 * any event appended, is a finding. Decorations (odd but harmless text) ride
 * along to exercise the code behind the refusing check.
 */

/** JSON the serializer writes verbatim: numbers JSON.stringify cannot write, nesting deeper than recursion allows. */
export class Raw {
  constructor(readonly json: string) {}
}

/** An object as ordered entries, so `__proto__` can be an own key. */
export class Obj {
  constructor(readonly entries: [string, unknown][]) {}
}

export function json(value: unknown): string {
  if (value instanceof Raw) return value.json;
  if (value instanceof Obj) return `{${value.entries.map(([key, v]) => `${JSON.stringify(key)}:${json(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(json).join(',')}]`;
  if (value !== null && typeof value === 'object') return json(new Obj(Object.entries(value)));
  return JSON.stringify(value) ?? 'null';
}

/** A write route as the fuzzer knows it: a URL and a body that succeed, and the body's schema from the OpenAPI document. */
export interface Skabelon {
  route: string;
  method: 'POST' | 'DELETE';
  url: string;
  body: Record<string, unknown>;
  properties: Record<string, { type?: string }>;
  required: readonly string[];
}

export interface Forespoergsel {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was done to the valid request, for the failure message. */
  hvad: string[];
}

const BODY_LIMIT = 1024 * 1024;
/** Longer than any text field may be (prose: 200,000). */
const OVER_ENHVER_GRAENSE = 200_001;
/** Deeper than any body of this API nests (body → medlemmer → medlem → navn). */
const DYB = 17;

type Art = 'tekst' | 'tal' | 'sandhed' | 'liste' | 'objekt' | 'ukendt';

function artAf(value: unknown, schemaType?: string): Art {
  if (value === undefined) {
    return (
      ({ string: 'tekst', boolean: 'sandhed', number: 'tal', integer: 'tal', array: 'liste' } as Record<string, Art>)[schemaType ?? ''] ??
      'ukendt'
    );
  }
  if (typeof value === 'string') return 'tekst';
  if (typeof value === 'number') return 'tal';
  if (typeof value === 'boolean') return 'sandhed';
  return Array.isArray(value) ? 'liste' : 'objekt';
}

/** Numbers JSON can carry that no field of this API takes: overflow, underflow, negative zero, beyond 2^53, fractions. */
const raaTal = fc.constantFrom('1e400', '-1e400', '1e-400', '-0', '9007199254740993', '1e308', '-1e308', '0.5', '-1', '2.0000000000000004');
const fremmed = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constant(''),
  fc.integer({ min: -1_000_000, max: 0 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
);

/** Values of the wrong type for a field of this kind; null only where the field is required (optional fields take null). */
function forkerteVaerdier(art: Art, paakraevet: boolean): fc.Arbitrary<unknown> {
  const faelles = [
    fc.boolean(),
    fc.array(fremmed, { minLength: 1, maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
  ];
  const ogNull = paakraevet ? [fc.constant(null)] : [];
  const tal = [fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), raaTal.map((t) => new Raw(t))];
  switch (art) {
    case 'tekst':
      return fc.oneof(...tal, ...faelles, ...ogNull);
    case 'tal':
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('1', '2', 'NaN', 'Infinity', '-0', '0x10', '1e3', ' 1'),
        fc.integer({ min: -1_000_000, max: 0 }),
        fc.integer({ min: 1_000_000 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
        raaTal.map((t) => new Raw(t)),
        ...faelles,
        ...ogNull,
      );
    case 'sandhed':
      return fc.oneof(fc.constantFrom('true', 'false', '1', '0', '', 'yes'), fc.integer(), ...faelles.slice(1), ...ogNull);
    case 'liste':
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer(),
        fc.boolean(),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 }),
        // A list holding one element no list of this API takes.
        fc.tuple(fc.array(fc.constant('Anne'), { maxLength: 2 }), fremmed).map(([ok, bad]) => [...ok, bad]),
        ...ogNull,
      );
    case 'objekt':
      return fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer(),
        fc.boolean(),
        fc.array(fremmed, { minLength: 1, maxLength: 3 }),
        ...ogNull,
      );
    case 'ukendt':
      return fc.oneof(
        fc.integer(),
        fc.boolean(),
        raaTal.map((t) => new Raw(t)),
      );
  }
}

/** Names that pollute prototypes, shadow methods or impersonate what only the server sets. */
const farligeNavne = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'actor',
  'metadata',
  'role',
  'revision',
  'id',
  'hash',
  'isAdmin',
);
const forurening = fc.constantFrom<unknown>(
  new Obj([['polluted', 'ja']]),
  new Obj([['prototype', new Obj([['polluted', 'ja']])]]),
  new Obj([['__proto__', new Obj([['isAdmin', true]])]]),
  'ja',
  1,
  null,
);

/** Text no field should store: lone surrogates and control characters, among ordinary letters. */
const ugyldigTekst = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.oneof(
      fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDC00\uD800'),
      fc
        .integer({ min: 0, max: 0x1f })
        .filter((c) => ![0x09, 0x0a, 0x0d].includes(c))
        .map((c) => String.fromCharCode(c)),
      fc.constantFrom('\u007f', '\u0085', '\u009b'),
    ),
    fc.string({ maxLength: 10 }),
  )
  .map(([a, bad, b]) => `x${a}${bad}${b}`);

/** Harmless but odd text, to exercise what lies behind the refusing check. */
const pynt = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    "'; DROP TABLE events; --",
    '../../etc/passwd',
    '%2e%2e%2f',
    '\u202Egnp.exe',
    'Ø'.repeat(150),
    '😀‍👩‍👧',
    '${jndi:ldap://x}',
    '{{7*7}}',
  ),
);

/** Names for bilag that reach outside a folder or carry control characters: all refused. */
const stiTraversal = fc.oneof(
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    '..',
    '.',
    'a/b.pdf',
    'C:\\boot.ini',
    '\\\\server\\share',
    'x\u0000.pdf',
    '....//....//x',
    './.',
    'bilag.pdf/',
  ),
  fc
    .tuple(fc.string({ maxLength: 10 }), fc.constantFrom('/', '\\', '\u0000', '\n', '\u001f', '\u007f'), fc.string({ maxLength: 10 }))
    .map(([a, sep, b]) => `${a}${sep}${b}`),
);

// Big inputs are slow to send and to refuse: mostly just over a limit, now and then up to and over the body limit.
const kaempeLaengde = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: OVER_ENHVER_GRAENSE, max: OVER_ENHVER_GRAENSE + 1000 }) },
  { weight: 1, arbitrary: fc.integer({ min: BODY_LIMIT - 4096, max: BODY_LIMIT + 4096 }) },
);
// No base64 character among them: a long run of one would be a valid bilag (indhold has no length limit of its own).
// n characters as class-validator counts them (code points), whatever their width in UTF-16 or UTF-8.
const kaempeStreng = fc
  .tuple(fc.constantFrom('~', 'æ', '😀', '"', '\\', '<', ' '), kaempeLaengde)
  .map(([tegn, n]) => new Raw(JSON.stringify(tegn.repeat(n))));
const kaempeListe = fc
  .tuple(
    fc.constantFrom('"x"', '1', '{}', 'null'),
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 501, max: 5000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 5000, max: 200_000 }) },
    ),
  )
  .map(([element, n]) => new Raw(`[${Array(n).fill(element).join(',')}]`));
const dybNesting = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: DYB, max: 1000 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }) },
    ),
  )
  .map(([lister, d]) => new Raw(lister ? `${'['.repeat(d)}${']'.repeat(d)}` : `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`));

type Mutation = { entries: [string, unknown][] | Raw; hvad: string };

/** One change to the valid body that makes it invalid. */
function ugyldigBody(s: Skabelon): fc.Arbitrary<Mutation> {
  const entries = Object.entries(s.body);
  const felter = Object.keys(s.properties);
  const ukendtNavn = fc.oneof(farligeNavne, fc.string({ minLength: 1, maxLength: 20 })).filter((navn) => !felter.includes(navn));
  const nogetFelt = felter.length > 0 ? fc.oneof(fc.constantFrom(...felter), ukendtNavn) : ukendtNavn;
  const saet = (navn: string, value: unknown): [string, unknown][] => [...entries.filter(([key]) => key !== navn), [navn, value]];
  const tekstfelter = entries.filter(([, value]) => typeof value === 'string').map(([key]) => key);
  const objektfelter = entries.filter(([, value]) => typeof value === 'object' && value !== null);

  const mutationer: fc.Arbitrary<Mutation>[] = [
    ukendtNavn.chain((navn) =>
      fc
        .oneof(forurening, fc.jsonValue({ maxDepth: 2 }))
        .map((value) => ({ entries: [...entries, [navn, value]] as [string, unknown][], hvad: `extra field ${JSON.stringify(navn)}` })),
    ),
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), forurening)
      .map(([navn, value]) => ({ entries: [...entries, [navn, value]] as [string, unknown][], hvad: `pollution key ${navn}` })),
    fc
      .oneof(
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.boolean(),
        ...(s.required.length > 0 ? [fc.constant(null)] : []),
        fc.constant([s.body]),
      )
      .map((value) => ({ entries: new Raw(json(value)), hvad: `body is ${json(value).slice(0, 40)}` })),
  ];
  if (s.required.length > 0)
    mutationer.push(
      fc.constantFrom(...s.required).map((navn) => ({ entries: entries.filter(([key]) => key !== navn), hvad: `without ${navn}` })),
    );
  if (felter.length > 0) {
    mutationer.push(
      fc.constantFrom(...felter).chain((navn) =>
        forkerteVaerdier(artAf(s.body[navn], s.properties[navn].type), s.required.includes(navn)).map((value) => ({
          entries: saet(navn, value),
          hvad: `${navn} = ${json(value).slice(0, 40)}`,
        })),
      ),
    );
  }
  if (tekstfelter.length > 0) {
    mutationer.push(
      fc
        .tuple(fc.constantFrom(...tekstfelter), ugyldigTekst)
        .map(([navn, value]) => ({ entries: saet(navn, value), hvad: `${navn} = ${JSON.stringify(value)}` })),
    );
  }
  if (objektfelter.length > 0) {
    // One level down: inside an object field, or inside the first object of a list.
    mutationer.push(
      fc
        .tuple(fc.constantFrom(...objektfelter), fc.oneof(farligeNavne, fc.constantFrom('x', 'for ', 'navn2')), forurening)
        .map(([[navn, value], noegle, ond]) => {
          const indre = (v: unknown) => new Obj([...Object.entries(v as object), [noegle, ond]]);
          const ny = Array.isArray(value) ? [indre(value[0] ?? {}), ...value.slice(1)] : indre(value);
          return { entries: saet(navn, ny), hvad: `${navn} holds extra key ${JSON.stringify(noegle)}` };
        }),
    );
  }
  if ('filnavn' in s.body)
    mutationer.push(stiTraversal.map((filnavn) => ({ entries: saet('filnavn', filnavn), hvad: `filnavn = ${JSON.stringify(filnavn)}` })));
  // Big ones cost tens of milliseconds each to send and refuse: one body case in ten.
  const store = fc.oneof(
    nogetFelt.chain((navn) =>
      kaempeStreng.map((value) => ({ entries: saet(navn, value), hvad: `huge string in ${navn} (${value.json.length} bytes)` })),
    ),
    nogetFelt.chain((navn) =>
      kaempeListe.map((value) => ({ entries: saet(navn, value), hvad: `huge array in ${navn} (${value.json.length} bytes)` })),
    ),
    nogetFelt.chain((navn) =>
      dybNesting.map((value) => ({ entries: saet(navn, value), hvad: `nesting ${(value.json.length / 2) | 0} deep in ${navn}` })),
    ),
  );
  return fc.oneof({ weight: 1, arbitrary: store }, { weight: 9, arbitrary: fc.oneof(...mutationer) });
}

/** Odd text in the other text fields, or invalid UTF-8 bytes: refused or not, never a 5xx. */
function medPynt(s: Skabelon, mutation: Mutation): fc.Arbitrary<{ body: Buffer; hvad: string[] }> {
  if (mutation.entries instanceof Raw) return fc.constant({ body: Buffer.from(mutation.entries.json), hvad: [mutation.hvad] });
  const entries = mutation.entries;
  // Only fields the mutation left alone: decorating the changed one could undo the change.
  const tekst = entries.filter(([key, value]) => typeof value === 'string' && value === s.body[key]).map(([key]) => key);
  return fc
    .record({
      felt: tekst.length > 0 ? fc.option(fc.constantFrom(...tekst), { freq: 2 }) : fc.constant(null),
      tekst: pynt,
      utf8: fc.boolean(),
    })
    .map(({ felt, tekst: t, utf8 }) => {
      if (felt === null) return { body: Buffer.from(json(new Obj(entries))), hvad: [mutation.hvad] };
      const MARKOER = 'MARKOER-0b1f';
      const text = json(new Obj(entries.map(([key, value]) => [key, key === felt ? (utf8 ? MARKOER : t) : value])));
      // Bytes that are no UTF-8 at all: a stray continuation byte, an overlong form, an encoded surrogate.
      const body = utf8
        ? Buffer.concat(
            text
              .split(MARKOER)
              .flatMap((part, i) =>
                i === 0 ? [Buffer.from(part)] : [Buffer.from([0xff, 0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.from(part)],
              ),
          )
        : Buffer.from(text);
      return { body, hvad: [mutation.hvad, `${felt} = ${utf8 ? 'invalid UTF-8 bytes' : JSON.stringify(t)}`] };
    });
}

/** A malformed JSON document: cut short, a trailing comma, single quotes, a literal JSON does not know, garbage after it. */
function malformeretJson(s: Skabelon): fc.Arbitrary<{ body: Buffer; hvad: string[] }> {
  const gyldig = JSON.stringify(s.body);
  return fc
    .oneof(
      fc.integer({ min: 1, max: Math.max(1, gyldig.length - 1) }).map((n) => gyldig.slice(0, n)),
      fc.constant(`${gyldig.slice(0, -1)},}`),
      fc.constant(gyldig.replace(/"/g, "'")),
      fc.constantFrom(
        'NaN',
        'undefined',
        '{a:1}',
        '{"a":1,,}',
        '[1,]',
        '{"a" 1}',
        '/* */{}',
        '{"a":01}',
        '{"a":.5}',
        '{"a":"\\x41"}',
        '\u0000',
        '{"a":"\u0000"}',
      ),
      fc.tuple(fc.constant(gyldig), fc.constantFrom('x', '}', ']', '{}', ',', '"')).map(([g, efter]) => g + efter),
    )
    .filter((text) => !erJson(text))
    .map((text) => ({ body: Buffer.from(text), hvad: [`malformed JSON ${JSON.stringify(text.slice(0, 40))}`] }));
}

function erJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const headerTegn = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\t', 'æ', 'ÿ', '\u0080', ' '),
);
const headerVaerdi = (maxLength: number) => fc.array(headerTegn, { maxLength }).map((tegn) => tegn.join(''));
/** As the server sees a header: fetch and the HTTP parser drop the whitespace around it. */
const trimmet = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');

const IF_MATCH = /^(?:W\/)?"?(\d{1,15})"?$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A header the API must refuse on a command (400, 412, 415, 401). */
const ugyldigHeader: fc.Arbitrary<[string, string]> = fc.oneof(
  fc
    .oneof(headerVaerdi(30), fc.constantFrom('*', 'W/"x"', '"-1"', '"1.5"', '"3", "4"', '"1234567890123456"'))
    .filter((v) => !IF_MATCH.test(trimmet(v)))
    .map((v) => ['If-Match', v] as [string, string]),
  // A well-formed but stale revision: 412.
  fc.integer({ min: 1000, max: 999_999_999_999_999 }).map((n) => ['If-Match', `"${n}"`] as [string, string]),
  fc
    .oneof(headerVaerdi(30), fc.string({ minLength: 201, maxLength: 400, unit: fc.constant('k') }))
    .filter((v) => !IDEMPOTENCY_KEY.test(trimmet(v)) && trimmet(v) !== '')
    .map((v) => ['Idempotency-Key', v] as [string, string]),
  fc
    .oneof(headerVaerdi(30), fc.string({ minLength: 101, maxLength: 300, unit: fc.constant('c') }))
    .filter((v) => !CORRELATION_ID.test(trimmet(v)) && trimmet(v) !== '')
    .map((v) => ['X-Correlation-Id', v] as [string, string]),
  fc
    .oneof(
      fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/html',
        'application/octet-stream',
        'a',
        '/',
        'application/',
        'text/*',
      ),
      headerVaerdi(30),
    )
    .filter((v) => !/json/i.test(v))
    .map((v) => ['Content-Type', v] as [string, string]),
  fc
    .oneof(
      fc.constantFrom('Bearer', 'Bearer  ', 'Basic YWRtaW46YWRtaW4=', 'Bearer a.b.c', 'bearer null'),
      headerVaerdi(40).map((v) => `Bearer x${v.replace(/\s/g, '')}`),
    )
    .map((v) => ['Authorization', v] as [string, string]),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter the route cannot take: not a UUID, a traversal, huge, or a UUID nobody has. */
export const ugyldigId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom('..', '../..', '../../etc/passwd', '.', '%', 'null', 'undefined', '0', '-1', '{id}', ':id', '*'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((v) => !UUID.test(v)),
  fc.integer({ min: 101, max: 20_000 }).map((n) => 'a'.repeat(n)),
  fc.uuid().map((id) => `${id}x`),
  fc.uuid().map((id) => id.toUpperCase().replace(/-/g, '')),
);
/** A punkt number no fixture has: not a number, negative, zero, fractional, or far beyond the agenda. */
const ugyldigNr: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((v) => !(/^-?\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10)),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  fc.integer({ min: 11, max: 1_000_000 }).map(String),
  fc.constantFrom('1.0', '1e3', '0x1', '+1', ' 1', '99999999999999999999999', 'NaN', 'Infinity', '..', '%00'),
);

/** The path with one parameter replaced. */
function ugyldigSti(s: Skabelon): fc.Arbitrary<{ path: string; hvad: string }> | null {
  const skabelon = s.route.split(' ')[1].split('/');
  const dele = s.url.split('/');
  const pladser = skabelon.flatMap((del, i) => (del.startsWith('{') ? [i] : []));
  if (pladser.length === 0) return null;
  return fc.constantFrom(...pladser).chain((i) =>
    (skabelon[i] === '{nr}' ? ugyldigNr : ugyldigId).map((value) => ({
      path: dele.map((del, j) => (j === i ? encodeURIComponent(value) : del)).join('/'),
      hvad: `${skabelon[i]} = ${JSON.stringify(value.length > 60 ? `${value.slice(0, 20)}… (${value.length})` : value)}`,
    })),
  );
}

/** Printed by fast-check as what was done to it, not as a megabyte of bytes. */
export function kompakt(f: Forespoergsel): Forespoergsel {
  return Object.assign(f, {
    [fc.toStringMethod]: () => `${f.method} ${f.path.slice(0, 120)} [${f.hvad.join('; ')}] (${f.body?.length ?? 0} bytes)`,
  });
}

/** A write request that must be refused, as `auth` (a role allowed to make it). */
export function fjendtligSkrivning(s: Skabelon, auth: Record<string, string>): fc.Arbitrary<Forespoergsel> {
  const gyldigBody = Buffer.from(JSON.stringify(s.body));
  const basis = (extra: Partial<Forespoergsel> & { hvad: string[] }): Forespoergsel =>
    kompakt({
      method: s.method,
      path: s.url,
      body: gyldigBody,
      ...extra,
      headers: { 'Content-Type': 'application/json', ...auth, ...extra.headers },
    });
  const sti = ugyldigSti(s);
  return fc.oneof(
    {
      weight: 12,
      arbitrary: ugyldigBody(s)
        .chain((mutation) => medPynt(s, mutation))
        .map(({ body, hvad }) => basis({ body, hvad })),
    },
    { weight: 2, arbitrary: malformeretJson(s).map(({ body, hvad }) => basis({ body, hvad })) },
    // A stale If-Match alone: the only header refused as late as the command (412).
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1000, max: 999_999_999_999_999 })
        .map((n) => basis({ headers: { 'If-Match': `"${n}"` }, hvad: [`If-Match: "${n}"`] })),
    },
    {
      weight: 3,
      arbitrary: fc.uniqueArray(ugyldigHeader, { minLength: 1, maxLength: 3, selector: ([navn]) => navn.toLowerCase() }).map((headers) =>
        basis({
          headers: Object.fromEntries(headers),
          hvad: headers.map(([navn, v]) => `${navn}: ${JSON.stringify(v.length > 60 ? `${v.slice(0, 20)}… (${v.length})` : v)}`),
        }),
      ),
    },
    ...(sti ? [{ weight: 3, arbitrary: sti.map(({ path, hvad }) => basis({ path, hvad: [hvad] })) }] : []),
  );
}
