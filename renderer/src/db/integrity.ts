import type { Table } from 'dexie';
import { CLUB_PROGRAM_ID } from '@shared/domain/club';
import { findIntegrityIssues, repairFor, type IntegrityFinding, type IntegrityInput } from '@shared/domain/integrity';
import type { SyncedTable } from './schema';
import { runIntent, type Intent, type Workspace } from './workspace';

type TableOf = (name: SyncedTable) => Table<object, string>;

const field = (row: unknown, key: string): unknown =>
  typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[key] : undefined;
const keys = (values: Iterable<unknown>): string[] => [
  ...new Set([...values].filter((v): v is string => typeof v === 'string' && v !== '')),
];
const present = (rows: ReadonlyArray<object | undefined>): object[] => rows.filter((r): r is object => r !== undefined);

/**
 * What the rules look at: lines, the roster and quotes whole; people, accounts and items only
 * where a rule can name them, so a live query over 10,000 accounts does not re-read them all.
 */
async function readInput(table: TableOf): Promise<IntegrityInput> {
  const [lines, members, quotes, clubProgram] = await Promise.all([
    table('lines').toArray(),
    table('members').toArray(),
    table('quotes').toArray(),
    table('settings').get(CLUB_PROGRAM_ID),
  ]);
  const reporting = lines.filter((l) => field(l, 'kind') === 'reportsTo' && !field(l, 'deleted'));
  const people = present(await table('people').bulkGet(keys(reporting.flatMap((l) => [field(l, 'from'), field(l, 'to')]))));
  const accounts = present(await table('accounts').bulkGet(keys([...people, ...members].map((r) => field(r, 'accountId')))));
  const roadmapItems = present(
    await table('roadmapItems').bulkGet(keys(quotes.filter((q) => field(q, 'status') !== 'draft').map((q) => field(q, 'itemId')))),
  );
  return { lines, members, quotes, clubProgram, people, accounts, roadmapItems };
}

/** Every merge-broken rule in the workspace now (a live query re-runs it after every import and edit). */
export async function listIntegrityIssues(ws: Workspace): Promise<IntegrityFinding[]> {
  return findIntegrityIssues(await readInput((name) => ws.db.table<object, string>(name)));
}

/**
 * Repairs one finding as one intent (undoable, synced like any edit). The finding is found again
 * inside the transaction by its key and repaired as it is now; when it no longer holds (fixed by
 * hand, or by a file merged meanwhile) nothing is written and the result is null.
 */
export async function repairIntegrityIssue(ws: Workspace, finding: Pick<IntegrityFinding, 'key'>): Promise<Intent | null> {
  const { result, intent } = await runIntent(ws, 'repairIntegrity', async (w) => {
    const current = findIntegrityIssues(await readInput((name) => w.table<object>(name))).find((f) => f.key === finding.key);
    const plan = current ? repairFor(current) : null;
    if (!plan || plan.kind !== 'auto') return false;
    for (const step of plan.steps) await w.update<Record<string, unknown>>(step.table, step.id, { ...step.patch });
    return plan.steps.length > 0;
  });
  return result ? intent : null;
}
