import { FieldProblem, ValidationFailed } from '@sagsgang/kernel';
import { SagCommand, sagDecider, SagStatus } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, historyIn, play, SHA256 } from '../src/testing/fixtures';

const spec = deciderSpecification(sagDecider);
const rejects = (status: SagStatus, bad: SagCommand, ...problems: FieldProblem[]) =>
  spec
    .given(historyIn(status))
    .when(bad)
    .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual(problems));
const accepts = (status: SagStatus, good: SagCommand) => spec.given(historyIn(status)).when(good).thenMatches([expect.anything()]);

describe('OpretSag', () => {
  it('needs a titel', () => rejects('ny', command('OpretSag', { titel: '  ' }), { field: 'titel', reason: 'må ikke være tom' }));

  it('needs a sagsnummer of the form YY/løbenummer', () =>
    rejects('ny', command('OpretSag', { sagsnummer: '2019/18529' }), {
      field: 'sagsnummer',
      reason: '"2019/18529" er ikke et sagsnummer; det skal være ÅÅ/løbenummer, fx 19/18529',
    }));

  it('needs a valid KLE journalnummer', () =>
    spec
      .given([])
      .when(command('OpretSag', { journalnummer: '00.01.10-A21-3' }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems[0].field).toBe('journalnummer')));

  it('accepts a KLE emne alone as journalnummer', () => accepts('ny', command('OpretSag', { journalnummer: '00.01.10' })));

  it('needs at least one udvalg in the sagsgang', () =>
    rejects('ny', command('OpretSag', { sagsgang: [] }), { field: 'sagsgang', reason: 'må ikke være en tom liste' }));

  it('rejects an udvalg named twice in the sagsgang', () =>
    rejects('ny', command('OpretSag', { sagsgang: ['Direktionen', 'Byrådet', 'Direktionen'] }), {
      field: 'sagsgang[2]',
      reason: '"Direktionen" står der mere end én gang',
    }));

  it('rejects a blank udvalg in the sagsgang', () =>
    rejects('ny', command('OpretSag', { sagsgang: ['Direktionen', ''] }), { field: 'sagsgang[1]', reason: 'må ikke være tom' }));

  it('accepts a sagsgang of one udvalg, which then holds kompetence', () =>
    accepts('ny', command('OpretSag', { sagsgang: ['Direktionen'] })));

  it('needs an ansvarlig enhed', () =>
    rejects('ny', command('OpretSag', { ansvarligEnhed: '' }), { field: 'ansvarligEnhed', reason: 'må ikke være tom' }));

  it('reports every bad field at once', () =>
    rejects(
      'ny',
      command('OpretSag', { titel: '', ansvarligEnhed: '' }),
      { field: 'titel', reason: 'må ikke være tom' },
      { field: 'ansvarligEnhed', reason: 'må ikke være tom' },
    ));
});

describe('texts', () => {
  it('an anledning må ikke være tom', () =>
    rejects('under_udarbejdelse', command('BeskrivAnledning', { tekst: '' }), { field: 'tekst', reason: 'må ikke være tom' }));

  it('a sagsfremstilling must not be blank', () =>
    rejects('under_udarbejdelse', command('SkrivSagsfremstilling', { tekst: '\n ' }), { field: 'tekst', reason: 'må ikke være tom' }));

  it('a henlæggelse needs a begrundelse', () =>
    rejects('under_udarbejdelse', command('HenlaegSag', { begrundelse: '' }), { field: 'begrundelse', reason: 'må ikke være tom' }));

  it('a genoptagelse needs a begrundelse', () =>
    rejects('henlagt', command('GenoptagSag', { begrundelse: '' }), { field: 'begrundelse', reason: 'må ikke være tom' }));
});

describe('VedhaeftBilag', () => {
  it('needs a sha256 of 64 hex characters', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { sha256: SHA256.slice(1) }), {
      field: 'sha256',
      reason: 'skal være 64 hexadecimale tegn',
    }));

  it('rejects a sha256 with non-hex characters', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { sha256: 'g'.repeat(64) }), {
      field: 'sha256',
      reason: 'skal være 64 hexadecimale tegn',
    }));

  it('rejects a negative size', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { stoerrelse: -1 }), {
      field: 'stoerrelse',
      reason: 'skal være et heltal ≥ 0',
    }));

  it('rejects a fractional size', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { stoerrelse: 1.5 }), {
      field: 'stoerrelse',
      reason: 'skal være et heltal ≥ 0',
    }));

  it('accepts an empty file', () => accepts('under_udarbejdelse', command('VedhaeftBilag', { stoerrelse: 0 })));

  it('wants a file name, not a path', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { filnavn: '../etc/passwd' }), {
      field: 'filnavn',
      reason: 'skal være et filnavn, ikke en sti',
    }));

  it('wants a media type', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { medietype: 'pdf' }), {
      field: 'medietype',
      reason: 'skal være en medietype som application/pdf',
    }));

  it('does not attach the same bilag id twice', () =>
    spec
      .given(play([command('OpretSag'), command('VedhaeftBilag')]))
      .when(command('VedhaeftBilag'))
      .thenThrows(ValidationFailed, (error) =>
        expect(error.problems).toEqual([{ field: 'bilagId', reason: 'bilag bilag-1 er allerede vedhæftet' }]),
      ));
});

describe('indstilling', () => {
  it('needs at least one at-clause', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { atPunkter: [] }), {
      field: 'atPunkter',
      reason: 'må ikke være en tom liste',
    }));

  it('names an empty at-clause by its position', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { atPunkter: ['at sagen godkendes', ' '] }), {
      field: 'atPunkter[1]',
      reason: 'må ikke være tom',
    }));

  it('wants the at-clause without its number, which rendering adds', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { atPunkter: ['1. at sagen godkendes'] }), {
      field: 'atPunkter[0]',
      reason: 'angiv at-punktet uden nummer; nummereringen tilføjes, når indstillingen vises',
    }));

  it('needs an indstiller', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { indstiller: '' }), { field: 'indstiller', reason: 'må ikke være tom' }));

  it('a revision follows the same rules', () =>
    rejects('indstillet', command('ReviderIndstilling', { atPunkter: [] }), {
      field: 'atPunkter',
      reason: 'må ikke være en tom liste',
    }));
});

describe('the meeting side', () => {
  it('a punktnummer is a positive whole number', () =>
    rejects('indstillet', command('SaetPaaDagsorden', { punktnummer: 0 }), {
      field: 'punktnummer',
      reason: 'skal være et positivt heltal',
    }));

  it('a sag is withdrawn only from the meeting it is on', () =>
    rejects('paa_dagsorden', command('TraekFraDagsorden', { moedeId: 'moede-andet' }), {
      field: 'moedeId',
      reason: 'sagen er på dagsordenen for møde moede-direktionen-2019-12-16 (Direktionen), ikke for moede-andet',
    }));

  it('a withdrawal reason, when given, is not blank', () =>
    rejects('paa_dagsorden', command('TraekFraDagsorden', { begrundelse: '' }), { field: 'begrundelse', reason: 'må ikke være tom' }));

  it('a beslutning is recorded only for the meeting the sag is on', () =>
    spec
      .given(historyIn('paa_dagsorden'))
      .when(command('RegistrerBeslutning', { moedeId: 'moede-andet' }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems.map((p) => p.field)).toEqual(['moedeId'])));

  it('a beslutning is recorded only for the udvalg whose agenda it is on', () =>
    rejects('paa_dagsorden', command('RegistrerBeslutning', { udvalg: 'Byrådet' }), {
      field: 'udvalg',
      reason: 'sagen er på en dagsorden for Direktionen, ikke for Byrådet',
    }));

  it('a meeting date is an ISO date', () =>
    rejects('paa_dagsorden', command('RegistrerBeslutning', { moedeDato: '16-12-2019' }), {
      field: 'moedeDato',
      reason: 'skal være en dato, fx 2019-12-16',
    }));

  it('a beslutning has a text', () =>
    rejects('paa_dagsorden', command('RegistrerBeslutning', { beslutningstekst: '' }), {
      field: 'beslutningstekst',
      reason: 'må ikke være tom',
    }));
});
