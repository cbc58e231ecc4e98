import { lazy, Suspense, useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLanguage } from '../i18n';
import { getBridge } from '../platform';
import { useWorkspace } from '../db/context';
import { undoRedo } from '../features/edit';
import { routeHash, useRoute, type Route } from '../stores/route';
import { useUi } from '../stores/ui';
import { Toaster } from '../ui/Toaster';
import { Link } from '../ui/Link';
import { AccountsPage, AccountPage, NewAccountDialog, AccountCrumb } from '../features/accounts';
import { MemoCrumb } from '../features/memos';
import { NO_PORTFOLIO_FILTER } from '@shared/domain/portfolio';
import { RoadmapCrumb } from '../features/roadmap';
import { CommandPalette, ShortcutsDialog } from '../features/palette';
import { useSyncAgent } from '../features/sync';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { Guard } from '../ui/Guard';
import { useTheme, toggleTheme } from './useTheme';
import { useKeyboard } from './useKeyboard';
import { runCommand, useCommand } from '../stores/commands';

// Screens other than the accounts list and an account (with its map) are loaded when first shown,
// from each feature's pages.ts: a start reads, compiles and runs only what its first screen needs.
// (Recharts, the CSV reader, the roadmap, club, memo and sync screens stay out of the first chunk.)
const load = {
  portfolio: () => import('../features/portfolio/pages'),
  memos: () => import('../features/memos/pages'),
  roadmap: () => import('../features/roadmap/pages'),
  club: () => import('../features/club/pages'),
  sync: () => import('../features/sync/pages'),
  csv: () => import('../features/csv/pages'),
  settings: () => import('../features/settings/pages'),
};
const PortfolioPage = lazy(() => load.portfolio().then((m) => ({ default: m.PortfolioPage })));
const MemosPage = lazy(() => load.memos().then((m) => ({ default: m.MemosPage })));
const MemoPage = lazy(() => load.memos().then((m) => ({ default: m.MemoPage })));
const RoadmapPage = lazy(() => load.roadmap().then((m) => ({ default: m.RoadmapPage })));
const ItemPage = lazy(() => load.roadmap().then((m) => ({ default: m.ItemPage })));
const QuotePage = lazy(() => load.roadmap().then((m) => ({ default: m.QuotePage })));
const QuoteCompare = lazy(() => load.roadmap().then((m) => ({ default: m.QuoteCompare })));
const ClubPage = lazy(() => load.club().then((m) => ({ default: m.ClubPage })));
const OfferPage = lazy(() => load.club().then((m) => ({ default: m.OfferPage })));
const RetreatPage = lazy(() => load.club().then((m) => ({ default: m.RetreatPage })));
const SyncPage = lazy(() => load.sync().then((m) => ({ default: m.SyncPage })));
const ImportPage = lazy(() => load.csv().then((m) => ({ default: m.ImportPage })));
const SettingsPage = lazy(() => load.settings().then((m) => ({ default: m.SettingsPage })));
const ReportPage = lazy(() => import('../report').then((m) => ({ default: m.ReportPage })));

/** While a screen's code loads (a few milliseconds from disk): the page's own loading state. */
const loading = <div className="page page--loading" aria-busy="true" />;

/** The app, or a printable document alone (the PDF is made from it: no chrome, no background work). */
export function App() {
  const route = useRoute((s) => s.route);
  return route.name === 'print' ? (
    <Guard area="report" size="page" resetKey={routeHash(route)}>
      <Suspense fallback={null}>
        <ReportPage doc={route.doc} id={route.id} />
      </Suspense>
    </Guard>
  ) : (
    <MainApp />
  );
}

/** The native menu speaks the app's language: told at start and at every change. */
function useMenuLanguage() {
  const language = useLanguage((s) => s.language);
  useEffect(() => {
    void getBridge()
      .setLanguage(language)
      .catch(() => undefined);
  }, [language]);
}

function MainApp() {
  const { t } = useTranslation();
  useMenuLanguage();
  const ws = useWorkspace();
  const navigate = useRoute((s) => s.navigate);
  useTheme();
  useSyncAgent();

  useKeyboard();
  useCommand('edit:undo', () => void undoRedo(ws, 'undo'));
  useCommand('edit:redo', () => void undoRedo(ws, 'redo'));
  useCommand('app:find', () => {
    if (useRoute.getState().route.name !== 'accounts') navigate({ name: 'accounts' });
    useUi.getState().requestFind();
  });
  useCommand('app:commandPalette', () => useUi.getState().setPaletteOpen(!useUi.getState().paletteOpen));
  useCommand('view:toggleTheme', toggleTheme);
  useCommand('help:shortcuts', () => useUi.getState().setShortcutsOpen(true));
  useCommand('go:accounts', () => navigate({ name: 'accounts' }));
  useCommand('go:roadmap', () => navigate({ name: 'roadmap', view: 'items' }));
  useCommand('go:timeline', () => navigate({ name: 'roadmap', view: 'timeline' }));
  useCommand('go:quotes', () => navigate({ name: 'roadmap', view: 'quotes' }));
  useCommand('go:club', () => navigate({ name: 'club', view: 'roster' }));
  useCommand('go:portfolio', () => navigate({ name: 'portfolio', view: 'whale', filter: NO_PORTFOLIO_FILTER }));
  useCommand('go:memos', () => navigate({ name: 'memos' }));
  useCommand('go:sync', () => navigate({ name: 'sync' }));
  useCommand('go:settings', () => navigate({ name: 'settings' }));
  useCommand('csv:import', () => navigate({ name: 'import' }));

  // Changing screens is deferred: the screen on view stays (and keeps its live queries, whose
  // cached rows the next one may read) until the next can draw — at once when its code is loaded,
  // else when it has arrived. Within a screen (a filter in the route) the change is immediate; the
  // memo makes the deferred pass after it a no-op.
  const current = useRoute((s) => s.route);
  const deferred = useDeferredValue(current);
  const route = deferred.name === current.name ? current : deferred;
  const { crumbs, content } = useMemo(() => screenFor(route, t), [route, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Guard area="sidebar">
        <Sidebar />
      </Guard>
      <div className="app__main">
        <Guard area="topBar" size="inline" resetKey={routeHash(route)}>
          <TopBar crumbs={crumbs} />
        </Guard>
        <main id="main" className="content" tabIndex={-1}>
          <Guard area="page" size="page" resetKey={routeHash(route)}>
            <Suspense fallback={loading}>{content}</Suspense>
          </Guard>
        </main>
      </div>
      <Guard area="palette" size="inline">
        <CommandPalette />
      </Guard>
      <Guard area="dialog" size="inline">
        <ShortcutsDialog />
      </Guard>
      <Guard area="dialog" size="inline">
        <NewAccountDialog />
      </Guard>
      <Guard area="notifications" size="inline">
        <Toaster onUndo={() => void runCommand('edit:undo')} />
      </Guard>
    </div>
  );
}

/** The crumbs and the page of a route. */
function screenFor(route: Route, t: TFunction): { crumbs: React.ReactNode; content: React.ReactNode } {
  const home = <Link to={{ name: 'accounts' }}>{t('nav.accounts')}</Link>;
  let crumbs: React.ReactNode;
  let content: React.ReactNode;
  switch (route.name) {
    case 'accounts':
      crumbs = <span aria-current="page">{t('nav.accounts')}</span>;
      content = <AccountsPage />;
      break;
    case 'account':
      crumbs = (
        <>
          {home}
          <span className="breadcrumb__sep" aria-hidden>
            /
          </span>
          <AccountCrumb id={route.id} />
        </>
      );
      content = <AccountPage key={route.id} id={route.id} tab={route.tab} />;
      break;
    case 'roadmap':
      crumbs = <span aria-current="page">{t('nav.roadmap')}</span>;
      content = <RoadmapPage view={route.view} />;
      break;
    case 'item':
    case 'quote':
    case 'compare':
      crumbs = <RoadmapCrumb route={route} />;
      content =
        route.name === 'item' ? (
          <ItemPage key={route.id} id={route.id} />
        ) : route.name === 'quote' ? (
          <QuotePage key={route.id} id={route.id} />
        ) : (
          <QuoteCompare ids={route.ids} />
        );
      break;
    case 'club':
      crumbs = <span aria-current="page">{t('nav.club')}</span>;
      content = <ClubPage view={route.view} />;
      break;
    case 'offer':
    case 'retreat':
      crumbs = (
        <>
          <Link to={{ name: 'club', view: route.name === 'offer' ? 'offers' : 'retreats' }}>{t('nav.club')}</Link>
          <span className="breadcrumb__sep" aria-hidden>
            /
          </span>
          <span aria-current="page">{t(route.name === 'offer' ? 'offer.crumb' : 'retreat.crumb')}</span>
        </>
      );
      content = route.name === 'offer' ? <OfferPage key={route.id} id={route.id} /> : <RetreatPage key={route.id} id={route.id} />;
      break;
    case 'portfolio':
      crumbs = <span aria-current="page">{t('nav.portfolio')}</span>;
      content = <PortfolioPage view={route.view} filter={route.filter} />;
      break;
    case 'memos':
      crumbs = <span aria-current="page">{t('nav.memos')}</span>;
      content = <MemosPage />;
      break;
    case 'memo':
      crumbs = (
        <>
          <Link to={{ name: 'memos' }}>{t('nav.memos')}</Link>
          <span className="breadcrumb__sep" aria-hidden>
            /
          </span>
          <MemoCrumb id={route.id} />
        </>
      );
      content = <MemoPage key={route.id} id={route.id} />;
      break;
    case 'settings':
      crumbs = <span aria-current="page">{t('nav.settings')}</span>;
      content = <SettingsPage />;
      break;
    case 'sync':
      crumbs = <span aria-current="page">{t('nav.sync')}</span>;
      content = <SyncPage />;
      break;
    case 'import':
      crumbs = (
        <>
          {home}
          <span className="breadcrumb__sep" aria-hidden>
            /
          </span>
          <span aria-current="page">{t('csv.import.crumb')}</span>
        </>
      );
      content = <ImportPage />;
      break;
    case 'print':
      // Rendered by App without the frame; never reached here.
      break;
  }
  return { crumbs, content };
}
