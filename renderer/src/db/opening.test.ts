import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultAccountFields, type AccountFields } from '@shared/domain/account';
import { WaypointDB } from './database';
import { openFailure, watchConnection, type ConnectionEvents } from './opening';
import { CURRENT_VERSION } from './schema';
import { openWorkspace, runIntent } from './workspace';

const OLDER = CURRENT_VERSION - 1;
const dbs: WaypointDB[] = [];
function db(name: string, upTo = Number.POSITIVE_INFINITY): WaypointDB {
  const d = new WaypointDB(name, {}, upTo);
  dbs.push(d);
  return d;
}

/** An older window: the older schema (whose tables openWorkspace would not all find), watched the same way. */
async function olderWindow(name: string, events: ConnectionEvents = {}): Promise<WaypointDB> {
  const old = db(name, OLDER);
  watchConnection(old, events);
  await old.open();
  return old;
}
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

describe('a newer window upgrading the database', () => {
  it('closes the older connection for good and tells it why; the newer one opens without waiting', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const onVersionChange = vi.fn();
    const old = await olderWindow(name, { onVersionChange });
    const onBlocked = vi.fn();
    const fresh = await openWorkspace(db(name), Date.now, { onBlocked });

    expect(onVersionChange).toHaveBeenCalledWith({ newVersion: CURRENT_VERSION * 10 });
    expect(onBlocked).not.toHaveBeenCalled();
    expect(old.isOpen()).toBe(false);
    // Not reopened behind the user's back with the old schema: every later read fails loudly.
    await expect(old.accounts.count()).rejects.toMatchObject({ name: 'DatabaseClosedError' });
    expect(fresh.db.verno).toBe(CURRENT_VERSION);
    await runIntent(fresh, 'seed', (w) => w.insert<AccountFields>('accounts', defaultAccountFields({ name: 'Acme' })));
    expect(await fresh.db.accounts.count()).toBe(1);
  });

  it('waits while an older window holds on, says so, and opens as soon as it lets go', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const old = await olderWindow(name);
    // An older window that does not let go (busy, frozen, or a build without the handler):
    // a later subscriber returning false stops Dexie's own close.
    old.on('versionchange', () => false);
    const events: string[] = [];
    const opening = openWorkspace(db(name), Date.now, {
      onBlocked: () => {
        events.push('blocked');
        setTimeout(() => {
          events.push('old closed');
          old.close();
        }, 20);
      },
    });
    const fresh = await opening;
    events.push('opened');

    expect(events).toEqual(['blocked', 'old closed', 'opened']);
    expect(fresh.db.isOpen()).toBe(true);
    expect(fresh.db.verno).toBe(CURRENT_VERSION);
    expect(await fresh.db.accounts.count()).toBe(0);
  });
});

describe('openFailure', () => {
  it('says IndexedDB is unavailable when the API is missing', async () => {
    const missing = new WaypointDB(`t-${crypto.randomUUID()}`, { indexedDB: undefined });
    const err: unknown = await openWorkspace(missing).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'MissingAPIError' });
    expect(openFailure(err)).toBe('unavailable');
  });

  it('says unavailable when the browser refuses storage (private modes) and noSpace for a full disk', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const err: unknown = await openWorkspace(new WaypointDB(`t-${crypto.randomUUID()}`, { indexedDB: refusing })).catch((e: unknown) => e);
    expect(openFailure(err)).toBe('unavailable');
    expect(openFailure({ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } })).toBe('noSpace');
    expect(openFailure(new DOMException('denied', 'SecurityError'))).toBe('unavailable');
  });

  it('leaves anything else to the generic message', () => {
    expect(openFailure(new Error('boom'))).toBe('other');
    expect(openFailure({ name: 'UpgradeError' })).toBe('other');
    expect(openFailure(null)).toBe('other');
    expect(openFailure('text')).toBe('other');
  });
});
