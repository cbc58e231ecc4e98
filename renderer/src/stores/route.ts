import { create } from 'zustand';
import { PRINT_DOCS, type PrintDoc } from '@shared/bridge';
import { parsePortfolioQuery, portfolioQuery, type PortfolioFilter } from '@shared/domain/portfolio';

/** Where the user is. Kept in the URL hash so reload returns to the same screen. */
export const ACCOUNT_TABS = ['overview', 'map', 'plans', 'offers', 'quotes'] as const;
export type AccountTab = (typeof ACCOUNT_TABS)[number];
export const ROADMAP_VIEWS = ['items', 'timeline', 'quotes'] as const;
export type RoadmapView = (typeof ROADMAP_VIEWS)[number];
export const CLUB_VIEWS = ['roster', 'retreats', 'offers', 'program'] as const;
export type ClubView = (typeof CLUB_VIEWS)[number];
export const PORTFOLIO_VIEWS = ['whale', 'buckets', 'matrix', 'segments', 'relationships'] as const;
export type PortfolioView = (typeof PORTFOLIO_VIEWS)[number];
export { PRINT_DOCS, type PrintDoc };
export type Route =
  | { readonly name: 'accounts' }
  | { readonly name: 'account'; readonly id: string; readonly tab: AccountTab }
  | { readonly name: 'roadmap'; readonly view: RoadmapView }
  | { readonly name: 'item'; readonly id: string }
  | { readonly name: 'quote'; readonly id: string }
  | { readonly name: 'compare'; readonly ids: readonly string[] }
  | { readonly name: 'club'; readonly view: ClubView }
  | { readonly name: 'offer'; readonly id: string }
  | { readonly name: 'retreat'; readonly id: string }
  | { readonly name: 'sync' }
  /** Trade-off memos: the list, and one memo. */
  | { readonly name: 'memos' }
  | { readonly name: 'memo'; readonly id: string }
  /** Across accounts: whale curve, buckets, cost-to-serve matrix, segments, relationships; filters in the query. */
  | { readonly name: 'portfolio'; readonly view: PortfolioView; readonly filter: PortfolioFilter }
  /** Bring accounts and contacts in from a CRM export or a spreadsheet. */
  | { readonly name: 'import' }
  /** A printable document (report view, no app chrome): what the PDF is made from. */
  | { readonly name: 'print'; readonly doc: PrintDoc; readonly id: string }
  | { readonly name: 'settings' };

const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : fallback;

/** A hash typed or pasted by hand may hold a broken escape ("%E0%A4"): it reads as written, never throws. */
const decodePart = (p: string): string => {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
};

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodePart);
  if (parts[0] === 'portfolio')
    return { name: 'portfolio', view: oneOf(PORTFOLIO_VIEWS, parts[1], 'whale'), filter: parsePortfolioQuery(query) };
  if (parts[0] === 'accounts' && parts[1]) return { name: 'account', id: parts[1], tab: oneOf(ACCOUNT_TABS, parts[2], 'overview') };
  if (parts[0] === 'roadmap' && parts[1] === 'item' && parts[2]) return { name: 'item', id: parts[2] };
  if (parts[0] === 'roadmap') return { name: 'roadmap', view: oneOf(ROADMAP_VIEWS, parts[1], 'items') };
  if (parts[0] === 'quotes' && parts[1] === 'compare' && parts[2])
    return { name: 'compare', ids: parts[2].split(',').filter(Boolean).slice(0, 4) };
  if (parts[0] === 'quotes' && parts[1]) return { name: 'quote', id: parts[1] };
  if (parts[0] === 'club') return { name: 'club', view: oneOf(CLUB_VIEWS, parts[1], 'roster') };
  if (parts[0] === 'offers' && parts[1]) return { name: 'offer', id: parts[1] };
  if (parts[0] === 'retreats' && parts[1]) return { name: 'retreat', id: parts[1] };
  if (parts[0] === 'memos' && parts[1]) return { name: 'memo', id: parts[1] };
  if (parts[0] === 'memos') return { name: 'memos' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'sync') return { name: 'sync' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'print' && parts[2] && (PRINT_DOCS as readonly string[]).includes(parts[1] ?? ''))
    return { name: 'print', doc: parts[1] as PrintDoc, id: parts[2] };
  return { name: 'accounts' };
}

export function routeHash(r: Route): string {
  switch (r.name) {
    case 'accounts':
      return '#/accounts';
    case 'account':
      return `#/accounts/${encodeURIComponent(r.id)}/${r.tab}`;
    case 'roadmap':
      return `#/roadmap/${r.view}`;
    case 'item':
      return `#/roadmap/item/${encodeURIComponent(r.id)}`;
    case 'quote':
      return `#/quotes/${encodeURIComponent(r.id)}`;
    case 'compare':
      return `#/quotes/compare/${r.ids.map(encodeURIComponent).join(',')}`;
    case 'club':
      return `#/club/${r.view}`;
    case 'offer':
      return `#/offers/${encodeURIComponent(r.id)}`;
    case 'retreat':
      return `#/retreats/${encodeURIComponent(r.id)}`;
    case 'memos':
      return '#/memos';
    case 'memo':
      return `#/memos/${encodeURIComponent(r.id)}`;
    case 'settings':
      return '#/settings';
    case 'sync':
      return '#/sync';
    case 'portfolio': {
      const q = portfolioQuery(r.filter);
      return `#/portfolio/${r.view}${q ? `?${q}` : ''}`;
    }
    case 'import':
      return '#/import';
    case 'print':
      return `#/print/${r.doc}/${encodeURIComponent(r.id)}`;
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
