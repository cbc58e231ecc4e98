/** Shared inputs and helpers of the retreat repository tests. */
import { expect } from 'vitest';

import { asIsoDate } from '@shared/domain/dates';
import { asMinor } from '@shared/domain/money';
import { asQuarter } from '@shared/domain/quarter';
import type { RetreatFields, SessionFields } from '@shared/domain/retreat';

import { createAccount } from './accounts';
import type { AttendeeRow, RequestRow, RetreatRow, RoadmapItemRow, SessionRow } from './database';
import { createRetreat, RetreatRefusedError } from './retreats';
import { createItem, RoadmapRefusedError } from './roadmap';
import { SYNCED_TABLES } from './schema';
import { type Workspace } from './workspace';

export const Q3 = asQuarter('2027-Q3');
export const D10 = asIsoDate('2027-03-10');
export const D11 = asIsoDate('2027-03-11');
export const D12 = asIsoDate('2027-03-12');

export const retreatFields = (over: Partial<RetreatFields> = {}): RetreatFields => ({
  title: 'Spring retreat',
  theme: 'Platform',
  place: 'Lisbon',
  startDate: D10,
  endDate: D12,
  currency: 'EUR',
  budget: asMinor(5_000_000),
  lines: [{ kind: 'venue', label: 'Hotel', amount: asMinor(2_000_000) }],
  ourAttendees: ['Ana'],
  notes: '',
  ...over,
});

export const RETREAT_KEYS = Object.keys(retreatFields()).sort();

export const sessionFields = (retreatId: string, over: Partial<SessionFields> = {}): SessionFields => ({
  retreatId,
  date: D11,
  start: '09:00',
  end: '10:30',
  title: 'Roadmap review',
  owner: 'Ana',
  kind: 'planning',
  ...over,
});

export async function getRow<R>(
  ws: Workspace,
  table: 'retreats' | 'sessions' | 'attendees' | 'requests' | 'roadmapItems',
  id: string,
): Promise<R> {
  const row = await ws.db.table<R, string>(table).get(id);
  if (!row) throw new Error(`${table} ${id} missing`);
  return row;
}

export const getRetreat = (ws: Workspace, id: string) => getRow<RetreatRow>(ws, 'retreats', id);
export const getSession = (ws: Workspace, id: string) => getRow<SessionRow>(ws, 'sessions', id);
export const getAttendee = (ws: Workspace, id: string) => getRow<AttendeeRow>(ws, 'attendees', id);
export const getRequest = (ws: Workspace, id: string) => getRow<RequestRow>(ws, 'requests', id);
export const getItem = (ws: Workspace, id: string) => getRow<RoadmapItemRow>(ws, 'roadmapItems', id);

export async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

/** The error a promise rejects with; fails the test if it resolves or rejects with another class. */
export async function rejection<E>(p: Promise<unknown>, cls: abstract new (...args: never[]) => E): Promise<E> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(cls);
  return err as E;
}

/** A retreat refusal: checks the class and the message key, returns the reason. */
export async function retreatRefusal(p: Promise<unknown>): Promise<RetreatRefusedError['reason']> {
  const err = await rejection(p, RetreatRefusedError);
  expect(err.messageKey).toBe(`retreat.refused.${err.reason}`);
  return err.reason;
}

export async function roadmapRefusal(p: Promise<unknown>): Promise<RoadmapRefusedError['reason']> {
  const err = await rejection(p, RoadmapRefusedError);
  expect(err.messageKey).toBe(`roadmap.refused.${err.reason}`);
  return err.reason;
}

/** A retreat, two accounts and a roadmap item already planned. */
export async function setup(ws: Workspace) {
  const { retreat } = await createRetreat(ws, retreatFields());
  const { account: acme } = await createAccount(ws, { name: 'Acme' });
  const { account: globex } = await createAccount(ws, { name: 'Globex' });
  const { item } = await createItem(ws, { title: 'SSO', plannedQuarter: Q3, effortEm: 4.5 });
  return { retreat, acme, globex, item };
}

export const NEW_ITEM = { title: '  Offline mode  ', plannedQuarter: Q3, effortEm: 2.5 };
export const NEW_ITEM_FIELDS = {
  title: 'Offline mode',
  theme: '',
  plannedQuarter: '2027-Q3',
  effortEm: 2.5,
  onStrategy: true,
  status: 'idea',
  notes: '',
  acceleratedFrom: null,
};
