import { FieldProblem, ValidationFailed } from '@sagsgang/kernel';
import { SagCommand, sagDecider, SagStatus } from '../src';
import { deciderSpecification } from '../src/testing/decider-specification';
import { command, historyIn, play, SHA256 } from '../src/testing/fixtures';

const spec = deciderSpecification(sagDecider);
const rejects = (status: SagStatus, bad: SagCommand, ...problems: FieldProblem[]) =>
  spec
    .given(historyIn(status))
    .when(bad)
    .thenThrows(ValidationFailed, (error) => expect(error.problems).toEqual(problems));
const accepts = (status: SagStatus, good: SagCommand) => spec.given(historyIn(status)).when(good).thenMatches([expect.anything()]);

describe('OpretSag', () => {
  it('needs a titel', () => rejects('ny', command('OpretSag', { titel: '  ' }), { field: 'titel', reason: 'must not be empty' }));

  it('needs a sagsnummer of the form YY/løbenummer', () =>
    rejects('ny', command('OpretSag', { sagsnummer: '2019/18529' }), {
      field: 'sagsnummer',
      reason: '"2019/18529" is not a sagsnummer; expected YY/løbenummer, e.g. 19/18529',
    }));

  it('needs a valid KLE journalnummer', () =>
    spec
      .given([])
      .when(command('OpretSag', { journalnummer: '00.01.10-A21-3' }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems[0].field).toBe('journalnummer')));

  it('accepts a KLE emne alone as journalnummer', () => accepts('ny', command('OpretSag', { journalnummer: '00.01.10' })));

  it('needs at least one udvalg in the sagsgang', () =>
    rejects('ny', command('OpretSag', { sagsgang: [] }), { field: 'sagsgang', reason: 'must hold at least one udvalg' }));

  it('rejects an udvalg named twice in the sagsgang', () =>
    rejects('ny', command('OpretSag', { sagsgang: ['Direktionen', 'Byrådet', 'Direktionen'] }), {
      field: 'sagsgang[2]',
      reason: '"Direktionen" appears more than once',
    }));

  it('rejects a blank udvalg in the sagsgang', () =>
    rejects('ny', command('OpretSag', { sagsgang: ['Direktionen', ''] }), { field: 'sagsgang[1]', reason: 'must not be empty' }));

  it('accepts a sagsgang of one udvalg, which then holds kompetence', () =>
    accepts('ny', command('OpretSag', { sagsgang: ['Direktionen'] })));

  it('needs an ansvarlig enhed', () =>
    rejects('ny', command('OpretSag', { ansvarligEnhed: '' }), { field: 'ansvarligEnhed', reason: 'must not be empty' }));

  it('reports every bad field at once', () =>
    rejects(
      'ny',
      command('OpretSag', { titel: '', ansvarligEnhed: '' }),
      { field: 'titel', reason: 'must not be empty' },
      { field: 'ansvarligEnhed', reason: 'must not be empty' },
    ));
});

describe('texts', () => {
  it('an anledning must not be empty', () =>
    rejects('under_udarbejdelse', command('BeskrivAnledning', { tekst: '' }), { field: 'tekst', reason: 'must not be empty' }));

  it('a sagsfremstilling must not be blank', () =>
    rejects('under_udarbejdelse', command('SkrivSagsfremstilling', { tekst: '\n ' }), { field: 'tekst', reason: 'must not be empty' }));

  it('a henlæggelse needs a begrundelse', () =>
    rejects('under_udarbejdelse', command('HenlaegSag', { begrundelse: '' }), { field: 'begrundelse', reason: 'must not be empty' }));

  it('a genoptagelse needs a begrundelse', () =>
    rejects('henlagt', command('GenoptagSag', { begrundelse: '' }), { field: 'begrundelse', reason: 'must not be empty' }));
});

describe('VedhaeftBilag', () => {
  it('needs a sha256 of 64 hex characters', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { sha256: SHA256.slice(1) }), {
      field: 'sha256',
      reason: 'must be 64 hexadecimal characters',
    }));

  it('rejects a sha256 with non-hex characters', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { sha256: 'g'.repeat(64) }), {
      field: 'sha256',
      reason: 'must be 64 hexadecimal characters',
    }));

  it('rejects a negative size', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { stoerrelse: -1 }), {
      field: 'stoerrelse',
      reason: 'must be a whole number ≥ 0',
    }));

  it('rejects a fractional size', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { stoerrelse: 1.5 }), {
      field: 'stoerrelse',
      reason: 'must be a whole number ≥ 0',
    }));

  it('accepts an empty file', () => accepts('under_udarbejdelse', command('VedhaeftBilag', { stoerrelse: 0 })));

  it('wants a file name, not a path', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { filnavn: '../etc/passwd' }), {
      field: 'filnavn',
      reason: 'must be a file name, not a path',
    }));

  it('wants a media type', () =>
    rejects('under_udarbejdelse', command('VedhaeftBilag', { medietype: 'pdf' }), {
      field: 'medietype',
      reason: 'must be a media type such as application/pdf',
    }));

  it('does not attach the same bilag id twice', () =>
    spec
      .given(play([command('OpretSag'), command('VedhaeftBilag')]))
      .when(command('VedhaeftBilag'))
      .thenThrows(ValidationFailed, (error) =>
        expect(error.problems).toEqual([{ field: 'bilagId', reason: 'bilag bilag-1 is already attached' }]),
      ));
});

describe('indstilling', () => {
  it('needs at least one at-clause', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { atPunkter: [] }), {
      field: 'atPunkter',
      reason: 'must hold at least one at-clause',
    }));

  it('names an empty at-clause by its position', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { atPunkter: ['at sagen godkendes', ' '] }), {
      field: 'atPunkter[1]',
      reason: 'must not be empty',
    }));

  it('wants the at-clause without its number, which rendering adds', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { atPunkter: ['1. at sagen godkendes'] }), {
      field: 'atPunkter[0]',
      reason: 'give the clause without its number; numbering is added when rendered',
    }));

  it('needs an indstiller', () =>
    rejects('under_udarbejdelse', command('GivIndstilling', { indstiller: '' }), { field: 'indstiller', reason: 'must not be empty' }));

  it('a revision follows the same rules', () =>
    rejects('indstillet', command('ReviderIndstilling', { atPunkter: [] }), {
      field: 'atPunkter',
      reason: 'must hold at least one at-clause',
    }));
});

describe('the meeting side', () => {
  it('a punktnummer is a positive whole number', () =>
    rejects('indstillet', command('SaetPaaDagsorden', { punktnummer: 0 }), {
      field: 'punktnummer',
      reason: 'must be a positive whole number',
    }));

  it('a sag is withdrawn only from the meeting it is on', () =>
    rejects('paa_dagsorden', command('TraekFraDagsorden', { moedeId: 'moede-andet' }), {
      field: 'moedeId',
      reason: 'the sag is on the agenda of møde moede-direktionen-2019-12-16 (Direktionen), not moede-andet',
    }));

  it('a withdrawal reason, when given, is not blank', () =>
    rejects('paa_dagsorden', command('TraekFraDagsorden', { begrundelse: '' }), { field: 'begrundelse', reason: 'must not be empty' }));

  it('a beslutning is recorded only for the meeting the sag is on', () =>
    spec
      .given(historyIn('paa_dagsorden'))
      .when(command('RegistrerBeslutning', { moedeId: 'moede-andet' }))
      .thenThrows(ValidationFailed, (error) => expect(error.problems.map((p) => p.field)).toEqual(['moedeId'])));

  it('a beslutning is recorded only for the udvalg whose agenda it is on', () =>
    rejects('paa_dagsorden', command('RegistrerBeslutning', { udvalg: 'Byrådet' }), {
      field: 'udvalg',
      reason: 'the sag is on an agenda of Direktionen, not Byrådet',
    }));

  it('a meeting date is an ISO date', () =>
    rejects('paa_dagsorden', command('RegistrerBeslutning', { moedeDato: '16-12-2019' }), {
      field: 'moedeDato',
      reason: 'must be an ISO date, e.g. 2019-12-16',
    }));

  it('a beslutning has a text', () =>
    rejects('paa_dagsorden', command('RegistrerBeslutning', { beslutningstekst: '' }), {
      field: 'beslutningstekst',
      reason: 'must not be empty',
    }));
});
