import { POLITISK_V1, SAG_COMMAND_TYPES, SagCommandType, SagStatus, sagDecider } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, DEFAULT_DATA, historyIn, MOEDER, NOW, SAG_ID, SAGSGANG, SHA256 } from '../src/testing/fixtures';

/** Every transition the default workflow allows, each from each state it is allowed in. */
const spec = deciderSpecification(sagDecider);
const tested: [SagCommandType, SagStatus][] = [];
const transition = (type: SagCommandType, from: SagStatus, title: string, body: () => void) => {
  tested.push([type, from]);
  it(`${type} from ${from}: ${title}`, body);
};
const base = { sagId: SAG_ID, tidspunkt: NOW };
const { atPunkter, indstiller } = DEFAULT_DATA.ReviderIndstilling;
const direktionen = MOEDER['Direktionen'];

describe('allowed transitions', () => {
  transition('OpretSag', 'ny', 'records the sag and its workflow version', () => {
    const { sagId: _sagId, ...data } = DEFAULT_DATA.OpretSag;
    spec
      .given(historyIn('ny'))
      .when(command('OpretSag'))
      .then([{ type: 'SagOprettet', data: { ...base, ...data, workflow: { name: 'politisk', version: 1 } } }]);
  });

  for (const from of ['under_udarbejdelse', 'indstillet'] as const) {
    transition('BeskrivAnledning', from, 'describes the anledning', () => {
      spec
        .given(historyIn(from))
        .when(command('BeskrivAnledning', { tekst: 'Ny anledning' }))
        .then([{ type: 'AnledningBeskrevet', data: { ...base, tekst: 'Ny anledning' } }]);
    });

    transition('SkrivSagsfremstilling', from, 'writes the next version', () => {
      const version = from === 'indstillet' ? 2 : 1;
      spec
        .given(historyIn(from))
        .when(command('SkrivSagsfremstilling', { tekst: 'Tekst' }))
        .then([{ type: 'SagsfremstillingSkrevet', data: { ...base, version, tekst: 'Tekst' } }]);
    });

    transition('VedhaeftBilag', from, 'attaches the bilag by its digest, not its content', () => {
      const { sagId: _sagId, ...bilag } = DEFAULT_DATA.VedhaeftBilag;
      spec
        .given(historyIn(from))
        .when(command('VedhaeftBilag'))
        .then([{ type: 'BilagVedhaeftet', data: { ...base, ...bilag } }]);
    });

    transition('HenlaegSag', from, 'shelves the sag with a reason', () => {
      spec
        .given(historyIn(from))
        .when(command('HenlaegSag', { begrundelse: 'Bortfaldet' }))
        .then([{ type: 'SagHenlagt', data: { ...base, begrundelse: 'Bortfaldet' } }]);
    });
  }

  transition('GivIndstilling', 'under_udarbejdelse', 'gives indstilling version 1', () => {
    const { sagId: _sagId, ...data } = DEFAULT_DATA.GivIndstilling;
    spec
      .given(historyIn('under_udarbejdelse'))
      .when(command('GivIndstilling'))
      .then([{ type: 'IndstillingGivet', data: { ...base, version: 1, ...data } }]);
  });

  transition('ReviderIndstilling', 'indstillet', 'revises it as version 2', () => {
    spec
      .given(historyIn('indstillet'))
      .when(command('ReviderIndstilling'))
      .then([{ type: 'IndstillingRevideret', data: { ...base, version: 2, indstiller, atPunkter } }]);
  });

  transition('SaetPaaDagsorden', 'indstillet', "puts it on the awaited udvalg's agenda", () => {
    spec
      .given(historyIn('indstillet'))
      .when(command('SaetPaaDagsorden'))
      .then([{ type: 'SagSatPaaDagsorden', data: { ...base, moedeId: direktionen.moedeId, udvalg: 'Direktionen', punktnummer: 2 } }]);
  });

  transition('TraekFraDagsorden', 'paa_dagsorden', 'withdraws it from that meeting', () => {
    spec
      .given(historyIn('paa_dagsorden'))
      .when(command('TraekFraDagsorden', { begrundelse: 'Mangler bilag' }))
      .then([
        {
          type: 'SagTrukketFraDagsorden',
          data: { ...base, moedeId: direktionen.moedeId, udvalg: 'Direktionen', begrundelse: 'Mangler bilag' },
        },
      ]);
  });

  transition('RegistrerBeslutning', 'paa_dagsorden', 'records the treatment and where the sag goes', () => {
    spec
      .given(historyIn('paa_dagsorden'))
      .when(command('RegistrerBeslutning', { beslutningstekst: 'Anbefales.' }))
      .then([
        {
          type: 'SagOversendt',
          data: {
            ...base,
            udvalg: 'Direktionen',
            ...direktionen,
            udfald: 'anbefalet',
            beslutningstekst: 'Anbefales.',
            tilUdvalg: SAGSGANG[1],
          },
        },
      ]);
  });

  transition('AfslutSag', 'afgjort', 'closes the decided sag', () => {
    spec
      .given(historyIn('afgjort'))
      .when(command('AfslutSag'))
      .then([{ type: 'SagAfsluttet', data: base }]);
  });

  transition('GenoptagSag', 'henlagt', 'resumes where the sag was shelved', () => {
    spec
      .given(historyIn('henlagt'))
      .when(command('GenoptagSag', { begrundelse: 'Igen aktuel' }))
      .then([{ type: 'SagGenoptaget', data: { ...base, begrundelse: 'Igen aktuel', trin: 0 } }]);
  });

  transition('GenoptagSag', 'afsluttet', 'starts a new round through the sagsgang', () => {
    spec
      .given(historyIn('afsluttet'))
      .when(command('GenoptagSag', { begrundelse: 'Klage' }))
      .then([{ type: 'SagGenoptaget', data: { ...base, begrundelse: 'Klage', trin: 0 } }]);
  });

  it('covers every transition the workflow allows', () => {
    const allowed = SAG_COMMAND_TYPES.flatMap((type) => POLITISK_V1.commands[type].from.map((from) => [type, from]));
    expect([...tested].sort()).toEqual(allowed.sort());
  });
});

it('keeps the digest of a bilag in one spelling', () => {
  spec
    .given(historyIn('under_udarbejdelse'))
    .when(command('VedhaeftBilag', { sha256: SHA256.toUpperCase() }))
    .thenMatches([expect.objectContaining({ data: expect.objectContaining({ sha256: SHA256 }) })]);
});
