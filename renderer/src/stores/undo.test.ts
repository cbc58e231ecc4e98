import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Intent } from '../db/workspace';
import { useUndo } from './undo';

const edit = (id: string, field: string, before: unknown, after: unknown, label = 'editAccount'): Intent => ({
  label,
  changes: [{ table: 'accounts', id, before: { [field]: before }, after: { [field]: after } }],
});

afterEach(() => {
  useUndo.getState().clear();
  vi.useRealTimers();
});

describe('the undo stack', () => {
  it('coalesces a typing burst on one field of one row into one step (within 1.5 s), keeping the first before', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    useUndo.getState().push(edit('a', 'name', 'Ac', 'Acm'));
    vi.setSystemTime(1_000_800);
    useUndo.getState().push(edit('a', 'name', 'Acm', 'Acme'));
    const { past } = useUndo.getState();
    expect(past).toHaveLength(1);
    expect(past[0]!.changes[0]).toMatchObject({ before: { name: 'Ac' }, after: { name: 'Acme' } });
  });

  it('keeps separate steps for another field, another row, another action, or after a pause', () => {
    vi.useFakeTimers();
    vi.setSystemTime(2_000_000);
    const u = useUndo.getState();
    u.push(edit('a', 'name', 'A', 'B'));
    u.push(edit('a', 'owner', '', 'Kim'));
    u.push(edit('b', 'owner', '', 'Kim'));
    u.push(edit('b', 'owner', 'Kim', 'Lea', 'editOther'));
    vi.setSystemTime(2_010_000);
    u.push(edit('b', 'owner', 'Lea', 'Mo', 'editOther'));
    expect(useUndo.getState().past).toHaveLength(5);
  });

  it('moves intents between the stacks, clears redo on a new edit, ignores empty intents and keeps the last 200', () => {
    const u = useUndo.getState();
    u.push(null);
    u.push({ label: 'nothing', changes: [] });
    expect(useUndo.getState().past).toHaveLength(0);
    u.push(edit('a', 'name', 'A', 'B', 'x'));
    u.push(edit('b', 'name', 'A', 'B', 'y'));
    u.moved('past');
    expect(useUndo.getState().past.map((i) => i.label)).toEqual(['x']);
    expect(useUndo.getState().future.map((i) => i.label)).toEqual(['y']);
    u.moved('future');
    expect(useUndo.getState().past.map((i) => i.label)).toEqual(['x', 'y']);
    u.moved('past');
    u.push(edit('c', 'name', 'A', 'B', 'z'));
    expect(useUndo.getState().future).toEqual([]);
    for (let i = 0; i < 250; i++) u.push(edit(`r${i}`, 'name', i, i + 1, `e${i}`));
    expect(useUndo.getState().past).toHaveLength(200);
    expect(useUndo.getState().past.at(-1)!.label).toBe('e249');
  });
});
