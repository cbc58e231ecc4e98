import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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
import { initI18n, i18next } from './i18n';
import { openWorkspace } from './db/workspace';
import { WorkspaceContext } from './db/context';
import { App } from './app/App';

async function start(): Promise<void> {
  await initI18n();
  const root = createRoot(document.getElementById('root')!);
  try {
    // Ask the browser not to evict the database under storage pressure.
    void navigator.storage?.persist?.().catch(() => false);
    const ws = await openWorkspace();
    root.render(
      <StrictMode>
        <WorkspaceContext.Provider value={ws}>
          <App />
        </WorkspaceContext.Provider>
      </StrictMode>,
    );
  } catch (err) {
    root.render(
      <div className="fatal" role="alert">
        <h1>{i18next.t('errors.openFailedTitle')}</h1>
        <p>{i18next.t('errors.openFailedBody')}</p>
        <pre>{err instanceof Error ? err.message : String(err)}</pre>
      </div>,
    );
  }
}

void start();
