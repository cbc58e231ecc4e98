import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIntegrityIssues } from '../hooks/useIntegrityIssues';
import { IntegrityItem } from './IntegrityItem';

/**
 * The findings that touch one account or one roadmap item, for the top of its page: the same
 * sentence, reason and repair as under "To review" on the Sync page.
 */
export function IntegrityNotice({ accountId, itemId }: { accountId?: string; itemId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const findings = useIntegrityIssues();
  const mine = useMemo(
    () =>
      (findings ?? []).filter(
        (f) => (accountId !== undefined && f.accountIds.includes(accountId)) || (itemId !== undefined && f.itemIds.includes(itemId)),
      ),
    [findings, accountId, itemId],
  );
  if (mine.length === 0) return null;
  return (
    <section className="integrity-notice" aria-labelledby={id}>
      <h2 className="integrity-notice__title" id={id}>
        {t('sync.integrity.noticeTitle', { count: mine.length })}
      </h2>
      <ul className="integrity-list">
        {mine.map((f) => (
          <IntegrityItem key={f.key} finding={f} />
        ))}
      </ul>
    </section>
  );
}
