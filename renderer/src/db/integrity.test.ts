import { describe, expect, it } from 'vitest';
import { asIsoDate } from '@shared/domain/dates';
import type { IntegrityFinding } from '@shared/domain/integrity';
import { createAccount } from './accounts';
import { addMember, updateProgram } from './club';
import { listIntegrityIssues, repairIntegrityIssue } from './integrity';
import { changeLineKind, createLine, createPerson } from './people';
import { getQuote, Q1, Q2, Q3, quoteWithStatus, setup } from './quotes.fixtures';
import { setQuoteStatus, updateQuote } from './quotes';
import { loadSampleWorkspace } from './sample';
import { changesFor, dumpSynced, everything, freshDevices, testClock, type Device } from './sync/testing';
import { importBytes } from './sync/service';
import { expectStamped, freshWorkspaces } from './testing';
import { replayIntent } from './workspace';

const device = freshDevices();
const fresh = freshWorkspaces();

/** A and B with the same data, each having seen the other's file: from here on both edit offline. */
async function pair(seed: (d: Device) => Promise<void>) {
  const wall = testClock();
  const a = await device('Laptop', wall);
  const b = await device('Hotel', wall);
  await seed(a);
  await importBytes(b, await everything(a), null);
  await importBytes(a, await changesFor(b, [a]), null);
  wall.tick();
  return { wall, a, b };
}

/** Each device imports the other's changes file. */
async function exchange(a: Device, b: Device): Promise<void> {
  const fromA = await changesFor(a, [b]);
  const fromB = await changesFor(b, [a]);
  await importBytes(b, fromA, null);
  await importBytes(a, fromB, null);
}

const kinds = async (d: Device) => (await listIntegrityIssues(d.ws)).map((f) => f.kind);

/** Repairs what can be repaired in one click, one finding at a time, as a user would. */
async function repairAll(d: Device): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const next = (await listIntegrityIssues(d.ws))[0];
    if (!next) return;
    expect(await repairIntegrityIssue(d.ws, next)).not.toBeNull();
  }
  throw new Error('repairs did not converge');
}

/** After the repair on one device and another exchange, neither device finds anything and both hold the same rows. */
async function expectSettled(a: Device, b: Device): Promise<void> {
  await exchange(a, b);
  expect(await listIntegrityIssues(a.ws)).toEqual([]);
  expect(await listIntegrityIssues(b.ws)).toEqual([]);
  expect(await dumpSynced(a.ws)).toEqual(await dumpSynced(b.ws));
}

describe('merge-broken rules between two devices', () => {
  it('A: X reports to Y, B: Y reports to X and X to Z → a loop and two managers on both; repaired on A, gone on both', async () => {
    const ids: Record<string, string> = {};
    const { wall, a, b } = await pair(async (d) => {
      const { account } = await createAccount(d.ws, { name: 'Nordlys Energi' });
      ids.account = account.id;
      for (const name of ['Ada Lovelace', 'Grace Hopper', 'Linus Pauling'])
        ids[name] = (await createPerson(d.ws, account.id, { name })).person.id;
    });
    const [x, y, z] = [ids['Ada Lovelace']!, ids['Grace Hopper']!, ids['Linus Pauling']!];
    await createLine(a.ws, ids.account!, x, y, 'reportsTo');
    wall.tick();
    await createLine(b.ws, ids.account!, y, x, 'reportsTo');
    await createLine(b.ws, ids.account!, x, z, 'reportsTo');
    await exchange(a, b);
    for (const d of [a, b]) expect(await kinds(d)).toEqual(['reportingLoop', 'twoManagers']);
    const loop = (await listIntegrityIssues(b.ws))[0] as Extract<IntegrityFinding, { kind: 'reportingLoop' }>;
    expect(loop.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(loop).toMatchObject({ accountName: 'Nordlys Energi', accountIds: [ids.account] });

    await repairAll(a);
    const lines = (await a.ws.db.lines.toArray()).filter((l) => !l.deleted).map((l) => [l.from, l.to, l.kind]);
    // The loop lost B's newer line; of X's two managers the older line (A's, to Y) stays.
    expect(lines).toEqual(
      expect.arrayContaining([
        [x, y, 'reportsTo'],
        [y, x, 'dotted'],
        [x, z, 'dotted'],
      ]),
    );
    expect(lines).toHaveLength(3);
    await expectSettled(a, b);
  });

  it('each device invites onto the last seat and adds the same account → 4 of 3 seats and a double entry; repaired on A', async () => {
    const acc: Record<string, string> = {};
    const { wall, a, b } = await pair(async (d) => {
      await updateProgram(d.ws, { seatCap: 3 });
      for (const name of ['Mare', 'Pine', 'Quill', 'Reed']) acc[name] = (await createAccount(d.ws, { name })).account.id;
      await addMember(d.ws, { accountId: acc.Mare!, status: 'member', since: asIsoDate('2025-01-01') });
    });
    await addMember(a.ws, { accountId: acc.Pine!, status: 'invited' });
    await addMember(a.ws, { accountId: acc.Reed!, status: 'candidate' });
    wall.tick();
    await addMember(b.ws, { accountId: acc.Quill!, status: 'invited' });
    await addMember(b.ws, { accountId: acc.Reed!, status: 'invited' });
    await exchange(a, b);
    for (const d of [a, b]) {
      const found = await listIntegrityIssues(d.ws);
      expect(found.map((f) => f.kind)).toEqual(['duplicateMember', 'seatsOverCap']);
      expect(found[1]).toMatchObject({ used: 4, cap: 3 });
    }
    await repairAll(a);
    const roster = (await a.ws.db.members.toArray()).filter((m) => !m.deleted).map((m) => [m.accountId, m.status]);
    // Reed keeps its invitation (more advanced than candidate) but, invited last, gives the seat back.
    expect(roster.sort()).toEqual(
      [
        [acc.Mare, 'member'],
        [acc.Pine, 'invited'],
        [acc.Quill, 'invited'],
        [acc.Reed, 'candidate'],
      ].sort(),
    );
    await expectSettled(a, b);
  });

  it('each device accepts a different quote for one item → two accepted; repaired on B, the first accepted holds the item on both', async () => {
    const ids: Record<string, string> = {};
    const { wall, a, b } = await pair(async (d) => {
      const { item, fields } = await setup(d.ws);
      ids.item = item.id;
      ids.toQ1 = (await quoteWithStatus(d.ws, fields({ name: 'To Q1', targetQuarter: Q1 }), 'sent')).id;
      ids.toQ2 = (await quoteWithStatus(d.ws, fields({ name: 'To Q2', targetQuarter: Q2 }), 'sent')).id;
    });
    await setQuoteStatus(a.ws, ids.toQ1!, 'accepted');
    wall.tick();
    await setQuoteStatus(b.ws, ids.toQ2!, 'accepted');
    await exchange(a, b);
    for (const d of [a, b]) expect(await kinds(d)).toEqual(['twoAcceptedQuotes']);
    // The merge let B's later move of the item win: it sits where the second acceptance put it.
    expect((await a.ws.db.roadmapItems.get(ids.item!))?.plannedQuarter).toBe(Q2);

    await repairAll(b);
    expect((await getQuote(b.ws, ids.toQ1!)).status).toBe('accepted');
    expect((await getQuote(b.ws, ids.toQ2!)).status).toBe('sent');
    await expectSettled(a, b);
    for (const d of [a, b]) expect(await d.ws.db.roadmapItems.get(ids.item!)).toMatchObject({ plannedQuarter: Q1, acceleratedFrom: Q3 });
  });

  it('A makes a sent quote custom, B changes its shares under the equal split → shares of 80 %, fixed by hand', async () => {
    const ids: Record<string, string> = {};
    const { wall, a, b } = await pair(async (d) => {
      const { fields, acme, globex } = await setup(d.ws);
      ids.acme = acme.id;
      ids.globex = globex.id;
      ids.quote = (await quoteWithStatus(d.ws, fields(), 'sent')).id;
    });
    await updateQuote(a.ws, ids.quote!, { split: 'custom' });
    wall.tick();
    await updateQuote(b.ws, ids.quote!, {
      funders: [
        { accountId: ids.acme!, shareBp: 7_000 },
        { accountId: ids.globex!, shareBp: 1_000 },
      ],
    });
    await exchange(a, b);
    for (const d of [a, b])
      expect(await listIntegrityIssues(d.ws)).toMatchObject([{ kind: 'sharesNot100', totalBp: 8_000, quote: { id: ids.quote } }]);
    // No one-click repair: the finding is a link, and asking for a repair writes nothing.
    expect(await repairIntegrityIssue(a.ws, (await listIntegrityIssues(a.ws))[0]!)).toBeNull();
    await updateQuote(a.ws, ids.quote!, {
      funders: [
        { accountId: ids.acme!, shareBp: 7_000 },
        { accountId: ids.globex!, shareBp: 3_000 },
      ],
    });
    await expectSettled(a, b);
  });
});

describe('repairIntegrityIssue', () => {
  async function loop() {
    const ws = await fresh();
    const { account } = await createAccount(ws, { name: 'Nordlys Energi' });
    const x = (await createPerson(ws, account.id, { name: 'X' })).person.id;
    const y = (await createPerson(ws, account.id, { name: 'Y' })).person.id;
    await createLine(ws, account.id, x, y, 'dotted');
    const { line } = await createLine(ws, account.id, y, x, 'reportsTo');
    // A file could carry this; locally the repository would refuse it, so write the merged state directly.
    const dotted = (await ws.db.lines.filter((l) => l.kind === 'dotted').first())!;
    await ws.db.lines.put({ ...dotted, kind: 'reportsTo' });
    return { ws, line, finding: (await listIntegrityIssues(ws))[0]! };
  }

  it('is one stamped intent, and undo brings the finding back', async () => {
    const { ws, finding } = await loop();
    expect(finding.kind).toBe('reportingLoop');
    const intent = (await repairIntegrityIssue(ws, finding))!;
    expect(intent.label).toBe('repairIntegrity');
    await expectStamped(ws, intent);
    expect(await listIntegrityIssues(ws)).toEqual([]);
    await replayIntent(ws, intent, 'undo');
    expect((await listIntegrityIssues(ws)).map((f) => f.key)).toEqual([finding.key]);
  });

  it('does nothing when the finding was fixed meanwhile', async () => {
    const { ws, line, finding } = await loop();
    await changeLineKind(ws, line.id, 'influences');
    const before = await dumpSynced(ws);
    expect(await repairIntegrityIssue(ws, finding)).toBeNull();
    expect(await dumpSynced(ws)).toEqual(before);
  });

  it('finds nothing in the sample workspace', async () => {
    const ws = await fresh();
    await loadSampleWorkspace(ws, asIsoDate('2026-03-02'));
    expect(await listIntegrityIssues(ws)).toEqual([]);
  });
});
