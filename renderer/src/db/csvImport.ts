import { readRows } from '@shared/domain/tables';
import { defaultAccountFields, type AccountFields } from '@shared/domain/account';
import { defaultPersonFields, type LineFields, type PersonFields } from '@shared/domain/stakeholders';
import type { Position } from '@shared/domain/orgLayout';
import type { ExistingWorkspace, ImportPlan } from '@shared/csv/types';
import type { ImportRow, WaypointDB } from './database';
import { runIntent, type Intent, type Workspace, type Writer } from './workspace';
import type { SyncedTable } from './schema';

/** The live accounts, people and reports-to lines as the CSV plan compares them. */
export async function readExisting(db: WaypointDB): Promise<ExistingWorkspace> {
  const [accounts, people, lines] = await Promise.all([db.accounts.toArray(), db.people.toArray(), db.lines.toArray()]);
  return {
    accounts: readRows('accounts', accounts)
      .filter((a) => !a.deleted)
      .map((a) => ({
        id: a.id,
        sourceKey: a.sourceKey || null,
        name: a.name,
        website: a.website,
        industry: a.industry,
        region: a.region,
        currency: a.currency,
        owner: a.owner,
        arr: a.arr,
        potentialArr: a.potentialArr,
        annualRevenue: a.annualRevenue,
        contractStart: a.contractStart,
        renewalDate: a.renewalDate,
        tags: a.tags,
        notes: a.notes,
      })),
    people: readRows('people', people)
      .filter((p) => !p.deleted)
      .map((p) => ({
        id: p.id,
        accountId: p.accountId,
        sourceKey: p.sourceKey || null,
        name: p.name,
        title: p.title,
        department: p.department,
        email: p.email,
        phone: p.phone,
        ourOwner: p.ourOwner,
        notes: p.notes,
        x: p.x,
        y: p.y,
      })),
    lines: readRows('lines', lines)
      .filter((l) => !l.deleted)
      .map((l) => ({ id: l.id, accountId: l.accountId, from: l.from, to: l.to, kind: l.kind })),
  };
}

/**
 * Rows per bulk write: each chunk's IndexedDB request hands the event loop back inside the one
 * transaction. IndexedDB copies every row on the main thread (an account with its stamps is ~2.4 KB),
 * so 500 rows keep each task near 1 MB (the benchmark measured 270 ms tasks at 2,000 accounts).
 */
const CHUNK = 500;

async function insertChunked<T extends object>(w: Writer, table: SyncedTable, rows: readonly T[], ids: readonly string[]): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) await w.insertMany(table, rows.slice(at, at + CHUNK), ids.slice(at, at + CHUNK));
}

export interface AppliedImport {
  readonly accounts: { readonly created: number; readonly updated: number };
  readonly people: { readonly created: number; readonly updated: number };
  readonly lines: { readonly created: number };
}

/**
 * Writes a CSV plan as ONE intent (one transaction: a failure at any row leaves the database as
 * it was; Undo takes the whole import back). Every row passes the table rules in the Writer, the
 * same as a typed edit. New people get the positions the plan placed them at.
 */
export async function applyImport(
  ws: Workspace,
  plan: ImportPlan,
  positions: ReadonlyMap<string, Position>,
): Promise<{ applied: AppliedImport; intent: Intent }> {
  const { result, intent } = await runIntent(ws, 'csvImport', async (w) => {
    const accounts = plan.accounts.create.map((c): AccountFields => ({
      ...defaultAccountFields({ ...c.fields, tags: [...(c.fields.tags ?? [])] }),
      sourceKey: c.sourceKey ?? '',
    }));
    await insertChunked(
      w,
      'accounts',
      accounts,
      plan.accounts.create.map((c) => c.id),
    );
    let accountsUpdated = 0;
    for (const u of plan.accounts.update) {
      const { tags, ...rest } = u.patch;
      const patch: Partial<AccountFields> = { ...rest, ...(tags ? { tags: [...tags] } : {}) };
      if (u.setSourceKey) patch.sourceKey = u.setSourceKey;
      if (await w.update<AccountFields>('accounts', u.id, patch)) accountsUpdated++;
    }
    const people = plan.people.create.map((c): PersonFields => {
      const at = positions.get(c.id) ?? { x: 0, y: 0 };
      return { ...defaultPersonFields(c.accountId, c.fields), sourceKey: c.sourceKey ?? '', x: at.x, y: at.y };
    });
    await insertChunked(
      w,
      'people',
      people,
      plan.people.create.map((c) => c.id),
    );
    let peopleUpdated = 0;
    for (const u of plan.people.update) {
      const patch: Partial<PersonFields> = { ...u.patch };
      if (u.setSourceKey) patch.sourceKey = u.setSourceKey;
      if (await w.update<PersonFields>('people', u.id, patch)) peopleUpdated++;
    }
    const lines = plan.lines.create.map((l): LineFields => ({ accountId: l.accountId, from: l.from, to: l.to, kind: l.kind }));
    await insertChunked(
      w,
      'lines',
      lines,
      plan.lines.create.map((l) => l.id),
    );
    return {
      accounts: { created: accounts.length, updated: accountsUpdated },
      people: { created: people.length, updated: peopleUpdated },
      lines: { created: lines.length },
    };
  });
  return { applied: result, intent };
}

/** Keeps the history of imports on this device (newest first on the Sync & backups page). */
export async function recordImport(db: WaypointDB, row: ImportRow): Promise<void> {
  await db.imports.put(row);
}

export async function listImports(db: WaypointDB, limit = 50): Promise<ImportRow[]> {
  return db.imports.orderBy('at').reverse().limit(limit).toArray();
}
