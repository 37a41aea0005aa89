import { Feed } from 'feed';
import ical, { ICalEventStatus } from 'ical-generator';
import { ExistingMoede } from '@sagsgang/moede';
import { kortDato } from '@sagsgang/referat';
import { punktTitel } from './offentlig-visning';

/** Where the meetings' pages are, absolute: feed readers and calendars open links outside the site. */
export type Sider = { origin: string };

/** The public meetings as an iCalendar: each one an event at its start, cancelled ones marked so. */
export function kalender(moeder: readonly ExistingMoede[], navn: string, { origin }: Sider): string {
  const kalenderen = ical({ name: navn, prodId: { company: 'sagsgang', product: 'moeder', language: 'DA' } });
  for (const moede of moeder) {
    kalenderen.createEvent({
      id: `${moede.id}@sagsgang`,
      start: new Date(moede.start),
      summary: `Møde i ${moede.udvalg}`,
      location: moede.sted,
      url: `${origin}/moede/${moede.id}`,
      description: moede.punkter.map((punkt) => `${punkt.nr}. ${punktTitel(punkt)}`).join('\n'),
      status: moede.status === 'aflyst' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return kalenderen.toString();
}

/** The published referater, newest publication first, as RSS 2.0 or Atom. */
export function referatFeed(moeder: readonly (ExistingMoede & { offentliggjort: string })[], { origin }: Sider): Feed {
  const feed = new Feed({
    title: 'Offentliggjorte referater',
    description: 'Referater fra udvalgenes møder, når de er godkendt og offentliggjort',
    id: `${origin}/`,
    link: `${origin}/`,
    language: 'da',
    copyright: '',
    updated: moeder[0] ? new Date(moeder[0].offentliggjort) : undefined,
    feedLinks: { rss: `${origin}/offentlig/referater.rss`, atom: `${origin}/offentlig/referater.atom` },
  });
  for (const moede of moeder) {
    const link = `${origin}/moede/${moede.id}/referat`;
    feed.addItem({
      title: `Referat: ${moede.udvalg} ${kortDato(moede.start)}`,
      id: link,
      link,
      date: new Date(moede.offentliggjort),
      description: moede.punkter.map((punkt) => `Punkt ${punkt.nr}: ${punktTitel(punkt)}`).join('\n'),
    });
  }
  return feed;
}
