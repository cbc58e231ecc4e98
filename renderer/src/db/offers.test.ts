import { describe, expect, it, vi } from 'vitest';
import { defaultOptions, type OfferFields, type OfferOption } from '@shared/domain/club';
import { asMinor, type Bp } from '@shared/domain/money';
import { compareStamps } from '@shared/sync/hlc';
import { createAccount, deleteAccount } from './accounts';
import type { AccountRow, OfferRow } from './database';
import { createOffer, deleteOffer, duplicateOffer, OfferRefusedError, setOfferStatus, updateOffer } from './offers';
import { replayIntent, type Workspace } from './workspace';
import { expectStamped, freshWorkspaces } from './testing';

const fresh = freshWorkspaces();

const LABELS = { a: 'A: price held + seat', b: 'B: discount', c: 'C: half + seat' };

/** defaultOptions(1500, LABELS), written out by hand. */
const OPTIONS: OfferOption[] = [
  { label: 'A: price held + seat', discountBp: 0 as Bp, seat: true },
  { label: 'B: discount', discountBp: 1500 as Bp, seat: false },
  { label: 'C: half + seat', discountBp: 750 as Bp, seat: true },
];

const offerFields = (accountId: string, over: Partial<OfferFields> = {}): OfferFields => ({
  accountId,
  name: 'Renewal 2027',
  status: 'draft',
  currency: 'EUR',
  listPrice: asMinor(12_000_000),
  termYears: 3,
  askedDiscountBp: 1500 as Bp,
  clubCostPerYear: asMinor(800_000),
  options: defaultOptions(1500, LABELS),
  notes: '',
  ...over,
});

const OFFER_KEYS = Object.keys(offerFields('x')).sort();

async function getOffer(ws: Workspace, id: string): Promise<OfferRow> {
  const row = await ws.db.offers.get(id);
  if (!row) throw new Error(`offer ${id} missing`);
  return row;
}

/** The refusal reason a promise rejects with; fails the test if it resolves or rejects with something else. */
async function refusal(p: Promise<unknown>): Promise<OfferRefusedError['reason']> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OfferRefusedError);
  const refused = err as OfferRefusedError;
  expect(refused.messageKey).toBe(`offer.refused.${refused.reason}`);
  return refused.reason;
}

async function setup(ws: Workspace): Promise<{ acme: AccountRow; offer: OfferRow }> {
  const { account: acme } = await createAccount(ws, { name: 'Acme' });
  const { offer } = await createOffer(ws, offerFields(acme.id));
  return { acme, offer };
}

describe('createOffer', () => {
  it('writes the offer with the default options A, B, C in one transaction, every field stamped once', async () => {
    const ws = await fresh();
    const { account: acme } = await createAccount(ws, { name: 'Acme' });
    const tx = vi.spyOn(ws.db, 'transaction');
    const { offer, intent } = await createOffer(ws, offerFields(acme.id, { name: '  Renewal 2027  ' }));
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = { ...offerFields(acme.id), options: OPTIONS };
    expect(offer).toEqual({ ...expected, id: offer.id, deleted: false, stamps: offer.stamps, updatedAt: offer.updatedAt });
    expect(await getOffer(ws, offer.id)).toEqual(offer);
    expect(Object.keys(offer.stamps).sort()).toEqual([...OFFER_KEYS, 'deleted'].sort());
    expect(new Set(Object.values(offer.stamps))).toEqual(new Set([offer.updatedAt]));
    expect(intent).toEqual({
      label: 'createOffer',
      changes: [{ table: 'offers', id: offer.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it('trims option labels', async () => {
    const ws = await fresh();
    const { account: acme } = await createAccount(ws, { name: 'Acme' });
    const { offer } = await createOffer(
      ws,
      offerFields(acme.id, { options: defaultOptions(1500, { a: ' A: price held + seat ', b: 'B: discount  ', c: '  C: half + seat' }) }),
    );
    expect((await getOffer(ws, offer.id)).options).toEqual(OPTIONS);
  });

  it.each<[string, (o: OfferFields) => OfferFields, OfferRefusedError['reason']]>([
    ['one option', (o) => ({ ...o, options: o.options.slice(0, 1) }), 'lastOptions'],
    ['no options', (o) => ({ ...o, options: [] }), 'lastOptions'],
    ['termYears 0', (o) => ({ ...o, termYears: 0 }), 'invalid'],
    ['termYears 11', (o) => ({ ...o, termYears: 11 }), 'invalid'],
    ['an empty name', (o) => ({ ...o, name: '  ' }), 'invalid'],
    ['an asked discount above 100 %', (o) => ({ ...o, askedDiscountBp: 10_001 as Bp }), 'invalid'],
    ['a lower-case currency', (o) => ({ ...o, currency: 'eur' }), 'invalid'],
    ['nine options', (o) => ({ ...o, options: [...OPTIONS, ...OPTIONS, ...OPTIONS] }), 'invalid'],
    [
      'an option with an empty label',
      (o) => ({ ...o, options: [...OPTIONS.slice(0, 2), { label: ' ', discountBp: 0 as Bp, seat: false }] }),
      'invalid',
    ],
  ])('refuses %s and writes nothing', async (_label, make, reason) => {
    const ws = await fresh();
    const { account: acme } = await createAccount(ws, { name: 'Acme' });
    const tx = vi.spyOn(ws.db, 'transaction');
    expect(await refusal(createOffer(ws, make(offerFields(acme.id))))).toBe(reason);
    expect(tx).not.toHaveBeenCalled();
    expect(await ws.db.offers.count()).toBe(0);
  });

  it("refuses an unknown or deleted account ('missingAccount') and writes nothing", async () => {
    const ws = await fresh();
    const { account: acme } = await createAccount(ws, { name: 'Acme' });
    expect(await refusal(createOffer(ws, offerFields('nope')))).toBe('missingAccount');
    await deleteAccount(ws, acme.id);
    expect(await refusal(createOffer(ws, offerFields(acme.id)))).toBe('missingAccount');
    expect(await ws.db.offers.count()).toBe(0);
  });
});

describe('updateOffer', () => {
  it('writes only the given keys (name trimmed), stamping only the fields that changed', async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    const tx = vi.spyOn(ws.db, 'transaction');
    const intent = await updateOffer(ws, offer.id, { name: '  Renewal 2028  ', termYears: 5, currency: 'EUR' });
    expect(tx).toHaveBeenCalledTimes(1);
    const stored = await getOffer(ws, offer.id);
    expect(stored).toEqual({
      ...offer,
      name: 'Renewal 2028',
      termYears: 5,
      stamps: { ...offer.stamps, name: stored.updatedAt, termYears: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(compareStamps(offer.updatedAt, stored.updatedAt)).toBe(-1);
    expect(intent).toEqual({
      label: 'editOffer',
      changes: [
        { table: 'offers', id: offer.id, before: { name: 'Renewal 2027', termYears: 3 }, after: { name: 'Renewal 2028', termYears: 5 } },
      ],
    });
    await expectStamped(ws, intent!);
  });

  it('replaces the options as one field', async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    const options = [OPTIONS[0]!, { label: '  D: 10 %  ', discountBp: 1000 as Bp, seat: false }];
    const intent = await updateOffer(ws, offer.id, { options });
    const written = [OPTIONS[0]!, { label: 'D: 10 %', discountBp: 1000, seat: false }];
    expect(intent?.changes).toEqual([{ table: 'offers', id: offer.id, before: { options: OPTIONS }, after: { options: written } }]);
    expect((await getOffer(ws, offer.id)).options).toEqual(written);
  });

  it("validates the merged offer: refuses fewer than 2 options ('lastOptions') and invalid values ('invalid'), writing nothing", async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    expect(await refusal(updateOffer(ws, offer.id, { options: [OPTIONS[0]!] }))).toBe('lastOptions');
    expect(await refusal(updateOffer(ws, offer.id, { termYears: 0 }))).toBe('invalid');
    expect(await refusal(updateOffer(ws, offer.id, { name: ' ' }))).toBe('invalid');
    expect(await refusal(updateOffer(ws, offer.id, { listPrice: asMinor(-1) }))).toBe('invalid');
    expect(await refusal(updateOffer(ws, offer.id, { status: 'won' as OfferFields['status'] }))).toBe('invalid');
    expect(await getOffer(ws, offer.id)).toEqual(offer);
  });

  it('returns null for an unknown or deleted offer, or a patch that changes nothing', async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    expect(await updateOffer(ws, 'nope', { name: 'X' })).toBeNull();
    expect(await updateOffer(ws, offer.id, { name: '  Renewal 2027 ', termYears: 3 })).toBeNull();
    expect(await getOffer(ws, offer.id)).toEqual(offer);
    await deleteOffer(ws, offer.id);
    const deleted = await getOffer(ws, offer.id);
    expect(await updateOffer(ws, offer.id, { name: 'X' })).toBeNull();
    expect(await getOffer(ws, offer.id)).toEqual(deleted);
  });

  it('undo restores the previous values', async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    const intent = await updateOffer(ws, offer.id, { name: 'Renewal 2028', termYears: 5 });
    const undo = await replayIntent(ws, intent!, 'undo');
    expect(undo).toEqual({
      label: 'editOffer',
      changes: [
        { table: 'offers', id: offer.id, before: { name: 'Renewal 2028', termYears: 5 }, after: { name: 'Renewal 2027', termYears: 3 } },
      ],
    });
    await expectStamped(ws, undo);
    expect(await getOffer(ws, offer.id)).toMatchObject({ name: 'Renewal 2027', termYears: 3, deleted: false });
  });
});

describe('setOfferStatus', () => {
  it("'chosen' stamps only the status, labelled 'offerStatus'; undo brings back the draft", async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    const intent = await setOfferStatus(ws, offer.id, 'chosen');
    const stored = await getOffer(ws, offer.id);
    expect(stored).toEqual({
      ...offer,
      status: 'chosen',
      stamps: { ...offer.stamps, status: stored.updatedAt },
      updatedAt: stored.updatedAt,
    });
    expect(intent).toEqual({
      label: 'offerStatus',
      changes: [{ table: 'offers', id: offer.id, before: { status: 'draft' }, after: { status: 'chosen' } }],
    });
    await expectStamped(ws, intent!);
    expect(await setOfferStatus(ws, offer.id, 'chosen')).toBeNull();
    expect(await setOfferStatus(ws, 'nope', 'chosen')).toBeNull();

    await replayIntent(ws, intent!, 'undo');
    expect((await getOffer(ws, offer.id)).status).toBe('draft');
  });
});

describe('duplicateOffer', () => {
  it('copies every field into a new draft with the new (trimmed) name', async () => {
    const ws = await fresh();
    const { acme } = await setup(ws);
    const { offer: original } = await createOffer(ws, offerFields(acme.id, { notes: 'Board wants 15 %', termYears: 5 }));
    await setOfferStatus(ws, original.id, 'chosen');
    const chosen = await getOffer(ws, original.id);

    const tx = vi.spyOn(ws.db, 'transaction');
    const { offer: copy, intent } = await duplicateOffer(ws, original.id, '  Renewal, try 2  ');
    expect(tx).toHaveBeenCalledTimes(1);
    const expected = {
      ...offerFields(acme.id, { notes: 'Board wants 15 %', termYears: 5 }),
      options: OPTIONS,
      name: 'Renewal, try 2',
      status: 'draft',
    };
    expect(copy).toEqual({ ...expected, id: copy.id, deleted: false, stamps: copy.stamps, updatedAt: copy.updatedAt });
    expect(copy.id).not.toBe(original.id);
    expect(await getOffer(ws, copy.id)).toEqual(copy);
    expect(await getOffer(ws, original.id)).toEqual(chosen);
    expect(await ws.db.offers.count()).toBe(3);
    expect(Object.keys(copy.stamps).sort()).toEqual([...OFFER_KEYS, 'deleted'].sort());
    expect(compareStamps(chosen.updatedAt, copy.updatedAt)).toBe(-1);
    expect(intent).toEqual({
      label: 'duplicateOffer',
      changes: [{ table: 'offers', id: copy.id, before: { deleted: true }, after: { ...expected, deleted: false } }],
    });
    await expectStamped(ws, intent);
  });

  it("refuses an unknown or deleted offer and an empty name ('invalid'), writing nothing", async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    expect(await refusal(duplicateOffer(ws, 'nope', 'Copy'))).toBe('invalid');
    expect(await refusal(duplicateOffer(ws, offer.id, '  '))).toBe('invalid');
    await deleteOffer(ws, offer.id);
    expect(await refusal(duplicateOffer(ws, offer.id, 'Copy'))).toBe('invalid');
    expect(await ws.db.offers.count()).toBe(1);
  });
});

describe('deleteOffer', () => {
  it('tombstones the offer; undo restores it, redo deletes it again', async () => {
    const ws = await fresh();
    const { acme, offer } = await setup(ws);
    const { offer: other } = await createOffer(ws, offerFields(acme.id, { name: 'Expansion' }));
    const intent = await deleteOffer(ws, offer.id);
    expect(intent).toEqual({
      label: 'deleteOffer',
      changes: [{ table: 'offers', id: offer.id, before: { deleted: false }, after: { deleted: true } }],
    });
    await expectStamped(ws, intent);
    const gone = await getOffer(ws, offer.id);
    expect(gone).toEqual({ ...offer, deleted: true, stamps: { ...offer.stamps, deleted: gone.updatedAt }, updatedAt: gone.updatedAt });
    expect(await getOffer(ws, other.id)).toEqual(other);
    expect(await ws.db.offers.count()).toBe(2);

    const undo = await replayIntent(ws, intent, 'undo');
    expect(undo.changes).toEqual([{ table: 'offers', id: offer.id, before: { deleted: true }, after: { deleted: false } }]);
    const back = await getOffer(ws, offer.id);
    expect(back).toEqual({ ...offer, stamps: { ...offer.stamps, deleted: back.updatedAt }, updatedAt: back.updatedAt });

    await replayIntent(ws, intent, 'redo');
    expect((await getOffer(ws, offer.id)).deleted).toBe(true);
  });

  it('undo of createOffer tombstones the new offer', async () => {
    const ws = await fresh();
    const { offer } = await setup(ws);
    const { account } = await createAccount(ws, { name: 'Globex' });
    const { offer: created, intent } = await createOffer(ws, offerFields(account.id));
    await replayIntent(ws, intent, 'undo');
    expect((await getOffer(ws, created.id)).deleted).toBe(true);
    expect((await getOffer(ws, offer.id)).deleted).toBe(false);
  });
});
