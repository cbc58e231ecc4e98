import { describe, expect, it } from 'vitest';
import { newQuoteFields } from '@shared/domain/acceleration';
import { defaultOptions, type OfferFields } from '@shared/domain/club';
import { asIsoDate } from '@shared/domain/dates';
import { asMinor, type Bp } from '@shared/domain/money';
import { asQuarter } from '@shared/domain/quarter';
import { ZERO_STAMP } from '@shared/sync/hlc';
import { createAccount, updateAccount } from '../accounts';
import { addMember } from '../club';
import { createOffer } from '../offers';
import { addContact, createLine, createPerson } from '../people';
import { addAction, addObjective, addRisk, createPlan, deletePlan } from '../plans';
import { createQuote } from '../quotes';
import { addRequest, createItem, setCapacity } from '../roadmap';
import { loadSampleWorkspace } from '../sample';
import type { Workspace } from '../workspace';
import { exportSyncFile } from './exportFile';
import { importBytes } from './service';
import { APP_VERSION, changesFor, decode, dumpSynced, everything, exportBytes, freshDevices, idsIn, testClock } from './testing';

const device = freshDevices();
const Q1 = asQuarter('2027-Q1');
const Q3 = asQuarter('2027-Q3');

const offerFields = (accountId: string): OfferFields => ({
  accountId,
  name: 'Renewal 2027',
  status: 'draft',
  currency: 'EUR',
  listPrice: asMinor(12_000_000),
  termYears: 3,
  askedDiscountBp: 1500 as Bp,
  clubCostPerYear: asMinor(800_000),
  options: defaultOptions(1500, { a: 'A', b: 'B', c: 'C' }),
  notes: '',
});

/** Everything an account can have, with the ids of its rows by table. */
async function fullAccount(ws: Workspace, name: string, items: { requested: string; alsoRequested?: string }) {
  const { account } = await createAccount(ws, { name });
  const { plan } = await createPlan(ws, account.id, { title: `${name} plan` });
  const { objective } = await addObjective(ws, plan.id, 'Grow');
  const { action } = await addAction(ws, plan.id, objective.id, { title: 'Call the CFO' });
  const { risk } = await addRisk(ws, plan.id, 'Champion leaves');
  const { plan: old } = await createPlan(ws, account.id, { title: 'Last year' });
  await deletePlan(ws, old.id);
  const { person: p1 } = await createPerson(ws, account.id, { name: `${name} CEO` });
  const { person: p2 } = await createPerson(ws, account.id, { name: `${name} CFO` });
  const { line } = await createLine(ws, account.id, p2.id, p1.id, 'reportsTo');
  const { contact } = await addContact(ws, {
    accountId: account.id,
    personId: p1.id,
    date: asIsoDate('2026-01-15'),
    channel: 'meeting',
    attendee: 'Anna',
    notes: '',
  });
  const { request } = await addRequest(ws, { itemId: items.requested, accountId: account.id, importance: 'critical', note: '' });
  const requests = [request.id];
  if (items.alsoRequested)
    requests.push(
      (await addRequest(ws, { itemId: items.alsoRequested, accountId: account.id, importance: 'important', note: '' })).request.id,
    );
  const { member } = await addMember(ws, { accountId: account.id });
  const { offer } = await createOffer(ws, offerFields(account.id));
  return {
    account,
    ids: {
      accounts: [account.id],
      plans: [plan.id, old.id],
      objectives: [objective.id],
      actions: [action.id],
      risks: [risk.id],
      people: [p1.id, p2.id],
      lines: [line.id],
      contacts: [contact.id],
      requests,
      members: [member.id],
      offers: [offer.id],
    } as Record<string, string[]>,
  };
}

const quoteFor = (itemId: string, name: string, funderIds: string[]) =>
  newQuoteFields({
    itemId,
    name,
    fromQuarter: Q3,
    targetQuarter: Q1,
    effortEm: 3,
    currency: 'EUR',
    hoursPerMonth: 160,
    staffing: 'hire',
    funderIds,
    minorPerMajor: 100,
  });

describe('exportSyncFile', () => {
  it('a changes file for a peer holds only what changed since that peer’s last file', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await createAccount(b.ws, { name: 'Only on B' });
    wall.tick();
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    // A peer A has never heard from gets everything.
    const first = await decode(await changesFor(a, [b]));
    expect(first.header.contents).toMatchObject({ kind: 'changes', since: ZERO_STAMP });
    expect(first.tables).toEqual((await decode(await everything(a))).tables);
    await importBytes(b, await everything(a), null);
    await importBytes(a, await changesFor(b, [a]), null);
    // Nothing changed since: an empty changes file.
    expect((await decode(await changesFor(a, [b]))).tables).toEqual({});

    wall.tick();
    const target = (await a.ws.db.accounts.orderBy('name').first())!;
    await updateAccount(a.ws, target.id, { owner: 'Anna' });
    const file = await exportSyncFile(a.ws, {
      scope: { kind: 'changes', peers: [b.device] },
      appVersion: APP_VERSION,
      deviceName: 'Laptop',
    });
    expect(file).toMatchObject({ kind: 'changes', rows: 1, accountName: null });
    expect(file.since).not.toBe(ZERO_STAMP);
    const decoded = await decode(file.bytes);
    expect(decoded.tables).toEqual({ accounts: [await a.ws.db.accounts.get(target.id)] });
    expect(decoded.header.contents).toMatchObject({ kind: 'changes', since: file.since, rows: 1, tables: { accounts: 1 } });
    expect(decoded.header.knowledge).toEqual({
      [a.device]: a.ws.clock.last(),
      [b.device]: (await a.ws.db.peers.get(b.device))!.knowledge[b.device],
    });
    // For several peers, what any of them may lack: a new peer means everything again.
    const c = await device('Desk', wall);
    await importBytes(a, await everything(c), null);
    expect((await decode(await changesFor(a, [b, c]))).header.contents.since).toBe(ZERO_STAMP);
    const r = await importBytes(b, file.bytes, null);
    expect(r).toMatchObject({ added: 0, updated: 1, deleted: 0, conflicts: 0, complete: true });
  });

  it('an account file holds the account with everything of its own, the quotes it funds and their items, and nothing of other accounts', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const { item: requested } = await createItem(a.ws, { title: 'SSO', plannedQuarter: Q3 });
    const { item: funded } = await createItem(a.ws, { title: 'Audit log', plannedQuarter: Q3, effortEm: 3 });
    const { item: theirs } = await createItem(a.ws, { title: 'Dark mode', plannedQuarter: Q3, effortEm: 3 });
    const { item: nobodys } = await createItem(a.ws, { title: 'Offline maps', plannedQuarter: Q3 });
    await setCapacity(a.ws, Q3, 12);
    const acme = await fullAccount(a.ws, 'Acme', { requested: requested.id, alsoRequested: nobodys.id });
    const globex = await fullAccount(a.ws, 'Globex', { requested: theirs.id });
    const { quote: shared } = await createQuote(a.ws, quoteFor(funded.id, 'Shared', [acme.account.id, globex.account.id]));
    await createQuote(a.ws, quoteFor(theirs.id, 'Globex alone', [globex.account.id]));

    const file = await exportSyncFile(a.ws, {
      scope: { kind: 'account', accountId: acme.account.id },
      appVersion: APP_VERSION,
      deviceName: 'Laptop',
    });
    expect(file).toMatchObject({ kind: 'account', since: ZERO_STAMP, accountName: 'Acme' });
    const decoded = await decode(file.bytes);
    expect(decoded.header.contents).toMatchObject({ kind: 'account', account: { id: acme.account.id, name: 'Acme' } });
    const expected: Record<string, string[]> = { ...acme.ids, quotes: [shared.id], roadmapItems: [requested.id, funded.id, nobodys.id] };
    expect(Object.keys(decoded.tables).sort()).toEqual(Object.keys(expected).sort());
    for (const [table, ids] of Object.entries(expected)) expect(idsIn(decoded, table), table).toEqual([...ids].sort());
    expect(file.rows).toBe(Object.values(expected).reduce((n, ids) => n + ids.length, 0));
    // The rows are the rows as stored.
    for (const [table, rows] of Object.entries(decoded.tables)) {
      for (const row of rows) expect(row, `${table} ${row.id}`).toEqual(await a.ws.db.table(table).get(row.id));
    }

    // A colleague imports it: the account's rows, no knowledge of A.
    const b = await device('Colleague', wall);
    const r = await importBytes(b, file.bytes, null);
    expect(r.complete).toBe(false);
    expect(await b.ws.db.accounts.toArray()).toEqual([await a.ws.db.accounts.get(acme.account.id)]);
    expect(await b.ws.db.capacity.count()).toBe(0);
  });

  it('an encrypted file round-trips with its passphrase and holds what the plain one does', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    const plain = await decode(await everything(a));
    const bytes = await exportBytes(a, { kind: 'everything' }, { passphrase: 'Fjällräven 7 tältet' });
    const locked = await decode(bytes, 'Fjällräven 7 tältet');
    expect(locked.header.encryption).toMatchObject({ cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256' });
    expect(plain.header.encryption).toBeNull();
    expect(locked.tables).toEqual(plain.tables);
    expect(locked.header.knowledge).toEqual(plain.header.knowledge);
    // The same passphrase typed in another Unicode normal form still opens it.
    expect((await decode(bytes, 'Fjällräven 7 tältet'.normalize('NFD'))).tables).toEqual(plain.tables);
    const b = await device('Hotel', wall);
    await importBytes(b, bytes, 'Fjällräven 7 tältet');
    expect(await dumpSynced(b.ws)).toEqual(await dumpSynced(a.ws));
  });
});

describe('changes files leave out what the peer has', () => {
  it('after B imported everything from A, B’s first changes file for A holds only B’s own edit', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await loadSampleWorkspace(a.ws, asIsoDate('2026-03-02'));
    await importBytes(b, await everything(a), null);
    wall.tick();
    const first = (await b.ws.db.accounts.orderBy('id').first())!;
    await updateAccount(b.ws, first.id, { owner: 'Bert' });
    const file = await decode(await changesFor(b, [a]));
    // A never heard of B (so `since` is the start), yet every row that holds only A's writes is left out.
    expect(file.header.contents.since).toBe(ZERO_STAMP);
    expect(Object.keys(file.tables)).toEqual(['accounts']);
    expect(idsIn(file, 'accounts')).toEqual([first.id]);
    expect(file.header.contents.assumed[a.ws.clock.device]).toBeDefined();
    const r = await importBytes(a, await changesFor(b, [a]), null);
    expect(r).toMatchObject({ added: 0, updated: 1, deleted: 0, conflicts: 0, complete: true });
    expect(await dumpSynced(a.ws)).toEqual(await dumpSynced(b.ws));
  });

  it('claims no knowledge from a file whose assumptions this device no longer meets (after a restore)', async () => {
    const wall = testClock();
    const a = await device('Laptop', wall);
    const b = await device('Hotel', wall);
    await createAccount(a.ws, { name: 'Nordwind' });
    const { account } = await createAccount(b.ws, { name: 'Only on B' });
    await importBytes(a, await everything(b), null);
    await importBytes(b, await everything(a), null);
    wall.tick();
    await updateAccount(b.ws, account.id, { owner: 'Bert' });
    const file = await changesFor(b, [a]);
    // A loses what it had of B (its knowledge goes back to nothing), then reads a file that assumed it.
    await a.ws.db.transaction('rw', a.ws.db.meta, async () => {
      await a.ws.db.meta.put({ key: 'sync.knowledge', value: {} });
    });
    const r = await importBytes(a, file, null);
    expect(r.complete).toBe(false);
  });
});
