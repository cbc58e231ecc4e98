import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { AppWindow, DatabaseZap, RefreshCw } from 'lucide-react';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './styles/tokens.css';
import './styles/app.css';
import './styles/map.css';
import './styles/roadmap.css';
import './styles/club.css';
import './styles/sync.css';
import './styles/csv.css';
import './styles/portfolio.css';
import './styles/memos.css';
import { i18next, initI18n } from './i18n';
import { openWorkspace } from './db/workspace';
import { WaypointDB } from './db/database';
import { openFailure, type OpenFailure } from './db/opening';
import { WorkspaceContext } from './db/context';
import { App } from './app/App';
import { warmFirstScreen } from './app/warm';
import { useTheme } from './app/useTheme';
import { Button } from './ui/Button';

/** What stands in for the app while the database cannot be used; each says why and what to do. */
type Startup = { kind: 'blocked' } | { kind: 'updatedElsewhere' } | { kind: 'failed'; failure: OpenFailure; detail: string };

const KEYS = {
  blocked: 'startup.blocked',
  updatedElsewhere: 'startup.updatedElsewhere',
  unavailable: 'startup.unavailable',
  noSpace: 'startup.noSpace',
  other: 'startup.openFailed',
} as const;

function StartupScreen({ state }: { state: Startup }) {
  const { t } = useTranslation();
  useTheme();
  const key = KEYS[state.kind === 'failed' ? state.failure : state.kind];
  const waiting = state.kind === 'blocked';
  return (
    <main className="startup" role={waiting ? 'status' : 'alert'} aria-busy={waiting || undefined}>
      <div className="startup__card">
        <div className="startup__icon" aria-hidden>
          {state.kind === 'failed' ? <DatabaseZap size={22} /> : <AppWindow size={22} />}
        </div>
        <h1 className="startup__title">{t(`${key}.title`)}</h1>
        <p className="startup__body">{t(`${key}.body`)}</p>
        {waiting ? (
          <p className="startup__wait">{t('startup.blocked.waiting')}</p>
        ) : (
          <div className="startup__actions">
            <Button variant="primary" icon={<RefreshCw size={15} aria-hidden />} onClick={() => window.location.reload()}>
              {t('startup.reload')}
            </Button>
          </div>
        )}
        {state.kind === 'failed' && state.detail ? (
          <details className="startup__details">
            <summary>{t('startup.details')}</summary>
            <pre>{state.detail}</pre>
          </details>
        ) : null}
      </div>
    </main>
  );
}

function show(root: Root, state: Startup): void {
  root.render(
    <StrictMode>
      <StartupScreen state={state} />
    </StrictMode>,
  );
}

/**
 * Chinese where the system has no face for it (styles/cjk.css): ~400 @font-face rules, one per
 * unicode-range slice and weight, which cost a start ~20 ms of the main thread to take in. A UI in
 * Chinese needs them for its first screen; otherwise they come once that screen is up (the system's
 * faces come first in the stack anyway, so where the system has Chinese nothing changes). Should the
 * sheet not load, Chinese falls back to the system's fonts: nothing else depends on it. Printed
 * documents declare their own faces (report/report.css).
 */
function loadChineseFaces(now: boolean): void {
  const load = () => void import('./styles/cjk.css').catch(() => undefined);
  if (now) load();
  else if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}

async function start(): Promise<void> {
  await initI18n();
  const chineseUi = i18next.language.startsWith('zh');
  if (chineseUi) loadChineseFaces(true);
  const root = createRoot(document.getElementById('root')!);
  // Once a newer window has taken the database, nothing this window does later may replace the
  // message that says so (a failing open would otherwise show a misleading error).
  let superseded = false;
  let opened = false;
  try {
    // Ask the browser not to evict the database under storage pressure.
    void navigator.storage?.persist?.().catch(() => false);
    const db = new WaypointDB();
    // The first screen's reads start now and run while the workspace opens (they wait for the open).
    warmFirstScreen(db, location.hash);
    const ws = await openWorkspace(db, Date.now, {
      // The open keeps waiting on its own; the app replaces this message as soon as it proceeds.
      onBlocked: () => {
        if (!opened && !superseded) show(root, { kind: 'blocked' });
      },
      onVersionChange: () => {
        superseded = true;
        show(root, { kind: 'updatedElsewhere' });
      },
    });
    opened = true;
    if (superseded) return;
    root.render(
      <StrictMode>
        <WorkspaceContext.Provider value={ws}>
          <App />
        </WorkspaceContext.Provider>
      </StrictMode>,
    );
    if (!chineseUi) loadChineseFaces(false);
  } catch (err) {
    if (superseded) return;
    show(root, { kind: 'failed', failure: openFailure(err), detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}

void start();
