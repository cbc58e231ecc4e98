import { readRows } from '@shared/domain/tables';
import { lastContacts } from '@shared/domain/stakeholders';
import type { IsoDate } from '@shared/domain/dates';
import type { ContactRow, LineRow, PersonRow, WaypointDB } from '../../../db/database';
import { useWorkspace } from '../../../db/context';
import { useSharedQuery, type SharedQuery } from '../../../db/sharedQuery';

export interface MapData {
  readonly people: readonly PersonRow[];
  readonly lines: readonly LineRow[];
  readonly contacts: readonly ContactRow[];
  /** Last contact per person, from the contact log. */
  readonly last: ReadonlyMap<string, IsoDate>;
}

/** Everything on one account's map (live rows only). */
export const mapDataQuery = (db: WaypointDB, accountId: string): SharedQuery<MapData> => ({
  key: `map:${accountId}`,
  run: async () => {
    const [people, lines, contacts] = await Promise.all([
      db.people
        .where('accountId')
        .equals(accountId)
        .toArray()
        .then((r) => readRows('people', r)),
      db.lines
        .where('accountId')
        .equals(accountId)
        .toArray()
        .then((r) => readRows('lines', r)),
      db.contacts
        .where('accountId')
        .equals(accountId)
        .toArray()
        .then((r) => readRows('contacts', r)),
    ]);
    const livePeople = people.filter((p) => !p.deleted);
    const ids = new Set(livePeople.map((p) => p.id));
    const liveContacts = contacts.filter((c) => !c.deleted && ids.has(c.personId));
    return {
      people: livePeople,
      lines: lines.filter((l) => !l.deleted && ids.has(l.from) && ids.has(l.to)),
      contacts: liveContacts,
      last: lastContacts(liveContacts),
    };
  },
});

/** Everything on one account's map (live rows only); undefined while loading. */
export function useMapData(accountId: string): MapData | undefined {
  const { db } = useWorkspace();
  return useSharedQuery(db, mapDataQuery(db, accountId));
}
