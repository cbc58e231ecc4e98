import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { CommandId } from '@shared/commands';

type Run = () => void;
interface Entry {
  readonly token: symbol;
  readonly run: Run;
}

interface CommandsState {
  /** Per command, the screens that handle it now; the latest registered (the innermost screen) runs. */
  readonly handlers: ReadonlyMap<CommandId, readonly Entry[]>;
}

/**
 * What each command of shared/commands.ts does right now. The keyboard handler, the menu, the
 * palette and the shortcuts help all run commands through here, so a command is available exactly
 * while a screen that handles it is mounted.
 */
export const useCommands = create<CommandsState>(() => ({ handlers: new Map() }));

export function registerCommand(id: CommandId, run: Run): () => void {
  const token = Symbol(id);
  useCommands.setState((s) => {
    const next = new Map(s.handlers);
    next.set(id, [...(next.get(id) ?? []), { token, run }]);
    return { handlers: next };
  });
  return () =>
    useCommands.setState((s) => {
      const next = new Map(s.handlers);
      const left = (next.get(id) ?? []).filter((e) => e.token !== token);
      if (left.length > 0) next.set(id, left);
      else next.delete(id);
      return { handlers: next };
    });
}

/** Runs the command if a screen handles it now; false when none does (the key then does what it would). */
export function runCommand(id: CommandId): boolean {
  const list = useCommands.getState().handlers.get(id);
  const entry = list?.[list.length - 1];
  if (!entry) return false;
  entry.run();
  return true;
}

export const isCommandAvailable = (id: CommandId): boolean => (useCommands.getState().handlers.get(id)?.length ?? 0) > 0;

/** Whether a screen handles the command now (re-renders when that changes). */
export const useCommandAvailable = (id: CommandId): boolean => useCommands((s) => (s.handlers.get(id)?.length ?? 0) > 0);

/** Handles `id` while the calling component is mounted (and `enabled`); the latest `run` is used. */
export function useCommand(id: CommandId, run: Run, enabled = true): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => (enabled ? registerCommand(id, () => latest.current()) : undefined), [id, enabled]);
}
