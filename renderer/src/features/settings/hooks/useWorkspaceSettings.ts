import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { readRows } from '@shared/domain/tables';
import type { WorkspaceSettings } from '@shared/domain/workspace';
import { commit } from '../../edit';
import { useWorkspace } from '../../../db/context';
import { readWorkspaceSettings, updateWorkspaceSettings } from '../../../db/portfolio';

export interface WorkspaceSettingsView {
  readonly settings: WorkspaceSettings;
  /** The currencies of live accounts other than the reporting one, sorted: each needs a rate. */
  readonly currencies: string[];
}

/** The workspace settings in force, and which account currencies need an exchange rate to the reporting one. */
export function useWorkspaceSettings(): WorkspaceSettingsView | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const [settings, accounts] = await Promise.all([readWorkspaceSettings(db), db.accounts.toArray().then((r) => readRows('accounts', r))]);
    const currencies = [...new Set(accounts.filter((a) => !a.deleted).map((a) => a.currency))]
      .filter((c) => c !== settings.currency)
      .sort();
    return { settings, currencies };
  }, [db]);
}

/** Each settings edit is one undoable intent; a refused value shows its message in a toast. */
export function useWorkspaceSettingsActions() {
  const ws = useWorkspace();
  return useMemo(() => ({ update: (patch: Partial<WorkspaceSettings>) => void commit(() => updateWorkspaceSettings(ws, patch)) }), [ws]);
}
