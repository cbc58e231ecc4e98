import { describe, expect, it, vi } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import { isOverdue } from '@shared/domain/plan';
import { sampleWorkspaceSchema } from '@shared/domain/sample';
import sampleData from '../../../assets/sample-workspace.json';
import { CLUB_PROGRAM_ID } from '@shared/domain/club';
import { quarterOf } from '@shared/domain/quarter';
import { ROADMAP_SETTINGS_ID } from '@shared/domain/roadmap';
import { createAccount } from './accounts';
import { addMember, updateProgram } from './club';
import { setCapacity, updateRoadmapSettings } from './roadmap';
import { loadSampleWorkspace, previewSampleWorkspace } from './sample';
import { nameKey } from './samplePlan';
import { SYNCED_TABLES } from './schema';
import { replayIntent, type Workspace } from './workspace';
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
  requests:
    sampleData.roadmap.items.reduce((n, i) => n + i.requests.length, 0) +
    sampleData.club.retreats.reduce((n, r) => n + r.requests.length, 0),
  quotes: sampleData.roadmap.quotes.length,
  capacity: sampleData.roadmap.capacity.length,
  settings: 2,
  members: sampleData.club.members.length,
  offers: sampleData.club.offers.length,
  retreats: sampleData.club.retreats.length,
  sessions: sampleData.club.retreats.reduce((n, r) => n + r.sessions.length, 0),
  attendees: sampleData.club.retreats.reduce((n, r) => n + r.attendees.length, 0),
  // The sample has no conflicts to review.
  reviews: 0,
  segments: sampleData.segments.length,
  // The sample file (assets/sample-workspace.json) has no trade-off memos yet: schema v10 added their
  // four tables, and loading the sample writes no row to them.
  memos: 0,
  memoOptions: 0,
  memoViews: 0,
  memoExits: 0,
} satisfies Record<(typeof SYNCED_TABLES)[number], number>;

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
    for (const t of SYNCED_TABLES)
      for (const row of await ws.db.table<{ updatedAt: string }, string>(t).toArray()) stamps.add(row.updatedAt);
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
    for (const a of await ws.db.actions.toArray())
      byParent.set(`a:${a.objectiveId}`, [...(byParent.get(`a:${a.objectiveId}`) ?? []), a.sort]);
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

type LiveRow = { id: string; deleted: boolean } & Record<string, unknown>;
async function liveRows(ws: Workspace): Promise<Map<string, LiveRow[]>> {
  const out = new Map<string, LiveRow[]>();
  for (const t of SYNCED_TABLES)
    out.set(
      t,
      (await ws.db.table<LiveRow, string>(t).toArray()).filter((r) => !r.deleted).sort((a, b) => a.id.localeCompare(b.id)),
    );
  return out;
}
const seatCount = (members: LiveRow[]) => members.filter((m) => m.status === 'member' || m.status === 'invited').length;
const SEAT_MEMBERS = sampleData.club.members.filter((m) => m.status === 'member' || m.status === 'invited').length;

describe('loadSampleWorkspace beside existing data', () => {
  it('loaded twice: one program, the seat cap kept, distinct names, no duplicate capacity rows', async () => {
    const ws = await freshWorkspace();
    await loadSampleWorkspace(ws, TODAY);
    await loadSampleWorkspace(ws, TODAY);
    const rows = await liveRows(ws);
    expect(
      rows
        .get('settings')!
        .map((r) => r.id)
        .sort(),
    ).toEqual(['club', 'roadmap']);
    expect(rows.get('capacity')).toHaveLength(expected.capacity);
    const cap = sampleData.club.program.seatCap;
    const members = rows.get('members')!;
    expect(members).toHaveLength(2 * expected.members);
    expect(seatCount(members)).toBe(cap);
    // The second load's seat members beyond the free seats joined as candidates, without a date.
    const demoted = 2 * SEAT_MEMBERS - cap;
    expect(demoted).toBeGreaterThan(0);
    expect(members.filter((m) => m.status === 'candidate')).toHaveLength(2 * (expected.members - SEAT_MEMBERS) + demoted);
    expect(members.filter((m) => m.status === 'candidate').every((m) => m.since === null)).toBe(true);
    const names = rows.get('accounts')!.map((a) => String(a.name));
    expect(names).toHaveLength(24);
    expect(new Set(names.map(nameKey)).size).toBe(24);
    expect(names).toContain('Nordhavn Shipping A/S');
    expect(names).toContain('Nordhavn Shipping A/S (sample)');
    const titles = rows.get('roadmapItems')!.map((i) => String(i.title));
    expect(new Set(titles.map(nameKey)).size).toBe(titles.length);
    const retreats = rows.get('retreats')!.map((r) => String(r.title));
    expect(new Set(retreats.map(nameKey)).size).toBe(retreats.length);
  });

  it("keeps the user's own club program, roadmap settings and capacity, and fits the roster under their cap", async () => {
    const ws = await freshWorkspace();
    const { account } = await createAccount(ws, { name: ' nordhavn  shipping a/s ' });
    await updateProgram(ws, { name: 'Gold circle', seatCap: 3 });
    await addMember(ws, { accountId: account.id, status: 'member' });
    await updateRoadmapSettings(ws, { currency: 'USD', hoursPerMonth: 150 });
    const quarter = quarterOf(TODAY);
    await setCapacity(ws, quarter, 7);
    const preview = await previewSampleWorkspace(ws, TODAY);
    await loadSampleWorkspace(ws, TODAY, { rename: (name, n) => `${name} [demo ${n}]` });

    const program = await ws.db.settings.get(CLUB_PROGRAM_ID);
    expect(program).toMatchObject({ name: 'Gold circle', seatCap: 3, deleted: false });
    expect(await ws.db.settings.get(ROADMAP_SETTINGS_ID)).toMatchObject({ currency: 'USD', hoursPerMonth: 150, deleted: false });
    expect(await ws.db.capacity.get(quarter)).toMatchObject({ engineerMonths: 7 });
    const rows = await liveRows(ws);
    expect(seatCount(rows.get('members')!)).toBe(3);
    expect(rows.get('accounts')!.map((a) => a.name)).toContain('Nordhavn Shipping A/S [demo 1]');
    // What the dialog said is what happened.
    expect(preview).toMatchObject({
      yourAccounts: 1,
      renamed: 1,
      writeProgram: false,
      writeSettings: false,
      seatCap: 3,
      seatsFree: 2,
      asCandidates: SEAT_MEMBERS - 2,
      programName: 'Gold circle',
    });
    expect(preview.capacityQuarters).not.toContain(quarter);
    expect(preview.capacityQuarters).toHaveLength(expected.capacity - 1);
  });

  it('undo of the second load removes only what it added', async () => {
    const ws = await freshWorkspace();
    await loadSampleWorkspace(ws, TODAY);
    const before = await liveRows(ws);
    const second = await loadSampleWorkspace(ws, TODAY);
    await replayIntent(ws, second, 'undo');
    expect(await liveRows(ws)).toEqual(before);
  });

  it('load, undo, load: the one-of-a-kind rows come back from their tombstones', async () => {
    const ws = await freshWorkspace();
    await replayIntent(ws, await loadSampleWorkspace(ws, TODAY), 'undo');
    const again = await loadSampleWorkspace(ws, TODAY);
    const rows = await liveRows(ws);
    for (const t of SYNCED_TABLES) expect(rows.get(t)).toHaveLength(expected[t]);
    expect(await ws.db.settings.get(CLUB_PROGRAM_ID)).toMatchObject({ seatCap: sampleData.club.program.seatCap, deleted: false });
    await replayIntent(ws, again, 'undo');
    for (const rows of (await liveRows(ws)).values()) expect(rows).toEqual([]);
  });
});
