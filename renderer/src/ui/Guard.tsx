import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from './ErrorBoundary';
import { Button } from './Button';
import { useRoute } from '../stores/route';

type Area =
  'page' | 'sidebar' | 'topBar' | 'palette' | 'dialog' | 'overview' | 'map' | 'plans' | 'offers' | 'quotes' | 'report' | 'notifications';

/**
 * An error boundary with the app's ways out: Sync & backups (review, restore) is always one
 * click away, whatever failed, and so is the accounts list.
 */
export function Guard({
  area,
  resetKey,
  size = 'panel',
  children,
}: {
  area: Area;
  resetKey?: string;
  size?: 'page' | 'panel' | 'inline';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useRoute((s) => s.navigate);
  const actions = (
    <>
      <Button onClick={() => navigate({ name: 'sync' })}>{t('boundary.openSync')}</Button>
      <Button variant="ghost" onClick={() => navigate({ name: 'accounts' })}>
        {t('boundary.openAccounts')}
      </Button>
    </>
  );
  return (
    <ErrorBoundary area={t(`boundary.area.${area}`)} resetKey={resetKey} size={size} actions={size === 'inline' ? undefined : actions}>
      {children}
    </ErrorBoundary>
  );
}
