// Shared helpers for the map repository tests (people.test.ts, lines.test.ts).
import { expect, vi, type MockInstance } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { defaultPersonFields, type ContactFields } from '@shared/domain/stakeholders';
import type { Row } from '@shared/sync/row';
import { createAccount } from './accounts';
import type { LineRow, PersonRow } from './database';
import { addContact, createLine, createPerson, LineRefusedError } from './people';
import { SYNCED_TABLES, type SyncedTable } from './schema';
import type { Workspace } from './workspace';

export const PERSON_KEYS = Object.keys(defaultPersonFields('x')).sort();

export async function getRow(ws: Workspace, table: SyncedTable, id: string): Promise<Row<Record<string, unknown>>> {
  const row = await ws.db.table<Row<Record<string, unknown>>, string>(table).get(id);
  if (!row) throw new Error(`${table} ${id} missing`);
  return row;
}

export async function getPerson(ws: Workspace, id: string): Promise<PersonRow> {
  const row = await ws.db.people.get(id);
  if (!row) throw new Error(`person ${id} missing`);
  return row;
}

export async function getLine(ws: Workspace, id: string): Promise<LineRow> {
  const row = await ws.db.lines.get(id);
  if (!row) throw new Error(`line ${id} missing`);
  return row;
}

export async function rowCounts(ws: Workspace): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of SYNCED_TABLES) out[t] = await ws.db.table(t).count();
  return out;
}

/** Counts the Dexie transactions a repository call opens (restoreMocks undoes the spy after each test). */
export function watchTransactions(ws: Workspace): MockInstance {
  return vi.spyOn(ws.db, 'transaction');
}

/** The refusal a promise rejects with; fails the test if it resolves or rejects with something else. */
export async function refusal(p: Promise<unknown>): Promise<LineRefusedError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LineRefusedError);
  return err as LineRefusedError;
}

export async function newAccount(ws: Workspace, name = 'Acme'): Promise<string> {
  return (await createAccount(ws, { name })).account.id;
}

export async function people(ws: Workspace, accountId: string, names: readonly string[]): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (const [i, name] of names.entries()) out.push((await createPerson(ws, accountId, { name, x: i * 100, y: i * 50 })).person);
  return out;
}

export function contact(accountId: string, personId: string, overrides: Partial<ContactFields> = {}): ContactFields {
  return { accountId, personId, date: asIsoDate('2025-03-01'), channel: 'call', attendee: 'Mia', notes: 'Talked budget', ...overrides };
}

export async function sampleMap(ws: Workspace) {
  const accountId = await newAccount(ws);
  const [a, b, c, d] = await people(ws, accountId, ['A', 'B', 'C', 'D']);
  if (!a || !b || !c || !d) throw new Error('setup');
  const { line: ab } = await createLine(ws, accountId, a.id, b.id, 'reportsTo');
  const { line: ca } = await createLine(ws, accountId, c.id, a.id, 'influences');
  const { line: bc } = await createLine(ws, accountId, b.id, c.id, 'alliance');
  const { line: cd } = await createLine(ws, accountId, c.id, d.id, 'reportsTo');
  const { contact: ca1 } = await addContact(ws, contact(accountId, a.id));
  const { contact: ca2 } = await addContact(ws, contact(accountId, a.id, { date: asIsoDate('2025-04-01') }));
  const { contact: cb } = await addContact(ws, contact(accountId, b.id));
  const { contact: cc } = await addContact(ws, contact(accountId, c.id));
  return { accountId, people: { a, b, c, d }, lines: { ab, ca, bc, cd }, contacts: { ca1, ca2, cb, cc } };
}
