import { defaultAccountFields, invalidAccountFields, type AccountFields } from '@shared/domain/account';
import type { AccountRow, PlanRow } from './database';
import { removePlanTree } from './plans';
import { removeAccountMap } from './people';
import { removeAccountRequests } from './roadmap';
import { removeAccountClub } from './club';
import { runIntent, type Intent, type Workspace } from './workspace';
import { RefusedError } from './refused';

export type AccountPatch = Partial<AccountFields>;

/** Thrown before anything is written when fields break the account rules: a refusal with its sentence. */
export class InvalidAccountError extends RefusedError {
  constructor(readonly fields: readonly string[]) {
    super('errors.invalidFields', { table: 'accounts', fields: fields.join(', ') });
    this.name = 'InvalidAccountError';
  }
}

/** Checks every field against the account rules (names are trimmed first) before anything is written. */
function checked<T extends Partial<AccountFields>>(fields: T): T {
  const normal = typeof fields.name === 'string' ? { ...fields, name: fields.name.trim() } : fields;
  const bad = invalidAccountFields(normal);
  if (bad.length > 0) throw new InvalidAccountError(bad);
  return normal;
}

/** Accounts repository: every write is one transaction and returns its intent for undo. */
export async function createAccount(ws: Workspace, fields: Partial<AccountFields>): Promise<{ account: AccountRow; intent: Intent }> {
  const full = checked(defaultAccountFields(fields));
  const { result, intent } = await runIntent(ws, 'createAccount', (w) => w.insert<AccountFields>('accounts', full));
  return { account: result, intent };
}

/** Saves edited fields; the patch is validated field by field at this boundary. */
export async function updateAccount(ws: Workspace, id: string, patch: AccountPatch): Promise<Intent | null> {
  const valid = checked(patch);
  const { result, intent } = await runIntent(ws, 'editAccount', (w) => w.update<AccountFields>('accounts', id, valid));
  return result ? intent : null;
}

/** Tombstones the account and everything in its plans, in one transaction (undo restores all). */
export async function deleteAccount(ws: Workspace, id: string): Promise<Intent> {
  const { intent } = await runIntent(ws, 'deleteAccount', async (w) => {
    const plans = await w.table<PlanRow>('plans').where('accountId').equals(id).toArray();
    for (const p of plans.filter((x) => !x.deleted)) await removePlanTree(w, p.id);
    await removeAccountMap(w, id);
    await removeAccountRequests(w, id);
    await removeAccountClub(w, id);
    await w.remove('accounts', id);
  });
  return intent;
}

/** Many accounts in one transaction (sample workspace, benchmarks, imports later). */
export async function createAccounts(
  ws: Workspace,
  list: ReadonlyArray<Partial<AccountFields>>,
): Promise<{ accounts: AccountRow[]; intent: Intent }> {
  const full = list.map((f) => checked(defaultAccountFields(f)));
  const { result, intent } = await runIntent(ws, 'createAccounts', (w) => w.insertMany<AccountFields>('accounts', full));
  return { accounts: result, intent };
}
