// @vitest-environment happy-dom
import { Component, act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { until } from '../lib/testing';
import { freshWorkspaces } from './testing';
import type { WaypointDB } from './database';
import { KEEP_MS, useSharedQuery, warmQuery, type SharedQuery } from './sharedQuery';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const open = freshWorkspaces();
const roots: Root[] = [];
afterEach(() => {
  vi.useRealTimers();
  act(() => {
    for (const r of roots.splice(0)) r.unmount();
  });
});

/** The names in the meta table, counting each run of the querier. */
function metaKeys(db: WaypointDB, runs: { n: number }): SharedQuery<string[]> {
  return {
    key: 'test:meta-keys',
    run: async () => {
      runs.n++;
      return (await db.meta.toArray()).map((m) => m.key).sort();
    },
  };
}

function Reader({ db, query, seen }: { db: WaypointDB; query: SharedQuery<string[]>; seen: Array<string[] | undefined> }) {
  const keys = useSharedQuery(db, query);
  seen.push(keys);
  return <p>{keys === undefined ? 'loading' : keys.join(',')}</p>;
}

class Boundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.state.error}</p> : this.props.children;
  }
}

function mount(node: ReactNode): HTMLDivElement {
  const el = document.createElement('div');
  const root = createRoot(el);
  roots.push(root);
  act(() => root.render(node));
  return el;
}

describe('a shared live query', () => {
  it('runs once for every reader of its key, and once again per change that touches what it read', async () => {
    const { db } = await open();
    const runs = { n: 0 };
    const a = mount(<Reader db={db} query={metaKeys(db, runs)} seen={[]} />);
    const b = mount(<Reader db={db} query={metaKeys(db, runs)} seen={[]} />);
    await until(() => expect(a.textContent).toContain('deviceId'));
    expect(b.textContent).toBe(a.textContent);
    expect(runs.n).toBe(1);
    await act(() => db.meta.put({ key: 'zz-test', value: 1 }));
    await until(() => expect(a.textContent).toContain('zz-test'));
    await until(() => expect(b.textContent).toContain('zz-test'));
    expect(runs.n).toBe(2);
  });

  it('started early (warmQuery), gives its answer to a reader’s very first render', async () => {
    const { db } = await open();
    const runs = { n: 0 };
    warmQuery(db, metaKeys(db, runs));
    await until(() => expect(runs.n).toBe(1));
    await new Promise((r) => setTimeout(r, 20));
    const seen: Array<string[] | undefined> = [];
    const el = mount(<Reader db={db} query={metaKeys(db, runs)} seen={seen} />);
    expect(seen[0]).toContain('deviceId');
    expect(el.textContent).toContain('deviceId');
    expect(runs.n).toBe(1);
  });

  it('keeps its answer for a reader that comes back soon, and lets it go after KEEP_MS', async () => {
    const { db } = await open();
    const runs = { n: 0 };
    const first = mount(<Reader db={db} query={metaKeys(db, runs)} seen={[]} />);
    await until(() => expect(first.textContent).toContain('deviceId'));
    act(() => roots.pop()!.unmount());
    const seen: Array<string[] | undefined> = [];
    mount(<Reader db={db} query={metaKeys(db, runs)} seen={seen} />);
    expect(seen[0]).toContain('deviceId');
    expect(runs.n).toBe(1);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    act(() => roots.pop()!.unmount());
    vi.advanceTimersByTime(KEEP_MS + 1);
    vi.useRealTimers();
    const later: Array<string[] | undefined> = [];
    const el = mount(<Reader db={db} query={metaKeys(db, runs)} seen={later} />);
    expect(later[0]).toBeUndefined();
    await until(() => expect(el.textContent).toContain('deviceId'));
    expect(runs.n).toBe(2);
  });

  it('while a new key loads, shows the answer of the key before (as useLiveQuery does)', async () => {
    const { db } = await open();
    await db.meta.bulkPut([
      { key: 'a', value: 'Alpha' },
      { key: 'b', value: 'Beta' },
    ]);
    const one = (key: string): SharedQuery<string[]> => ({
      key: `test:one:${key}`,
      run: async () => [String((await db.meta.get(key))?.value)],
    });
    const seen: Array<string[] | undefined> = [];
    const el = document.createElement('div');
    const root = createRoot(el);
    roots.push(root);
    act(() => root.render(<Reader db={db} query={one('a')} seen={seen} />));
    await until(() => expect(el.textContent).toBe('Alpha'));
    act(() => root.render(<Reader db={db} query={one('b')} seen={seen} />));
    expect(el.textContent).toBe('Alpha');
    await until(() => expect(el.textContent).toBe('Beta'));
    // No render after the first answer was without one.
    expect(seen.slice(seen.findIndex((s) => s !== undefined))).not.toContain(undefined);
  });

  it('throws a failure to the nearest error boundary, and asks afresh when mounted again', async () => {
    const { db } = await open();
    const runs = { n: 0 };
    const failing: SharedQuery<string[]> = {
      key: 'test:failing',
      run: async () => {
        runs.n++;
        if (runs.n === 1) throw new Error('the disk said no');
        return ['fine'];
      },
    };
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const el = mount(
      <Boundary>
        <Reader db={db} query={failing} seen={[]} />
      </Boundary>,
    );
    await until(() => expect(el.querySelector('[role="alert"]')?.textContent).toBe('the disk said no'));
    const again = mount(
      <Boundary>
        <Reader db={db} query={failing} seen={[]} />
      </Boundary>,
    );
    await until(() => expect(again.textContent).toBe('fine'));
    expect(runs.n).toBe(2);
  });
});
