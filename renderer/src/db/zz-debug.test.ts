import { it } from 'vitest';
import { WaypointDB } from './database';
import { createAccount, deleteAccount } from './accounts';
import { addObjective, addRisk, createPlan, deletePlan } from './plans';
import { openWorkspace } from './workspace';
it('dbg', async () => {
  const ws = await openWorkspace(new WaypointDB('dbg-' + crypto.randomUUID()));
  const { account } = await createAccount(ws, { name: 'A' });
  const { plan } = await createPlan(ws, account.id, { title: 'P' });
  if (process.env.O) await addObjective(ws, plan.id, 'O');
  await addRisk(ws, plan.id, 'r');
  try { const i = process.env.ACC ? await deleteAccount(ws, account.id) : await deletePlan(ws, plan.id); console.log('ok', i.changes.length); } catch (e) { const x = e as Error & { inner?: unknown }; console.log('ERR', x.name, x.message, String(x.inner)); }
});
