import { everyMember } from '../src';

type Farve = 'roed' | 'groen' | 'blaa';

describe('everyMember', () => {
  it('gives back the list when it names every member', () => {
    expect(everyMember<Farve>()(['roed', 'groen', 'blaa'])).toEqual(['roed', 'groen', 'blaa']);
  });

  it('does not compile when a member is missing or foreign (npm run typecheck fails on an unused @ts-expect-error)', () => {
    // @ts-expect-error 'blaa' is missing
    const missing = everyMember<Farve>()(['roed', 'groen']);
    // @ts-expect-error 'gul' is no Farve
    const foreign = everyMember<Farve>()(['roed', 'groen', 'blaa', 'gul']);
    expect([missing.length, foreign.length]).toEqual([2, 4]);
  });
});
