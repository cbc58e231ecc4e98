import { createContext, useContext } from 'react';
import type { Workspace } from './workspace';

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside <WorkspaceContext.Provider>');
  return ws;
}
