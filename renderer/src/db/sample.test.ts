import { describe, expect, it, vi } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { isOverdue } from '@shared/domain/plan';
import { sampleWorkspaceSchema } from '@shared/domain/sample';
import sampleData from '../../../assets/sample-workspace.json';
import { loadSampleWorkspace } from './sample';
import { SYNCED_TABLES } from './schema';
import { replayIntent } from './workspace';
import { freshWorkspaces } from './testing';

const TODAY = asIsoDate('2025-06-15');
const freshWorkspace = freshWorkspaces();

const raw = sampleWorkspaceSchema.parse(sampleData);
const expected = {
  accounts: 12,
  plans: raw.plans.length,
  objectives: raw.plans.reduce((n, p) => n + p.objectives.length, 0),
  actions: raw.plans.reduce((n, p) => n + p.objectives.reduce((k, o) => k + o.actions.length, 0), 0),
  risks: raw.plans.reduce((n, p) => n + p.risks.length, 0),
  people: raw.people.length,
  // reports-to lines come from each person's manager; the other kinds are listed.
  lines: raw.people.filter((p) => p.manager !== null).length + raw.lines.length,
  contacts: raw.contacts.length,
  roadmapItems: sampleData.roadmap.items.length,
  requests: sampleData.roadmap.items.reduce((n, i) => n + i.requests.length, 0) + sampleData.club.retreats.reduce((n, r) => n + r.requests.length, 0),
  quotes: sampleData.roadmap.quotes.length,
  capacity: sampleData.roadmap.capacity.length,
  settings: 2,
  members: sampleData.club.members.length,
  offers: sampleData.club.offers.length,
  retreats: sampleData.club.retreats.length,
  sessions: sampleData.club.retreats.reduce((n, r) => n + r.sessions.length, 0),
  attendees: sampleData.club.retreats.reduce((n, r) => n + r.attendees.length, 0),
};

describe('loadSampleWorkspace', () => {
  it('writes 12 accounts with their plans, objectives, actions and risks in one transaction', async () => {
    const ws = await freshWorkspace();
    const spy = vi.spyOn(ws.db, 'transaction');
    const intent = await loadSampleWorkspace(ws, TODAY);
    expect(spy).toHaveBeenCalledTimes(1);
    for (const t of SYNCED_TABLES) expect(await ws.db.table(t).count()).toBe(expected[t]);
    expect(expected.plans).toBeGreaterThan(0);
    expect(intent.label).toBe('loadSample');
    expect(intent.changes).toHaveLength(Object.values(expected).reduce((a, b) => a + b, 0));
  });

  it('is all or nothing: a failure at the very last write leaves nothing behind', async () => {
    const ws = await freshWorkspace();
    // Settings and capacity rows have natural ids (no UUID); every other row takes one.
    const total = Object.values(expected).reduce((a, b) => a + b, 0) - expected.settings - expected.capacity;
    const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as const;
    // Whatever table the sample writes last, a row there already holds the id that write will get.
    const blocker = { id: idFor(total), stamps: {}, updatedAt: ws.clock.now(), deleted: false };
    for (const t of SYNCED_TABLES) await ws.db.table(t).add(blocker);
    let n = 0;
    vi.spyOn(crypto, 'randomUUID').mockImplementation(() => idFor(++n));
    await expect(loadSampleWorkspace(ws, TODAY)).rejects.toThrow();
    expect(n).toBe(total);
    for (const t of SYNCED_TABLES) expect(await ws.db.table(t).toArray()).toEqual([blocker]);
  });

  it('stamps everything with the one stamp of the intent', async () => {
    const ws = await freshWorkspace();
    await loadSampleWorkspace(ws, TODAY);
    const stamps = new Set<string>();
    for (const t of SYNCED_TABLES) for (const row of await ws.db.table<{ updatedAt: string }, string>(t).toArray()) stamps.add(row.updatedAt);
    expect(stamps.size).toBe(1);
  });

  it('links every row to a real parent and dates actions relative to today', async () => {
    const ws = await freshWorkspace();
    await loadSampleWorkspace(ws, TODAY);
    const accounts = new Map((await ws.db.accounts.toArray()).map((a) => [a.id, a]));
    const plans = await ws.db.plans.toArray();
    const objectives = new Map((await ws.db.objectives.toArray()).map((o) => [o.id, o]));
    for (const p of plans) expect(accounts.has(p.accountId)).toBe(true);
    const planIds = new Set(plans.map((p) => p.id));
    const actions = await ws.db.actions.toArray();
    for (const a of actions) {
      expect(planIds.has(a.planId)).toBe(true);
      expect(objectives.get(a.objectiveId)?.planId).toBe(a.planId);
    }
    for (const r of await ws.db.risks.toArray()) expect(planIds.has(r.planId)).toBe(true);
    expect(actions.filter((a) => isOverdue(a, TODAY)).length).toBeGreaterThanOrEqual(1);
    const nordhavn = [...accounts.values()].find((a) => a.name === 'Nordhavn Shipping A/S');
    expect(nordhavn?.renewalDate).toBe('2025-11-02'); // today + 140 days
    expect(plans.filter((p) => p.accountId === nordhavn?.id).map((p) => p.periodStart)).toEqual(['2025-05-16']);
  });

  it('numbers objectives, actions and risks 1, 2, 3 … within their parent', async () => {
    const ws = await freshWorkspace();
    await loadSampleWorkspace(ws, TODAY);
    const byParent = new Map<string, number[]>();
    for (const o of await ws.db.objectives.toArray()) byParent.set(`o:${o.planId}`, [...(byParent.get(`o:${o.planId}`) ?? []), o.sort]);
    for (const a of await ws.db.actions.toArray()) byParent.set(`a:${a.objectiveId}`, [...(byParent.get(`a:${a.objectiveId}`) ?? []), a.sort]);
    for (const sorts of byParent.values()) expect([...sorts].sort((x, y) => x - y)).toEqual(sorts.map((_, i) => i + 1));
  });

  it('undo removes the whole sample as tombstones', async () => {
    const ws = await freshWorkspace();
    const intent = await loadSampleWorkspace(ws, TODAY);
    await replayIntent(ws, intent, 'undo');
    for (const t of SYNCED_TABLES) {
      const rows = await ws.db.table<{ deleted: boolean }, string>(t).toArray();
      expect(rows).toHaveLength(expected[t]);
      expect(rows.every((r) => r.deleted)).toBe(true);
    }
  });
});
