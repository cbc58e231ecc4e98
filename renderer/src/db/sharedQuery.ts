import { useCallback, useRef, useSyncExternalStore } from 'react';
import { liveQuery, type Dexie, type Subscription } from 'dexie';

/**
 * A live query that every reader of the same key shares: one Dexie subscription, one run of the
 * querier per change, and an answer that a reader arriving later has at once (in its first
 * render). It can be started before any screen reads it (`warmQuery`): the start warms the
 * queries of the screen it opens on while the workspace is still opening, so that screen's
 * first render has its rows instead of asking for them after it mounts.
 */
export interface SharedQuery<T> {
  /** What the query is, with its arguments: the same key must always mean the same querier. */
  readonly key: string;
  readonly run: () => Promise<T>;
}

type State<T> =
  { readonly status: 'loading' } | { readonly status: 'ok'; readonly value: T } | { readonly status: 'error'; readonly error: unknown };

interface Entry<T> {
  state: State<T>;
  readonly listeners: Set<() => void>;
  subscription: Subscription | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/** How long a query no reader holds keeps its answer: going back to a screen within this draws it at once. */
export const KEEP_MS = 3000;
/** How long a warmed query waits for its first reader before it is dropped. */
export const WARM_MS = 10_000;

const LOADING: State<never> = { status: 'loading' };
const entries = new WeakMap<Dexie, Map<string, Entry<unknown>>>();

function drop(db: Dexie, key: string, entry: Entry<unknown>): void {
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = null;
  entry.subscription?.unsubscribe();
  entry.subscription = null;
  const map = entries.get(db);
  if (map?.get(key) === entry) map.delete(key);
}

function dropLater(db: Dexie, key: string, entry: Entry<unknown>, ms: number): void {
  if (entry.timer) clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.listeners.size === 0) drop(db, key, entry);
  }, ms);
}

/** The key's entry, made (and its query started) when there is none; one no reader takes up within WARM_MS is dropped. */
function entryFor<T>(db: Dexie, query: SharedQuery<T>): Entry<T> {
  let map = entries.get(db);
  if (!map) entries.set(db, (map = new Map()));
  const found = map.get(query.key) as Entry<T> | undefined;
  if (found) return found;
  const entry: Entry<T> = { state: LOADING, listeners: new Set(), subscription: null, timer: null };
  map.set(query.key, entry as Entry<unknown>);
  const set = (state: State<T>) => {
    entry.state = state;
    for (const l of [...entry.listeners]) l();
  };
  entry.subscription = liveQuery(query.run).subscribe({
    next: (value) => set({ status: 'ok', value }),
    // A failed query ends its subscription. Its readers throw it; the entry goes when the last
    // of them does (say for its error boundary), so a reader mounted again asks afresh.
    error: (error: unknown) => {
      entry.subscription = null;
      set({ status: 'error', error });
      if (entry.listeners.size === 0) drop(db, query.key, entry as Entry<unknown>);
    },
  });
  // Also when a render that made it is never committed: nothing would unsubscribe it otherwise.
  dropLater(db, query.key, entry as Entry<unknown>, WARM_MS);
  return entry;
}

/** Starts a query before any screen reads it (a reader that comes within WARM_MS has its answer, or its answer sooner). */
export function warmQuery<T>(db: Dexie, query: SharedQuery<T>): void {
  entryFor(db, query);
}

/**
 * The current answer of a shared query: undefined while the first answer is loading (or, after
 * the key changed, the previous key's answer until the new one arrives, as useLiveQuery does).
 * A failed query throws, for the nearest error boundary.
 */
export function useSharedQuery<T>(db: Dexie, query: SharedQuery<T>): T | undefined {
  const { key } = query;
  const entry = entryFor(db, query);
  const subscribe = useCallback(
    (onChange: () => void) => {
      entry.listeners.add(onChange);
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      return () => {
        entry.listeners.delete(onChange);
        if (entry.listeners.size > 0) return;
        if (entry.state.status === 'error') drop(db, key, entry as Entry<unknown>);
        else dropLater(db, key, entry as Entry<unknown>, KEEP_MS);
      };
    },
    [db, key, entry],
  );
  const snapshot = () => entry.state;
  const state = useSyncExternalStore(subscribe, snapshot, snapshot);
  const last = useRef<T | undefined>(undefined);
  if (state.status === 'error') throw state.error;
  if (state.status === 'ok') last.current = state.value;
  return last.current;
}
