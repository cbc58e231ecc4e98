import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';
import { WorkspaceContext } from './context';
import type { Workspace } from './workspace';

/**
 * For component tests (happy-dom): `mount(ws, node)` renders `node` inside the workspace's context
 * in an element of its own and returns that element; every mount is unmounted and removed after
 * each test (or earlier, with `unmountAll`).
 */
export function workspaceMounts(): { mount: (ws: Workspace, node: ReactNode) => HTMLElement; unmountAll: () => void } {
  const roots: Root[] = [];
  const unmountAll = () => {
    for (const r of roots.splice(0)) act(() => r.unmount());
    document.body.innerHTML = '';
  };
  afterEach(unmountAll);
  const mount = (ws: Workspace, node: ReactNode): HTMLElement => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    roots.push(root);
    act(() => root.render(<WorkspaceContext.Provider value={ws}>{node}</WorkspaceContext.Provider>));
    return host;
  };
  return { mount, unmountAll };
}
