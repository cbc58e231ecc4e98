import { useTranslation } from 'react-i18next';
import { Check, CloudOff, Loader2, Search, TriangleAlert } from 'lucide-react';
import { useUi } from '../stores/ui';
import { Kbd } from '../ui/Button';
import { formatDateTime } from '../lib/format';
import { ariaKeysOf, keysOf } from '../lib/keys';
import type { ReactNode } from 'react';

function SaveState() {
  const { t } = useTranslation();
  const pending = useUi((s) => s.pendingWrites);
  const lastSavedAt = useUi((s) => s.lastSavedAt);
  const error = useUi((s) => s.writeError);
  if (error)
    return (
      <span className="save-state save-state--error" role="status" title={error}>
        <TriangleAlert size={14} aria-hidden /> {t('top.notSaved')}
      </span>
    );
  return (
    <span className="save-state" role="status" title={lastSavedAt ? t('top.savedAt', { time: formatDateTime(lastSavedAt) }) : undefined}>
      {pending > 0 ? <Loader2 size={14} className="spin" aria-hidden /> : <Check size={14} aria-hidden />}
      {pending > 0 ? t('top.saving') : t('top.saved')}
    </span>
  );
}

/** Breadcrumb, command palette, save state and the quiet offline badge. */
export function TopBar({ crumbs }: { crumbs: ReactNode }) {
  const { t } = useTranslation();
  const openPalette = useUi((s) => s.setPaletteOpen);
  return (
    <header className="topbar">
      <nav className="breadcrumb" aria-label={t('top.breadcrumb')}>
        {crumbs}
      </nav>
      <button
        type="button"
        className="palette-trigger"
        onClick={() => openPalette(true)}
        aria-keyshortcuts={ariaKeysOf('app:commandPalette')}
      >
        <Search size={14} aria-hidden />
        <span>{t('top.search')}</span>
        <Kbd>{keysOf('app:commandPalette')}</Kbd>
      </button>
      <div className="topbar__right">
        <SaveState />
        <span className="offline-badge" title={t('top.offlineHint')}>
          <CloudOff size={13} aria-hidden />
          {t('top.offline')}
        </span>
      </div>
    </header>
  );
}
