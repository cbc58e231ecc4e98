// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { asMinor } from '@shared/domain/money';
import { accountRoadmapFacts } from '@shared/domain/roadmapView';
import { createAccount, deleteAccount, updateAccount } from '../../../db/accounts';
import { quoteWithStatus, setup } from '../../../db/quotes.fixtures';
import { addRequest } from '../../../db/roadmap';
import { freshWorkspaces } from '../../../db/testing';
import type { Workspace } from '../../../db/workspace';
import { useRoadmapData, type RoadmapAccounts, type RoadmapRows } from './useRoadmapData';
import { workspaceMounts } from '../../../db/mounting';
import { until } from '../../../lib/testing';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const fresh = freshWorkspaces();
const { mount, unmountAll } = workspaceMounts();

/** The hook's latest result, as a component using it sees it. */
function watch(ws: Workspace, accounts: RoadmapAccounts): { readonly current: RoadmapRows | undefined; readonly runs: number } {
  const seen = { current: undefined as RoadmapRows | undefined, runs: 0 };
  function Probe() {
    const data = useRoadmapData(accounts);
    if (data !== seen.current) {
      seen.current = data;
      if (data) seen.runs++;
    }
    return null;
  }
  mount(ws, <Probe />);
  return seen;
}

describe('useRoadmapData', () => {
  it("'referenced' brings only the accounts requests and quotes name, with the same figures as 'all'", async () => {
    const ws = await fresh();
    const { item, acme, globex, fields } = await setup(ws);
    const { account: requester } = await createAccount(ws, { name: 'Initech' });
    const { account: bystander } = await createAccount(ws, { name: 'Umbrella' });
    await addRequest(ws, { itemId: item.id, accountId: requester.id, importance: 'critical', note: '' });
    await quoteWithStatus(ws, fields(), 'accepted');

    const all = watch(ws, 'all');
    await until(() => expect(all.current).toBeDefined());
    const full = all.current!;
    unmountAll();
    const some = watch(ws, 'referenced');
    await until(() => expect(some.current).toBeDefined());
    const referenced = some.current!;

    expect([...full.accounts.keys()].sort()).toEqual([acme.id, globex.id, requester.id, bystander.id].sort());
    expect([...referenced.accounts.keys()].sort()).toEqual([acme.id, globex.id, requester.id].sort());
    expect(referenced.requests).toEqual(full.requests);
    expect(referenced.quotes).toEqual(full.quotes);
    for (const a of [acme, globex, requester, bystander])
      expect(accountRoadmapFacts(referenced, a.id)).toEqual(accountRoadmapFacts(full, a.id));
    expect(accountRoadmapFacts(referenced, acme.id).committedItems).toEqual(['SSO']);

    // An edit of an account the roadmap does not name does not rerun it; a named one does.
    const runs = some.runs;
    await updateAccount(ws, bystander.id, { owner: 'Someone else' });
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(some.runs).toBe(runs);
    await updateAccount(ws, acme.id, { arr: asMinor(12_345_600) });
    await until(() => expect(some.current!.accounts.get(acme.id)?.arr).toBe(12_345_600));

    // A deleted requester takes its request with it, as with every account read.
    await deleteAccount(ws, requester.id);
    await until(() => expect(some.current!.accounts.has(requester.id)).toBe(false));
    expect(some.current!.requests.some((r) => r.accountId === requester.id)).toBe(false);
  });
});
