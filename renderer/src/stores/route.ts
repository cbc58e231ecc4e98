import { create } from 'zustand';

/** Where the user is. Kept in the URL hash so reload returns to the same screen. */
export const ACCOUNT_TABS = ['overview', 'map', 'plans'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];
export type Route =
  | { readonly name: 'accounts' }
  | { readonly name: 'account'; readonly id: string; readonly tab: AccountTab }
  | { readonly name: 'settings' };

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'accounts' && parts[1]) return { name: 'account', id: parts[1], tab: (ACCOUNT_TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as AccountTab) : 'overview' };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'accounts' };
}

export function routeHash(r: Route): string {
  switch (r.name) {
    case 'accounts':
      return '#/accounts';
    case 'account':
      return `#/accounts/${encodeURIComponent(r.id)}/${r.tab}`;
    case 'settings':
      return '#/settings';
  }
}

interface RouteState {
  route: Route;
  navigate(r: Route): void;
}

export const useRoute = create<RouteState>((set) => ({
  route: typeof location !== 'undefined' ? parseHash(location.hash) : { name: 'accounts' },
  navigate(route) {
    const hash = routeHash(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => useRoute.setState({ route: parseHash(location.hash) }));
}
