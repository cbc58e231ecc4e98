import { create } from 'zustand';
import type { Intent } from '../db/workspace';

/**
 * Undo/redo stacks of intents (what each user action changed, field by field).
 * This is UI state: it holds changes, never copies of rows (rule 5).
 */
interface UndoState {
  past: Intent[];
  future: Intent[];
  lastPushAt: number;
  push(intent: Intent | null): void;
  /** Moves the top intent of one stack to the other once its replay was written. */
  moved(from: 'past' | 'future'): void;
  clear(): void;
}

const LIMIT = 200;
const COALESCE_MS = 1500;

/** Same single row and same fields: typing bursts become one undo step. */
function sameTarget(a: Intent, b: Intent): boolean {
  if (a.label !== b.label || a.changes.length !== 1 || b.changes.length !== 1) return false;
  const [x, y] = [a.changes[0]!, b.changes[0]!];
  const kx = Object.keys(x.after).sort().join();
  return x.table === y.table && x.id === y.id && kx === Object.keys(y.after).sort().join();
}

export const useUndo = create<UndoState>((set) => ({
  past: [],
  future: [],
  lastPushAt: 0,
  push(intent) {
    if (!intent || intent.changes.length === 0) return;
    set((s) => {
      const now = Date.now();
      const top = s.past[s.past.length - 1];
      if (top && now - s.lastPushAt < COALESCE_MS && sameTarget(top, intent)) {
        const merged: Intent = { label: top.label, changes: [{ ...top.changes[0]!, after: intent.changes[0]!.after }] };
        return { past: [...s.past.slice(0, -1), merged], future: [], lastPushAt: now };
      }
      return { past: [...s.past, intent].slice(-LIMIT), future: [], lastPushAt: now };
    });
  },
  moved(from) {
    set((s) => {
      // Stacks keep the original intent: undo writes its `before` values, redo its `after` values.
      if (from === 'past') {
        const top = s.past[s.past.length - 1];
        return top ? { past: s.past.slice(0, -1), future: [...s.future, top], lastPushAt: 0 } : s;
      }
      const top = s.future[s.future.length - 1];
      return top ? { future: s.future.slice(0, -1), past: [...s.past, top], lastPushAt: 0 } : s;
    });
  },
  clear: () => set({ past: [], future: [], lastPushAt: 0 }),
}));
