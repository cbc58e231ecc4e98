import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n';
import { getBridge } from '../platform';
import { useWorkspace } from '../db/context';
import { undoRedo } from '../features/edit';
import { routeHash, useRoute } from '../stores/route';
import { useUi } from '../stores/ui';
import { Toaster } from '../ui/Toaster';
import { Link } from '../ui/Link';
import { AccountsPage, AccountPage, NewAccountDialog, AccountCrumb } from '../features/accounts';
import { SettingsPage } from '../features/settings';
import { PortfolioPage } from '../features/portfolio';
import { MemosPage, MemoPage, MemoCrumb } from '../features/memos';
import { NO_PORTFOLIO_FILTER } from '@shared/domain/portfolio';
import { RoadmapPage, ItemPage, QuotePage, QuoteCompare, RoadmapCrumb } from '../features/roadmap';
import { ClubPage, OfferPage, RetreatPage } from '../features/club';
import { CommandPalette, ShortcutsDialog } from '../features/palette';
import { SyncPage, useSyncAgent } from '../features/sync';
import { ImportPage } from '../features/csv';
import { ReportPage } from '../report';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { Guard } from '../ui/Guard';
import { useTheme, toggleTheme } from './useTheme';
import { useKeyboard } from './useKeyboard';
import { runCommand, useCommand } from '../stores/commands';

/** The app, or a printable document alone (the PDF is made from it: no chrome, no background work). */
export function App() {
  const route = useRoute((s) => s.route);
  return route.name === 'print' ? (
    <Guard area="report" size="page" resetKey={routeHash(route)}>
      <ReportPage doc={route.doc} id={route.id} />
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
  const route = useRoute((s) => s.route);
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
            {content}
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
