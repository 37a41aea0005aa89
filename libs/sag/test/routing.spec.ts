import { fold, IllegalTransition, ValidationFailed } from '@sagsgang/kernel';
import { SagState, sagDecider } from '../src';
import { deciderSpecification } from '@sagsgang/kernel/testing';
import { command, MOEDER, onAgendaOf, play, prepared, treatment } from '../src/testing/fixtures';

/** Through the sagsgang Direktionen → Økonomiudvalget → Byrådet. */
const spec = deciderSpecification(sagDecider);
const stateAfter = (...commands: Parameters<typeof play>[0]): SagState => fold(sagDecider, play(commands));
const beslutning = (udvalg: string, udfald: Parameters<typeof treatment>[1]) =>
  command('RegistrerBeslutning', { udvalg, ...MOEDER[udvalg], udfald, beslutningstekst: 'Tekst' });

describe('routing after a beslutning', () => {
  it('anbefalet at Direktionen sends the sag on to Økonomiudvalget', () => {
    spec
      .given(onAgendaOf('Direktionen'))
      .when(beslutning('Direktionen', 'anbefalet'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'indstillet', trin: 1, afventerUdvalg: 'Økonomiudvalget' });
      });
  });

  it('anbefalet at Økonomiudvalget sends the sag on to Byrådet', () => {
    spec
      .given(onAgendaOf('Økonomiudvalget'))
      .when(beslutning('Økonomiudvalget', 'anbefalet'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'indstillet', trin: 2, afventerUdvalg: 'Byrådet' });
      });
  });

  it('anbefalet at Byrådet is rejected: the last udvalg has no next udvalg', () => {
    spec
      .given(onAgendaOf('Byrådet'))
      .when(beslutning('Byrådet', 'anbefalet'))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([{ field: 'udfald', reason: expect.stringContaining('Byrådet har kompetencen i sag') }]);
      });
  });

  it('udsat keeps the sag waiting for another agenda of the same udvalg', () => {
    spec
      .given(onAgendaOf('Økonomiudvalget'))
      .when(beslutning('Økonomiudvalget', 'udsat'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'indstillet', trin: 1, afventerUdvalg: 'Økonomiudvalget' });
      });
  });

  it('tilbagesendt returns the sag to the administration at the same udvalg', () => {
    spec
      .given(onAgendaOf('Økonomiudvalget'))
      .when(beslutning('Økonomiudvalget', 'tilbagesendt'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'under_udarbejdelse', trin: 1 });
      });
  });

  it('after tilbagesendt the administration must give a new indstilling before the next agenda', () => {
    const sentBack = play([...prepared(), ...treatment('Direktionen', 'tilbagesendt')]);
    spec
      .given(sentBack)
      .when(command('SaetPaaDagsorden'))
      .thenThrows(IllegalTransition, (error) => {
        expect(error.allowedCommands).toContain('GivIndstilling');
      });
  });

  it('a new indstilling after tilbagesendt is version 2 and awaits the same udvalg', () => {
    const sentBack = play([...prepared(), ...treatment('Direktionen', 'tilbagesendt')]);
    spec
      .given(sentBack)
      .when(command('GivIndstilling'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'indstillet', afventerUdvalg: 'Direktionen', indstilling: { version: 2 } });
      });
  });

  it('a decision by Byrådet, which holds kompetence, makes the sag afgjort', () => {
    spec
      .given(onAgendaOf('Byrådet'))
      .when(beslutning('Byrådet', 'godkendt_med_aendringer'))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'afgjort', afgoerelse: { udvalg: 'Byrådet', udfald: 'godkendt_med_aendringer' } });
      });
  });

  it('a decision by Direktionen, which lacks kompetence, is rejected', () => {
    spec
      .given(onAgendaOf('Direktionen'))
      .when(beslutning('Direktionen', 'godkendt'))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems[0].reason).toBe(
          'Direktionen har ikke kompetencen i sag 16/4711 (det har Byrådet); udvalget kan registrere anbefalet, udsat, tilbagesendt',
        );
      });
  });

  it('a sag may only be put on the agenda of the udvalg it awaits', () => {
    spec
      .given(onAgendaOf('Direktionen').slice(0, -1))
      .when(command('SaetPaaDagsorden', { udvalg: 'Byrådet' }))
      .thenThrows(ValidationFailed, (error) => {
        expect(error.problems).toEqual([{ field: 'udvalg', reason: 'sagen afventer en dagsorden for Direktionen, ikke for Byrådet' }]);
      });
  });

  it('withdrawn from an agenda, the sag awaits the same udvalg again', () => {
    spec
      .given(onAgendaOf('Økonomiudvalget'))
      .when(command('TraekFraDagsorden', { moedeId: MOEDER['Økonomiudvalget'].moedeId }))
      .thenState((state) => {
        expect(state).toMatchObject({ status: 'indstillet', trin: 1, afventerUdvalg: 'Økonomiudvalget' });
      });
  });
});

describe('the history of treatments', () => {
  it("shows each udvalg's treatment in turn", () => {
    const state = stateAfter(
      ...prepared(),
      ...treatment('Direktionen', 'anbefalet'),
      ...treatment('Økonomiudvalget', 'udsat'),
      ...treatment('Økonomiudvalget', 'anbefalet'),
      ...treatment('Byrådet', 'godkendt'),
    );
    expect(state.status === 'ny' ? [] : state.behandlinger.map(({ udvalg, udfald }) => `${udvalg}: ${udfald}`)).toEqual([
      'Direktionen: anbefalet',
      'Økonomiudvalget: udsat',
      'Økonomiudvalget: anbefalet',
      'Byrådet: godkendt',
    ]);
  });

  it('records the meeting and its date for each treatment', () => {
    const state = stateAfter(...prepared(), ...treatment('Direktionen', 'anbefalet'));
    expect(state).toMatchObject({
      behandlinger: [{ udvalg: 'Direktionen', moedeId: MOEDER['Direktionen'].moedeId, moedeDato: '2019-12-16', udfald: 'anbefalet' }],
    });
  });
});
